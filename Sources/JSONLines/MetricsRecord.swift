/// One line of a run's `metrics.jsonl` as every reader of it sees it (the run's resume, `show`,
/// the service's Prometheus file, `report`): read once with our JSON reader, its `kind`,
/// `iteration` and `env_steps`, and every finite number by key. The writer is `MetricsLine` (the
/// run execution module); `docs/run-folder.md` gives the format.
public struct MetricsRecord: Sendable, Equatable {
    /// `iteration` or `evaluation`; nil when the line has none.
    public var kind: String?
    /// The iteration the line belongs to; nil when missing or not an integer.
    public var iteration: Int?
    /// Environment steps at the line; nil when missing or not an integer.
    public var envSteps: Int?
    /// Every number field by key (non-finite values are written as null and left out here).
    public var numbers: [String: Double]

    /// The line's fields, or nil when it is not a JSON object (a torn last line, say).
    public init?(line: String) {
        guard case .object(let members)? = try? JSONValue.parse(line) else { return nil }
        if case .string(let kind)? = members["kind"] { self.kind = kind } else { kind = nil }
        iteration = try? members["iteration"]?.integer(as: Int.self)
        envSteps = try? members["env_steps"]?.integer(as: Int.self)
        numbers = members.compactMapValues { value in value.number.flatMap { $0.isFinite ? $0 : nil } }
    }

    public init(kind: String?, iteration: Int?, envSteps: Int?, numbers: [String: Double]) {
        self.kind = kind
        self.iteration = iteration
        self.envSteps = envSteps
        self.numbers = numbers
    }
}
