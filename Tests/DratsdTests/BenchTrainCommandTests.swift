import ChildProcess
import Foundation
import Testing

/// Runs the real `dratsd bench train` on a tiny budget.
@Suite struct BenchTrainCommandTests {
    @Test func jsonReportHasACasePerNetworkAndThreadCount() throws {
        let result = try DratsdBinary.run(["bench", "train", "--json", "--tasks", "reach-v3,push-v3", "--num-envs", "2", "--num-steps", "16",
                                           "--iterations", "1", "--update-epochs", "1", "--minibatches", "2", "--threads", "1,2",
                                           "--evaluation-episodes", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let cases = object?["cases"] as? [[String: Any]] ?? []
        #expect(cases.count == 4)
        #expect(Set(cases.compactMap { $0["threads"] as? Int }) == [1, 2])
        #expect(cases.allSatisfy { $0["environmentSteps"] as? Int == 32 && ($0["environmentStepsPerSecond"] as? Double ?? 0) > 0 })
        #expect(cases.allSatisfy { ($0["physicsSeconds"] as? Double ?? 0) > 0 && ($0["updateSeconds"] as? Double ?? 0) > 0 })
        #expect(cases.allSatisfy { ($0["evaluationSeconds"] as? Double ?? 0) > 0 })
    }

    @Test func tableIsTheDefaultAndBadArgumentsAreRejected() throws {
        let result = try DratsdBinary.run(["bench", "train", "--tasks", "reach-v3", "--num-envs", "1", "--num-steps", "8", "--iterations", "1",
                                           "--update-epochs", "1", "--minibatches", "1", "--threads", "1", "--networks", "small"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("steps/s") && result.stdout.contains("small 2x64") && !result.stdout.contains("evaluation ("))
        for arguments in [["--threads", "0"], ["--networks", "huge"], ["--tasks", "fly-v3"], ["--num-steps", "0"], ["--minibatches", "0"], ["--evaluation-episodes", "-1"]] {
            let bad = try DratsdBinary.run(["bench", "train"] + arguments)
            #expect(bad.status != 0)
            #expect(bad.stderr.contains("--"), "\(arguments): \(bad.stderr)")
        }
    }
}
