import ChildProcess
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

    /// Seeds are read exactly from the request's text (issue 19): above 2^53 a Double would
    /// turn 9007199254740993 into ...992's episode, and 2^64 - 1, which --suite-seed takes, would
    /// not fit at all. In the suite layout mode the seed picks layout seed % 50, so the layout
    /// shows which seed arrived; in the random mode the seed draws the layout itself.
    @Test func seedsAreReadExactlyAsIntegers() throws {
        let suite = try answers([
            #"{"op":"reset","seed":9007199254740993}"#,
            #"{"op":"reset","seed":9007199254740992}"#,
            #"{"op":"reset","seed":18446744073709551615}"#,
            #"{"op":"reset","seed":18446744073709551616}"#,
            #"{"op":"reset","seed":1.5}"#,
            #"{"op":"reset","seed":-1}"#,
            #"{"op":"reset","seed":4.0}"#,
        ], arguments: ["env", "--task", "reach-v3", "--suite-seed", "18446744073709551615"])
        #expect(suite.status == 0)
        #expect(suite.replies.count == 7)
        #expect(suite.replies[0]["layout"] as? Int == Int(9_007_199_254_740_993 % 50))
        #expect(suite.replies[1]["layout"] as? Int == Int(9_007_199_254_740_992 % 50))
        #expect(suite.replies[2]["layout"] as? Int == Int(UInt64.max % 50))
        let range = "give an integer from 0 to 18446744073709551615"
        #expect(suite.replies[3]["error"] as? String == "seed 18446744073709551616 is out of range; \(range)")
        #expect(suite.replies[4]["error"] as? String == "seed 1.5 is not an integer; \(range)")
        #expect(suite.replies[5]["error"] as? String == "seed -1 is out of range; \(range)")
        #expect(suite.replies[6]["layout"] as? Int == 4)

        let random = ["env", "--task", "reach-v3", "--layout-mode", "random"]
        func goal(_ seed: String) throws -> [Double]? {
            let replies = try answers([#"{"op":"reset","seed":\#(seed)}"#], arguments: random).replies
            return (replies.first?["obs"] as? [Double])?.suffix(3).map { $0 }
        }
        let odd = try goal("9007199254740993"), even = try goal("9007199254740992"), top = try goal("18446744073709551615")
        #expect(odd != nil && even != nil && top != nil)
        #expect(odd != even, "two seeds one apart above 2^53 must draw two layouts")
        #expect(try goal("9007199254740993") == odd)
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
        #expect(bad.status != 0 && bad.stderr.contains("'sometimes' is invalid for '--layout-mode") && bad.stderr.contains("'suite' and 'random'"))
    }
}
