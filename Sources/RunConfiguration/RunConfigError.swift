/// Why a run config cannot be used. Every case names the file; `invalid` lists every problem
/// found, so a user fixes the file in one pass.
public enum RunConfigError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file cannot be read.
    case unreadable(file: String, reason: String)
    /// The text is not YAML.
    case syntax(file: String, line: Int?, column: Int?, problem: String)
    /// The YAML is beyond what a run config may be (`RunConfig.Limits.yamlNodes`, a key that is
    /// not a plain name); found before the document is built.
    case structure(file: String, line: Int, column: Int, problem: String)
    /// The YAML was read but keys, types or values are wrong.
    case invalid(file: String, problems: [ConfigProblem])

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the config: \(reason)."
        case let .syntax(file, line, column, problem):
            let place = line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? ""
            return "\(file)\(place): not valid YAML: \(problem)."
        case let .structure(file, line, column, problem):
            return "\(file):\(line):\(column): \(problem)."
        case let .invalid(file, problems):
            // The first few dozen, so a file of thousands of bad keys gives a readable answer.
            let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
            var lines = problems.prefix(RunConfig.Limits.reportedProblems).map { problem in
                "  \(file)\(problem.line.map { ":\($0)" } ?? ""): \(problem.keyPath): \(problem.message)"
            }
            if problems.count > RunConfig.Limits.reportedProblems {
                let more = problems.count - RunConfig.Limits.reportedProblems
                lines.append("  ... and \(more) more problem\(more == 1 ? "" : "s") (fix these and submit again to see them)")
            }
            return "\(file): \(count) in the run config:\n" + lines.joined(separator: "\n")
        }
    }

    /// The problems of an `invalid` config (empty for the other cases).
    public var problems: [ConfigProblem] {
        if case let .invalid(_, problems) = self { return problems }
        return []
    }
}
