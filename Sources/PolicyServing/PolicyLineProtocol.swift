import Foundation
import JSONLines

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
            return "{\"error\":\(JSONText.quoted(error.description))}"
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
        let parsed: JSONValue
        do {
            parsed = try JSONValue.parse(line)
        } catch {
            throw .malformedJSON(line: String(line.prefix(80)))
        }
        guard case .object(let request) = parsed else { throw .notAnObject }
        guard case .array(let values)? = request["observation"] else { throw .missingObservation(expectedCount: checkpoint.slotObservationSize) }
        guard values.count == checkpoint.slotObservationSize else {
            throw .observationLength(expected: checkpoint.slotObservationSize, actual: values.count)
        }
        guard let taskValue = request["task"] else { throw .missingTask(valid: checkpoint.validTasks) }
        let task = try Self.task(taskValue, checkpoint: checkpoint)
        let observation = inference.observation
        for (index, value) in values.enumerated() {
            guard let number = value.number, Float(number).isFinite else {
                throw .observationNotNumber(index: index, text: value.jsonText)
            }
            observation[index] = Float(number)
        }
        let value = try inference.evaluate(task: task)
        return "{\"action\":\(JSONText.array(inference.action)),\"mean\":\(JSONText.array(inference.mean)),"
            + "\"log_std\":\(JSONText.array(inference.logStd)),\"value\":\(JSONText.number(value))}"
    }

    static func task(_ value: JSONValue, checkpoint: CheckpointPolicy) throws(PolicyServingError) -> Int {
        if case .string(let name) = value { return try checkpoint.taskIndex(named: name) }
        // Read from the number's text, exactly: 1e30 or 2^63 is out of range, not a rounded index.
        guard let index = try? value.integer(as: Int.self) else {
            throw .badTask(text: value.jsonText, valid: checkpoint.validTasks)
        }
        guard index >= 0, index < checkpoint.taskCount else { throw .taskOutOfRange(index, taskCount: checkpoint.taskCount) }
        return index
    }
}
