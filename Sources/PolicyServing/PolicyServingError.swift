/// What can go wrong loading a checkpoint's policy or answering a `dratsd policy` request.
/// Checkpoint errors name the file and what to check; request errors name the field and what
/// would be valid, and never end a serving session.
public enum PolicyServingError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file could not be read, is not a safetensors file, or its checksum does not match.
    case unreadable(path: String, reason: String)
    /// The file is a safetensors file but not a drats PPO agent or run checkpoint.
    case notACheckpoint(path: String, reason: String)
    /// A metadata entry the policy needs is missing or malformed.
    case badMetadata(path: String, key: String, reason: String)
    /// A policy or critic tensor is missing, has the wrong shape or dtype, or holds non-finite values.
    case badTensor(path: String, reason: String)

    /// The request line is not JSON.
    case malformedJSON(line: String)
    /// The request is JSON but not an object.
    case notAnObject
    /// The request has no "observation" array.
    case missingObservation(expectedCount: Int)
    /// An observation entry is not a number, or does not fit a finite float32.
    case observationNotNumber(index: Int, text: String)
    /// The observation has the wrong number of values.
    case observationLength(expected: Int, actual: Int)
    /// The request has no "task".
    case missingTask(valid: String)
    /// "task" is a name this checkpoint does not know (or carries no names at all).
    case unknownTaskName(String, valid: String)
    /// "task" is an index outside 0..<taskCount.
    case taskOutOfRange(Int, taskCount: Int)
    /// "task" is neither an integer index nor a name.
    case badTask(text: String, valid: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            "cannot read checkpoint \(path): \(reason)"
        case let .notACheckpoint(path, reason):
            "\(path) is not a drats checkpoint: \(reason); give a .safetensors file from a run's checkpoints/ folder"
        case let .badMetadata(path, key, reason):
            "checkpoint \(path): metadata '\(key)' \(reason)"
        case let .badTensor(path, reason):
            "checkpoint \(path): \(reason)"
        case let .malformedJSON(line):
            "not valid JSON: \(line)"
        case .notAnObject:
            "expected a JSON object such as {\"observation\":[...],\"task\":0}"
        case let .missingObservation(expected):
            "missing \"observation\": an array of \(expected) numbers (the task's observation without the one-hot task id)"
        case let .observationNotNumber(index, text):
            "observation[\(index)] = \(text) is not a finite float32 number"
        case let .observationLength(expected, actual):
            "observation has \(actual) values; this policy takes \(expected) (the task's observation without the one-hot task id)"
        case let .missingTask(valid):
            "missing \"task\": give \(valid)"
        case let .unknownTaskName(name, valid):
            "unknown task '\(name)'; give \(valid)"
        case let .taskOutOfRange(task, count):
            "task index \(task) is out of range; valid indices are 0..<\(count)"
        case let .badTask(text, valid):
            "task \(text) is neither an integer index nor a name; give \(valid)"
        }
    }
}
