import Yams

/// Collects every problem found while reading one config.
final class ProblemList {
    private(set) var problems: [ConfigProblem] = []
    /// Line of each key path read, so range problems found later can point at the file.
    private(set) var lines: [String: Int] = [:]

    func add(_ keyPath: String, _ node: Node?, _ message: String) {
        problems.append(ConfigProblem(keyPath: keyPath, line: node?.line ?? lines[keyPath], message: message))
    }

    func add(_ keyPath: String, _ message: String) {
        problems.append(ConfigProblem(keyPath: keyPath, line: lines[keyPath], message: message))
    }

    func remember(_ keyPath: String, line: Int?) { if let line { lines[keyPath] = line } }
}
