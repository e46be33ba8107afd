import Foundation

/// The `dratsd env` protocol: one JSON object per input line, one JSON line per answer, so that
/// any language can drive a task. Malformed requests get `{"error": ...}` and the session goes on.
///
/// Requests: `{"op":"reset"}`, `{"op":"reset","seed":S}`, `{"op":"step","action":[a0,a1,a2,a3]}`.
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
            return "{\"error\":\(Self.quoted(String(describing: error)))}"
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
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
        } catch {
            throw EnvProtocolError.malformedJSON(line: String(line.prefix(80)))
        }
        guard let request = parsed as? [String: Any] else { throw EnvProtocolError.notAnObject }
        guard let op = request["op"] as? String else { throw EnvProtocolError.missingOp }
        switch op {
        case "reset":
            var seed: UInt64?
            if let value = request["seed"] {
                guard let number = Self.jsonNumber(value), let exact = UInt64(exactly: number) else {
                    throw EnvProtocolError.badSeed(String(describing: value))
                }
                seed = exact
            }
            let observation = environment.reset(seed: seed)
            let layout = environment.layoutIndex.map(String.init) ?? "null"
            return "{\"obs\":\(Self.array(observation)),\"task\":\(Self.quoted(environment.taskName)),\"layout\":\(layout)}"
        case "step":
            guard let values = request["action"] as? [Any] else { throw EnvProtocolError.missingAction }
            var action: [Double] = []
            for (index, value) in values.enumerated() {
                guard let number = Self.jsonNumber(value) else {
                    let text = (value as? NSNumber).map { $0.boolValue ? "true" : "false" } ?? String(describing: value)
                    throw EnvProtocolError.actionNotNumber(index: index, text: text)
                }
                action.append(number)
            }
            let outcome = try environment.step(action)
            var info = "\"near_object\":\(outcome.nearObject),\"grasp_success\":\(outcome.graspSuccess)"
            info += ",\"grasp_reward\":\(Self.number(outcome.graspReward)),\"in_place_reward\":\(Self.number(outcome.inPlaceReward))"
            info += ",\"obj_to_target\":\(Self.number(outcome.objectToTarget)),\"unscaled_reward\":\(Self.number(outcome.reward))"
            info += ",\"step\":\(environment.stepCount),\"faults\":\(environment.faultCount)"
            if let fault = outcome.fault { info += ",\"fault\":\(Self.quoted(fault.description))" }
            return "{\"obs\":\(Self.array(environment.observation)),\"reward\":\(Self.number(outcome.reward)),"
                + "\"success\":\(outcome.success),\"truncated\":\(outcome.truncated),\"info\":{\(info)}}"
        default:
            throw EnvProtocolError.unknownOp(op)
        }
    }

    /// A JSON number as parsed by Foundation (Int or Double on Linux, NSNumber elsewhere);
    /// booleans are not numbers here.
    static func jsonNumber(_ value: Any) -> Double? {
        // Foundation hands booleans over as NSNumbers of Objective-C type "c" (char).
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
        return number.doubleValue
    }

    static func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "null" }

    static func array(_ values: [Double]) -> String { "[" + values.map(number).joined(separator: ",") + "]" }

    static func quoted(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}

/// Problems with one request line of the env protocol.
public enum EnvProtocolError: Error, CustomStringConvertible {
    case malformedJSON(line: String)
    case notAnObject
    case missingOp
    case unknownOp(String)
    case badSeed(String)
    case missingAction
    case actionNotNumber(index: Int, text: String)

    public var description: String {
        switch self {
        case let .malformedJSON(line): return "not valid JSON: \(line)"
        case .notAnObject: return "expected a JSON object such as {\"op\":\"reset\"}"
        case .missingOp: return "missing \"op\"; use \"reset\" or \"step\""
        case let .unknownOp(op): return "unknown op '\(op)'; use \"reset\" or \"step\""
        case let .badSeed(text): return "seed \(text) is not a non-negative integer"
        case .missingAction: return "step needs \"action\": an array of 4 numbers (dx, dy, dz, gripper)"
        case let .actionNotNumber(index, text): return "action[\(index)] = \(text) is not a number"
        }
    }
}
