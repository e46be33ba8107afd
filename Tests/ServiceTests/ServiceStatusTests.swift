import Service
import Testing

@Suite struct ServiceStatusTests {
    @Test func summaryLines() {
        #expect(ServiceStatus().line == "0 running, 0 queued")
        #expect(ServiceStatus(running: 2, queued: 3, lastEvent: "run r-20261125-k3x9qa completed").line
                == "2 running, 3 queued, last: run r-20261125-k3x9qa completed")
        #expect(ServiceStatus(running: 1, queued: 0, stopping: true).line == "stopping: checkpointing 1 run, 0 queued")
        #expect(ServiceStatus(running: 2, queued: 1, stopping: true).line == "stopping: checkpointing 2 runs, 1 queued")
        #expect(ServiceStatus(running: 0, queued: 4, lastEvent: "run x requeued", stopping: true).line
                == "stopping, 4 queued, last: run x requeued")
    }
}
