import Foundation

/// The `dratsd policy` protocol: one JSON request per input line, one JSON answer per line, so
/// that any language can query a trained policy. A bad request gets `{"error": ...}` and the
/// session goes on.
///
/// Request: `{"observation":[...], "task": 3}` or `{"observation":[...], "task": "reach-v3"}`,
/// the observation without the one-hot task id (the protocol appends it).
/// Answer: `{"action":[...], "mean":[...], "log_std":[...], "value": v}`.
public final class PolicyLineProtocol {
    public let inference: PolicyInference

    public init(inference: PolicyInference) {
        self.inference = inference
    }

    /// Answers one request line (without its newline) with one JSON line.
    public func answer(_ line: String) -> String {
        do {
            return try handle(line)
        } catch {
            return "{\"error\":\(Self.quoted(error.description))}"
        }
    }

    /// Reads requests until the input ends, answering each (blank lines are skipped).
    public func serve(readLine: () -> String?, write: (String) -> Void) {
        while let line = readLine() {
            if line.allSatisfy(\.isWhitespace) { continue }
            write(answer(line))
        }
    }

    private func handle(_ line: String) throws(PolicyServingError) -> String {
        let checkpoint = inference.checkpoint
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
        } catch {
            throw .malformedJSON(line: String(line.prefix(80)))
        }
        guard let request = parsed as? [String: Any] else { throw .notAnObject }
        guard let values = request["observation"] as? [Any] else { throw .missingObservation(expectedCount: checkpoint.slotObservationSize) }
        guard values.count == checkpoint.slotObservationSize else {
            throw .observationLength(expected: checkpoint.slotObservationSize, actual: values.count)
        }
        guard let taskValue = request["task"] else { throw .missingTask(valid: checkpoint.validTasks) }
        let task = try Self.task(taskValue, checkpoint: checkpoint)
        let observation = inference.observation
        for (index, value) in values.enumerated() {
            guard let number = Self.jsonNumber(value), Float(number).isFinite else {
                throw .observationNotNumber(index: index, text: Self.text(value))
            }
            observation[index] = Float(number)
        }
        let value = try inference.evaluate(task: task)
        return "{\"action\":\(Self.array(inference.action)),\"mean\":\(Self.array(inference.mean)),"
            + "\"log_std\":\(Self.array(inference.logStd)),\"value\":\(Self.number(value))}"
    }

    static func task(_ value: Any, checkpoint: CheckpointPolicy) throws(PolicyServingError) -> Int {
        if let name = value as? String { return try checkpoint.taskIndex(named: name) }
        guard let number = jsonNumber(value), let index = Int(exactly: number) else {
            throw .badTask(text: text(value), valid: checkpoint.validTasks)
        }
        guard index >= 0, index < checkpoint.taskCount else { throw .taskOutOfRange(index, taskCount: checkpoint.taskCount) }
        return index
    }

    /// A JSON number as parsed by Foundation; booleans are not numbers here.
    static func jsonNumber(_ value: Any) -> Double? {
        // Foundation hands booleans over as NSNumbers of Objective-C type "c" (char).
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
        return number.doubleValue
    }

    static func text(_ value: Any) -> String {
        if let number = value as? NSNumber {
            return String(cString: number.objCType) == "c" ? (number.boolValue ? "true" : "false") : number.stringValue
        }
        if value is NSNull { return "null" }
        if let string = value as? String { return quoted(string) }
        return String(describing: value)
    }

    /// Float's shortest round-tripping spelling, so a reader gets back the exact float32.
    static func number(_ value: Float) -> String { value.isFinite ? "\(value)" : "null" }

    static func array(_ values: UnsafeBufferPointer<Float>) -> String { "[" + values.map(number).joined(separator: ",") + "]" }

    static func quoted(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}
