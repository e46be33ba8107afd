import ChildProcess
import Foundation
import Testing

/// Runs the real `dratsd` binary that the test build placed beside the test bundle.
@Suite struct BinarySmokeTests {
    @Test func versionPrints() throws {
        let result = try DratsdBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    @Test func unknownSubcommandFailsWithUsage() throws {
        let result = try DratsdBinary.run(["no-such-command"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Usage") || result.stderr.contains("Error"))
    }
}
