import Service
import Testing

@Suite struct ServiceSettingsTests {
    @Test func defaultsAreValidAndHeartbeatIsAQuarterOfTheLease() throws {
        let settings = ServiceSettings()
        try settings.validate()
        #expect(settings.maxConcurrent == 1)
        #expect(settings.pollIntervalSeconds == 2)
        #expect(settings.heartbeatIntervalSeconds == 30)
        #expect(ServiceSettings(leaseTimeoutSeconds: 8).heartbeatIntervalSeconds == 2)
    }

    @Test func outOfRangeSettingsNameTheFlagAndTheAllowedRange() {
        let cases: [(ServiceSettings, String)] = [
            (ServiceSettings(maxConcurrent: 0), "--max-concurrent 0 is out of range; allowed: an integer from 1 to 256"),
            (ServiceSettings(maxConcurrent: 257), "--max-concurrent 257"),
            (ServiceSettings(pollIntervalSeconds: .nan), "--poll-interval-seconds nan"),
            (ServiceSettings(pollIntervalSeconds: 0.01), "--poll-interval-seconds 0.01 is out of range; allowed: a number of seconds from 0.05 to 3600"),
            (ServiceSettings(pollIntervalSeconds: .infinity), "--poll-interval-seconds inf"),
            (ServiceSettings(leaseTimeoutSeconds: 0.5), "--lease-timeout-seconds 0.5"),
            (ServiceSettings(lostAttemptLimit: 0), "--lost-attempt-limit 0 is out of range; allowed: an integer from 1 to 1000"),
            (ServiceSettings(databaseBusyTimeoutSeconds: 0), "database busy timeout 0.0"),
        ]
        for (settings, expected) in cases {
            do {
                try settings.validate()
                Issue.record("\(settings) was accepted")
            } catch {
                #expect(error.description.contains(expected), "\(error.description)")
            }
        }
    }
}
