import Foundation
import Testing

/// `dratsd env` end to end: the real binary, driven over stdin/stdout.
@Suite struct EnvCommandTests {
    func answers(_ lines: [String], arguments: [String] = ["env", "--task", "pick-place-v3"]) throws -> (status: Int32, replies: [[String: Any]]) {
        let result = try DratsdBinary.run(arguments, stdin: lines.joined(separator: "\n") + "\n")
        let replies = try result.stdout.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        return (result.status, replies)
    }

    @Test func resetStepAndErrorsOverOneSession() throws {
        let (status, replies) = try answers([
            #"{"op":"reset"}"#,
            #"{"op":"step","action":[1,0,0,-1]}"#,
            #"{"op":"reset","seed":3}"#,
            "this is not json",
            #"{"op":"step","action":[1,0]}"#,
            #"{"op":"step","action":[0,0,0,0]}"#,
            #"{"op":"jump"}"#,
        ])
        #expect(status == 0)
        #expect(replies.count == 7)
        let reset = replies[0]
        #expect((reset["obs"] as? [Double])?.count == 39)
        #expect(reset["task"] as? String == "pick-place-v3")
        #expect(reset["layout"] is Int)
        let step = replies[1]
        #expect((step["obs"] as? [Double])?.count == 39)
        #expect(step["reward"] is Double)
        #expect(step["success"] is Bool)
        #expect(step["truncated"] as? Bool == false)
        #expect((step["info"] as? [String: Any])?["step"] as? Int == 1)
        #expect(replies[2]["layout"] as? Int == 3)
        #expect((replies[3]["error"] as? String)?.contains("JSON") == true)
        #expect((replies[4]["error"] as? String)?.contains("expected 4") == true)
        #expect((replies[5]["obs"] as? [Double])?.count == 39)
        #expect((replies[6]["error"] as? String)?.contains("jump") == true)
    }

    @Test func sameSeedSameObservationAcrossProcesses() throws {
        let lines = [#"{"op":"reset","seed":11}"#, #"{"op":"step","action":[0.5,-0.5,0.2,1]}"#]
        let first = try answers(lines, arguments: ["env", "--task", "push-v3", "--suite-seed", "4"]).replies
        let second = try answers(lines, arguments: ["env", "--task", "push-v3", "--suite-seed", "4"]).replies
        #expect(first[1]["obs"] as? [Double] == second[1]["obs"] as? [Double])
    }

    @Test func unknownTaskFailsListingValidNames() throws {
        let result = try DratsdBinary.run(["env", "--task", "fly-v3"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("reach-v3") && result.stderr.contains("pick-place-v3"))
    }

    @Test func benchEnvPrintsJSONPerTaskAndThreadCount() throws {
        let result = try DratsdBinary.run(["bench", "env", "--task", "reach-v3", "--steps", "50", "--threads", "2", "--json"])
        #expect(result.status == 0)
        let rows = try result.stdout.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(rows.map { $0["threads"] as? Int } == [1, 2])
        for row in rows {
            #expect(row["task"] as? String == "reach-v3")
            #expect((row["env_steps_per_s"] as? Double ?? 0) > 0)
            let share = row["physics_share"] as? Double ?? -1
            #expect(share > 0 && share <= 1)
        }
    }
}

@Suite struct EnvCommandLayoutModeTests {
    @Test func randomLayoutModeDrawsFreshLayoutsWithoutIndex() throws {
        let lines = [#"{"op":"reset","seed":1}"#, #"{"op":"reset","seed":2}"#].joined(separator: "\n") + "\n"
        let result = try DratsdBinary.run(["env", "--task", "reach-v3", "--layout-mode", "random"], stdin: lines)
        #expect(result.status == 0)
        let replies = try result.stdout.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(replies.count == 2)
        #expect(replies[0]["layout"] is NSNull)
        #expect((replies[0]["obs"] as? [Double])?[36...38] != (replies[1]["obs"] as? [Double])?[36...38])
        let bad = try DratsdBinary.run(["env", "--task", "reach-v3", "--layout-mode", "sometimes"])
        #expect(bad.status != 0 && bad.stderr.contains("suite or random"))
    }
}
