import Foundation
import JSONLines
import Physics

/// The `dratsd env` protocol: one JSON object per input line, one JSON line per answer, so that
/// any language can drive a task. Malformed requests get `{"error": ...}` and the session goes on.
///
/// Requests: `{"op":"reset"}`, `{"op":"reset","seed":S}`, `{"op":"step","action":[a0,a1,a2,a3]}`.
/// The seed is any UInt64 (0 to 18446744073709551615), read exactly as written.
public final class EnvLineProtocol {
    public let environment: ManipulationEnvironment

    public init(environment: ManipulationEnvironment) {
        self.environment = environment
    }

    /// Answers one request line (without its newline) with one JSON line.
    public func answer(_ line: String) -> String {
        do {
            return try handle(line)
        } catch {
            return "{\"error\":\(JSONText.quoted(String(describing: error)))}"
        }
    }

    /// Reads requests from `input` until it ends, answering each on `output` (flushed per line).
    public func serve(readLine: () -> String?, write: (String) -> Void) {
        while let line = readLine() {
            if line.allSatisfy(\.isWhitespace) { continue }
            write(answer(line))
        }
    }

    private func handle(_ line: String) throws -> String {
        let parsed: JSONValue
        do {
            parsed = try JSONValue.parse(line)
        } catch {
            throw EnvProtocolError.malformedJSON(line: String(line.prefix(80)))
        }
        guard case .object(let request) = parsed else { throw EnvProtocolError.notAnObject }
        guard case .string(let op)? = request["op"] else { throw EnvProtocolError.missingOp }
        switch op {
        case "reset":
            var seed: UInt64?
            if let value = request["seed"] {
                // Read from the number's text: a seed above 2^53 is exactly the one sent.
                do { seed = try value.integer(as: UInt64.self) } catch { throw EnvProtocolError.badSeed(value.jsonText, error) }
            }
            let observation = environment.reset(seed: seed)
            let layout = environment.layoutIndex.map(String.init) ?? "null"
            return "{\"obs\":\(JSONText.array(observation)),\"task\":\(JSONText.quoted(environment.taskName)),\"layout\":\(layout)}"
        case "step":
            guard case .array(let values)? = request["action"] else { throw EnvProtocolError.missingAction }
            var action: [Double] = []
            action.reserveCapacity(values.count)
            for (index, value) in values.enumerated() {
                guard let number = value.number else { throw EnvProtocolError.actionNotNumber(index: index, text: value.jsonText) }
                action.append(number)
            }
            let outcome = try environment.step(action)
            var info = "\"near_object\":\(outcome.nearObject),\"grasp_success\":\(outcome.graspSuccess)"
            info += ",\"grasp_reward\":\(JSONText.number(outcome.graspReward)),\"in_place_reward\":\(JSONText.number(outcome.inPlaceReward))"
            info += ",\"obj_to_target\":\(JSONText.number(outcome.objectToTarget)),\"unscaled_reward\":\(JSONText.number(outcome.reward))"
            info += ",\"step\":\(environment.stepCount),\"faults\":\(environment.faultCount)"
            if let fault = outcome.fault { info += ",\"fault\":\(JSONText.quoted(fault.description))" }
            return "{\"obs\":\(JSONText.array(environment.observation)),\"reward\":\(JSONText.number(outcome.reward)),"
                + "\"success\":\(outcome.success),\"truncated\":\(outcome.truncated),\"info\":{\(info)}}"
        default:
            throw EnvProtocolError.unknownOp(op)
        }
    }
}

/// Problems with one request line of the env protocol.
public enum EnvProtocolError: Error, CustomStringConvertible {
    case malformedJSON(line: String)
    case notAnObject
    case missingOp
    case unknownOp(String)
    case badSeed(String, JSONIntegerProblem)
    case missingAction
    case actionNotNumber(index: Int, text: String)

    public var description: String {
        switch self {
        case let .malformedJSON(line): return "not valid JSON: \(line)"
        case .notAnObject: return "expected a JSON object such as {\"op\":\"reset\"}"
        case .missingOp: return "missing \"op\"; use \"reset\" or \"step\""
        case let .unknownOp(op): return "unknown op '\(op)'; use \"reset\" or \"step\""
        case let .badSeed(text, problem): return "seed \(text) \(problem.message(allowed: "an integer from 0 to \(UInt64.max)"))"
        case .missingAction: return "step needs \"action\": an array of 4 numbers (dx, dy, dz, gripper)"
        case let .actionNotNumber(index, text): return "action[\(index)] = \(text) is not a number"
        }
    }
}
