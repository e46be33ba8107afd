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
    /// The config is valid but a run of it would need more memory than `limit` allows
    /// (`RunConfig.checkMemory(limit:file:)`).
    case exceedsMemory(file: String, estimate: RunConfig.MemoryEstimate, limit: MemoryLimit)
    /// A command-line override (`key.path=value`) that cannot be applied: not of that form, a
    /// key that is not a dotted path of names, a value that is not YAML, a key set twice.
    /// (Overrides that apply but set a wrong key or value are `invalid`, naming the argument.)
    case override(argument: String, problem: String)
    /// The memory limit given by `setting` (`--memory-limit` or `DRATSD_MEMORY_LIMIT`) is not a size.
    case memoryLimit(setting: String, value: String)

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
                if let argument = problem.argument {
                    return "  argument '\(ConfigText.excerpt(argument))': \(problem.keyPath): \(problem.message)"
                }
                return "  \(file)\(problem.line.map { ":\($0)" } ?? ""): \(problem.keyPath): \(problem.message)"
            }
            if problems.count > RunConfig.Limits.reportedProblems {
                let more = problems.count - RunConfig.Limits.reportedProblems
                lines.append("  ... and \(more) more problem\(more == 1 ? "" : "s") (fix these and submit again to see them)")
            }
            return "\(file): \(count) in the run config:\n" + lines.joined(separator: "\n")
        case let .exceedsMemory(file, estimate, limit):
            let parts = estimate.biggestFirst.prefix(3).map { "  \($0.name): \(ByteCount.text($0.bytes)) (\($0.keys))" }
            let needed = estimate.totalBytes
            let smaller = "Make it smaller (ppo.hiddenSizes, env.envSlots, ppo.numSteps, or more ppo.numMinibatches)"
            let advice: String
            if needed >= 1 << 50 {
                advice = smaller + "; no machine has that much memory."
            } else {
                let verb = switch limit.source {
                case .flag, .environment: "raise"
                case .machine, .unknown: "set"
                }
                advice = smaller + ", or, on a machine that has the memory, \(verb) \(MemoryLimit.flagName) or \(MemoryLimit.environmentVariable) "
                    + "to at least \(ByteCount.roundedUp(needed)) (e.g. \(MemoryLimit.environmentVariable)=\(ByteCount.roundedUp(needed)))."
            }
            return "\(file): a run of this config needs about \(ByteCount.text(needed)) of memory, more than the limit of "
                + "\(limit); the biggest parts:\n" + parts.joined(separator: "\n") + "\n" + advice
        case let .override(argument, problem):
            return "the override '\(ConfigText.excerpt(argument, limit: 120))': \(problem)"
        case let .memoryLimit(setting, value):
            return "\(setting) is '\(ConfigText.excerpt(value))'; give the most memory a run may use in bytes or with a binary "
                + "suffix K, M, G or T, e.g. 64G, 512M or 1.5T"
        }
    }

    /// The problems of an `invalid` config (empty for the other cases).
    public var problems: [ConfigProblem] {
        if case let .invalid(_, problems) = self { return problems }
        return []
    }
}
