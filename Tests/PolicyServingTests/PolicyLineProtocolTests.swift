import Foundation
@testable import PolicyServing
import PPO
import Testing
import TestScratch

@Suite struct PolicyLineProtocolTests {
    static func session(runCheckpoint: Bool = true) throws -> (PolicyLineProtocol, PPOAgentBox, TestScratch) {
        let scratch = try TestScratch("policy-protocol")
        let agent = try Fixtures.agent(taskCount: 2)
        let url = scratch.file("checkpoint.safetensors")
        if runCheckpoint {
            try Fixtures.writeRunCheckpoint(agent, taskNames: ["reach-v3", "push-v3"], to: url)
        } else {
            try Fixtures.writeAgentCheckpoint(agent, to: url)
        }
        let inference = PolicyInference(checkpoint: try CheckpointPolicy.load(from: url))
        return (PolicyLineProtocol(inference: inference), PPOAgentBox(agent: agent), scratch)
    }

    struct PPOAgentBox { let agent: PPOAgent }

    static func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    static func error(_ line: String) throws -> String {
        let object = try object(line)
        return try #require(object["error"] as? String, "not an error: \(line)")
    }

    @Test func answersWithTheAgentsMeanAndValueByIndexOrName() throws {
        let (session, box, scratch) = try Self.session()
        defer { scratch.remove() }
        let observation: [Float] = [0.1, -0.2, 1.5, 0.75, -2]
        let expected = try Fixtures.agentOutput(box.agent, observation: observation, task: 1, taskCount: 2, head: 1)
        let list = observation.map { "\($0)" }.joined(separator: ",")
        for task in ["1", "\"push-v3\"", "1.0"] {
            let answer = try Self.object(session.answer("{\"observation\":[\(list)],\"task\":\(task)}"))
            let action = try #require(answer["action"] as? [Double]), mean = try #require(answer["mean"] as? [Double])
            let logStd = try #require(answer["log_std"] as? [Double]), value = try #require(answer["value"] as? Double)
            #expect(action.count == 2 && mean.count == 2 && logStd.count == 2)
            // Printed with Float's shortest round-trip spelling: the exact float32 comes back.
            #expect(mean.map { Float($0) } == Array(session.inference.mean))
            for j in 0..<2 { #expect(abs(Float(mean[j]) - expected.mean[j]) <= 1e-6 && action[j] == mean[j]) }
            #expect(abs(Float(value) - expected.value) <= 1e-6)
        }
    }

    @Test func badRequestsGetErrorLinesNamingTheProblem() throws {
        let (session, _, scratch) = try Self.session()
        defer { scratch.remove() }
        let five = "[0,0,0,0,0]"
        #expect(try Self.error(session.answer("{\"observation\":")).hasPrefix("not valid JSON"))
        #expect(try Self.error(session.answer("[1,2]")).hasPrefix("expected a JSON object"))
        #expect(try Self.error(session.answer("{\"task\":0}")) == "missing \"observation\": an array of 5 numbers (the task's observation without the one-hot task id)")
        #expect(try Self.error(session.answer("{\"observation\":[0,0,0,0,0,0,1],\"task\":0}"))
                == "observation has 7 values; this policy takes 5 (the task's observation without the one-hot task id)")
        #expect(try Self.error(session.answer("{\"observation\":[],\"task\":0}")).hasPrefix("observation has 0 values"))
        #expect(try Self.error(session.answer("{\"observation\":\(five)}"))
                == "missing \"task\": give an index 0..<2 or one of: reach-v3, push-v3")
        #expect(try Self.error(session.answer("{\"observation\":\(five),\"task\":\"door-open-v3\"}"))
                == "unknown task 'door-open-v3'; give an index 0..<2 or one of: reach-v3, push-v3")
        #expect(try Self.error(session.answer("{\"observation\":\(five),\"task\":2}")) == "task index 2 is out of range; valid indices are 0..<2")
        #expect(try Self.error(session.answer("{\"observation\":\(five),\"task\":0.5}")).hasPrefix("task 0.5 is neither an integer index nor a name"))
        #expect(try Self.error(session.answer("{\"observation\":\(five),\"task\":true}")).hasPrefix("task true is neither"))
        #expect(try Self.error(session.answer("{\"observation\":[0,0,\"x\",0,0],\"task\":0}")) == "observation[2] = \"x\" is not a finite float32 number")
        #expect(try Self.error(session.answer("{\"observation\":[0,null,0,0,0],\"task\":0}")) == "observation[1] = null is not a finite float32 number")
        // The number as it was sent, not as the Double it reads as.
        #expect(try Self.error(session.answer("{\"observation\":[0,0,0,1e39,0],\"task\":0}")) == "observation[3] = 1e39 is not a finite float32 number")
        // A task index is read exactly: 2^63 and 1e30 are out of Int's range, not rounded indices.
        #expect(try Self.error(session.answer("{\"observation\":\(five),\"task\":9223372036854775808}")).hasPrefix("task 9223372036854775808 is neither"))
        #expect(!session.answer("{\"observation\":\(five),\"task\":1.0}").contains("error"))
        #expect(try Self.error(session.answer("{\"observation\":[0,0,0,0,false],\"task\":0}")) == "observation[4] = false is not a finite float32 number")
    }

    @Test func agentCheckpointTakesIndicesOnly() throws {
        let (session, _, scratch) = try Self.session(runCheckpoint: false)
        defer { scratch.remove() }
        #expect(try Self.error(session.answer("{\"observation\":[0,0,0,0,0],\"task\":\"reach-v3\"}"))
                == "unknown task 'reach-v3'; give an index 0..<2 (this checkpoint carries no task names)")
        #expect(try Self.object(session.answer("{\"observation\":[0,0,0,0,0],\"task\":0}"))["value"] is Double)
    }

    @Test func sessionGoesOnAfterErrorsAndSkipsBlankLines() throws {
        let (session, _, scratch) = try Self.session()
        defer { scratch.remove() }
        var lines = ["{\"observation\":[1,2,3,4,5],\"task\":0}", "oops", "", "   ", "{\"observation\":[1,2,3,4,5],\"task\":\"reach-v3\"}"][...]
        var answers: [String] = []
        session.serve(readLine: { lines.popFirst() }, write: { answers.append($0) })
        #expect(answers.count == 3)
        #expect(try Self.object(answers[1])["error"] != nil)
        #expect(answers[0] == answers[2])
    }
}
