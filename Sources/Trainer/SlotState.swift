/// What a slot saves in a checkpoint: named one-dimensional arrays of 64-bit integers (counters,
/// generator states as bit patterns, indices) and of float32 values (e.g. the actions of the
/// current episode). The trainer stores array `name` of training slot `i` as the tensor
/// `trainer.slots.<i>.<name>` (I64 or F32) and gives the same arrays back on restore; the
/// meaning of each array is the slot's own.
public struct SlotState: Sendable, Equatable {
    public var integers: [String: [Int64]]
    public var floats: [String: [Float]]

    public init(integers: [String: [Int64]] = [:], floats: [String: [Float]] = [:]) {
        self.integers = integers
        self.floats = floats
    }

    /// Every array name, integers and floats together.
    public var names: Set<String> { Set(integers.keys).union(floats.keys) }

    /// Integer array `name` with exactly `count` entries, or a `SlotStateError` naming what differs.
    public func integers(_ name: String, count: Int) throws(SlotStateError) -> [Int64] {
        guard let values = integers[name] else { throw .missing(name: name) }
        guard values.count == count else { throw .wrongLength(name: name, expected: String(count), actual: values.count) }
        return values
    }

    /// The single value of integer array `name`.
    public func integer(_ name: String) throws(SlotStateError) -> Int64 {
        try integers(name, count: 1)[0]
    }

    /// Float array `name` (any length; the slot checks it).
    public func floats(_ name: String) throws(SlotStateError) -> [Float] {
        guard let values = floats[name] else { throw .missing(name: name) }
        return values
    }
}

/// Why a slot refused a saved state.
public enum SlotStateError: Error, CustomStringConvertible, Equatable, Sendable {
    /// An array the slot needs is not in the state.
    case missing(name: String)
    /// An array has the wrong number of entries; `expected` says what would be valid.
    case wrongLength(name: String, expected: String, actual: Int)
    /// A value is out of range or the arrays contradict each other.
    case invalid(name: String, reason: String)
    /// Replaying the saved episode did not reproduce the saved state.
    case replayDiverged(String)

    public var description: String {
        switch self {
        case .missing(let name):
            "slot state array '\(name)' is missing"
        case let .wrongLength(name, expected, actual):
            "slot state array '\(name)' has \(actual) entries; it must have \(expected)"
        case let .invalid(name, reason):
            "slot state array '\(name)' is invalid: \(reason)"
        case .replayDiverged(let detail):
            "replaying the saved episode did not reproduce it (\(detail)); the simulation differs from the one that wrote the checkpoint"
        }
    }
}
