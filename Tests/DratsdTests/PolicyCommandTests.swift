import Foundation
import Testing

/// `dratsd policy` end to end: the real binary's refusals of files that are no checkpoint.
/// (Its answers on real checkpoints are tested in PolicyServingTests and by pytest against
/// `dratsd train` runs.)
@Suite struct PolicyCommandTests {
    @Test func missingCheckpointExitsWithTheReason() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("drats-no-such-\(UUID().uuidString).safetensors").path
        let result = try DratsdBinary.run(["policy", path], stdin: "{\"observation\":[],\"task\":0}\n")
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("cannot read checkpoint \(path): no such file"))
    }

    @Test func fileWithoutAChecksumIsRefused() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("drats-foreign-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        // A valid safetensors file (an empty header) that drats did not write.
        var bytes: [UInt8] = [2, 0, 0, 0, 0, 0, 0, 0]
        bytes += Array("{}".utf8)
        try Data(bytes).write(to: url)
        let result = try DratsdBinary.run(["policy", url.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("checksum"))
    }
}
