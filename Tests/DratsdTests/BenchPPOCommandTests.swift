import ChildProcess
import Foundation
import Testing

/// Runs the real `dratsd bench ppo` on a tiny budget.
@Suite struct BenchPPOCommandTests {
    @Test func jsonReportCoversBothNetworksAndBatches() throws {
        let result = try DratsdBinary.run(["bench", "ppo", "--json", "--transitions", "640", "--minibatches", "4",
                                           "--inference-calls", "5", "--threads", "1,2"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let update = object?["update"] as? [[String: Any]] ?? []
        let inference = object?["inference"] as? [[String: Any]] ?? []
        #expect(update.count == 6)   // 2 networks x (1 thread, 2 OpenBLAS threads, actor|critic on 2)
        #expect(update.filter { $0["mode"] as? String == "actor|critic" }.count == 2)
        #expect(inference.count == 12)  // 2 networks x (1, 2 OpenBLAS, actor|critic) x batches 10 and 1
        #expect(update.allSatisfy { ($0["transitionsPerSecond"] as? Double ?? 0) > 0 })
        #expect(update.contains { $0["network"] as? String == "paper 3x400" && $0["parameterCount"] as? Int == 717_690 })
        #expect(Set(inference.compactMap { $0["batch"] as? Int }) == [1, 10])
    }

    @Test func tableIsTheDefault() throws {
        let result = try DratsdBinary.run(["bench", "ppo", "--transitions", "320", "--minibatches", "2", "--inference-calls", "2", "--threads", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("GFLOP/s"))
        #expect(result.stdout.contains("us/call"))
    }

    /// `make bench`'s form: the table on stdout and the same report as JSON in a file.
    @Test func jsonFileGetsTheReportWhileTheTableIsPrinted() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ppo.json").path
        let result = try DratsdBinary.run(["bench", "ppo", "--json-file", path, "--transitions", "320", "--minibatches", "2",
                                           "--inference-calls", "2", "--threads", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("us/call") && result.stdout.contains("wrote \(path)"))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        #expect((object?["inference"] as? [[String: Any]])?.count == 4)   // 2 networks x batches 10 and 1, one thread
        let env = directory.appendingPathComponent("env.json").path
        let envResult = try DratsdBinary.run(["bench", "env", "--task", "reach-v3", "--steps", "50", "--threads", "1", "--json-file", env])
        #expect(envResult.status == 0 && envResult.stdout.contains("env steps/s"), "\(envResult.stderr)")
        let envRows = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: env))) as? [[String: Any]]
        #expect(envRows?.first?["task"] as? String == "reach-v3")
    }

    /// `DRATS_SMALL_BATCH_KERNEL=off` puts rollout inference on BLAS, and the report says so; a
    /// value that is neither on nor off is named in a warning and the kernel stays on.
    @Test func smallBatchKernelSwitch() throws {
        let arguments = ["bench", "ppo", "--json", "--transitions", "320", "--minibatches", "2", "--inference-calls", "2", "--threads", "1"]
        var environment = ProcessInfo.processInfo.environment
        environment["DRATS_SMALL_BATCH_KERNEL"] = "off"
        let off = try DratsdBinary.run(arguments, environment: environment)
        #expect(off.status == 0, "\(off.stderr)")
        let offReport = try JSONSerialization.jsonObject(with: Data(off.stdout.utf8)) as? [String: Any]
        #expect(offReport?["smallBatchKernel"] as? Bool == false)

        environment["DRATS_SMALL_BATCH_KERNEL"] = "no"
        let bad = try DratsdBinary.run(arguments, environment: environment)
        #expect(bad.status == 0, "\(bad.stderr)")
        let badReport = try JSONSerialization.jsonObject(with: Data(bad.stdout.utf8)) as? [String: Any]
        let supported = try #require(badReport?["smallBatchKernelSupported"] as? Bool)
        #expect(badReport?["smallBatchKernel"] as? Bool == supported)
        if supported {
            #expect(bad.stderr.contains("warning: DRATS_SMALL_BATCH_KERNEL='no' is not valid; use 'on' or 'off'"), "\(bad.stderr)")
        }
        #expect(offReport?["smallBatchKernelSupported"] as? Bool == supported)
    }

    @Test func rejectsBadArguments() throws {
        for arguments in [["--threads", "0"], ["--threads", "two"], ["--transitions", "5"], ["--minibatches", "0"]] {
            let result = try DratsdBinary.run(["bench", "ppo"] + arguments)
            #expect(result.status != 0)
            #expect(result.stderr.contains("--"), "\(arguments): \(result.stderr)")
        }
    }
}
