import Foundation
import Testing
@testable import Manipulation

@Suite struct EnvLineProtocolTests {
    func reply(_ server: EnvLineProtocol, _ line: String) throws -> [String: Any] {
        let text = server.answer(line)
        #expect(!text.contains("\n"))
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func malformedRequestsGetErrorsAndServingContinues() throws {
        let server = EnvLineProtocol(environment: try ManipulationEnvironment(task: "reach-v3"))
        for (line, fragment) in [
            ("", "JSON"), ("{", "JSON"), ("[1,2]", "object"), (#"{"seed":1}"#, "op"),
            (#"{"op":"walk"}"#, "walk"), (#"{"op":"reset","seed":"x"}"#, "seed"),
            (#"{"op":"reset","seed":-2}"#, "seed"), (#"{"op":"step"}"#, "action"),
            (#"{"op":"step","action":[0,0,0,0]}"#, "reset"),
        ] {
            let answer = try reply(server, line)
            #expect((answer["error"] as? String)?.contains(fragment) == true, "\(line) -> \(answer)")
        }
        #expect(try reply(server, #"{"op":"reset","seed":0}"#)["obs"] != nil)
        for (line, fragment) in [
            (#"{"op":"step","action":[0,0,0]}"#, "4"), (#"{"op":"step","action":[0,true,0,0]}"#, "action[1] = true"),
            (#"{"op":"step","action":[0,0,null,0]}"#, "action[2]"),
        ] {
            #expect((try reply(server, line)["error"] as? String)?.contains(fragment) == true)
        }
        let step = try reply(server, #"{"op":"step","action":[0,0,0,0]}"#)
        #expect((step["obs"] as? [Any])?.count == 39)
        #expect(step["truncated"] as? Bool == false)
    }

    @Test func serveAnswersEveryNonBlankLine() throws {
        let server = EnvLineProtocol(environment: try ManipulationEnvironment(task: "push-v3"))
        var input = [#"{"op":"reset"}"#, "   ", #"{"op":"step","action":[0,0,0,1]}"#, "oops"]
        var output: [String] = []
        server.serve(readLine: { input.isEmpty ? nil : input.removeFirst() }, write: { output.append($0) })
        #expect(output.count == 3)
        #expect(output[2].hasPrefix("{\"error\""))
    }
}
