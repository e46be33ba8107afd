import ChildProcess
import Foundation
import Testing

/// `dratsd env` and `dratsd bench env` serve peg-insert-side-v3 through the real binary.
@Suite struct EnvCommandPegTests {
    @Test func envServesPegInsertSide() throws {
        let input = [#"{"op":"reset","seed":4}"#, #"{"op":"step","action":[0,0,-1,-1]}"#].joined(separator: "\n") + "\n"
        let result = try DratsdBinary.run(["env", "--task", "peg-insert-side-v3", "--suite-seed", "2"], stdin: input)
        #expect(result.status == 0)
        let replies = try result.stdout.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        try #require(replies.count == 2)
        let reset = try #require(replies[0]["obs"] as? [Double])
        #expect(reset.count == 39)
        #expect(replies[0]["task"] as? String == "peg-insert-side-v3")
        // Goal on the tunnel axis (block z ≈ 0 + 0.13); grasp site 1 cm above the resting peg's axis.
        #expect(abs(reset[38] - 0.13) < 0.0015)
        #expect(abs(reset[6] - 0.025) < 0.002)
        let step = try #require(replies[1]["obs"] as? [Double])
        #expect(step.count == 39 && step.allSatisfy { $0.isFinite })
        #expect(replies[1]["success"] as? Bool == false)
    }

    @Test func benchEnvMeasuresPegInsertSide() throws {
        let result = try DratsdBinary.run(["bench", "env", "--task", "peg-insert-side-v3", "--steps", "50", "--threads", "1", "--json"])
        #expect(result.status == 0)
        let row = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.split(separator: "\n")[0].utf8)) as? [String: Any])
        #expect(row["task"] as? String == "peg-insert-side-v3")
        #expect((row["env_steps_per_s"] as? Double ?? 0) > 0)
    }
}
