import Dispatch
import PPO
import Testing
@testable import RunConfiguration

/// Alias bombs, complex keys and huge documents are refused before Yams builds a node, and a
/// refused file's answer stays short (a YAML alias bomb used as a mapping key once ran for
/// minutes, ignoring Ctrl-C, and printed a 10 MB message).
@Suite struct YAMLPreflightTests {
    /// `levels` levels of anchors, each a list of `width` aliases of the one before, under an
    /// unknown key; the last anchor is 9 x width^levels nodes.
    static func aliasBomb(levels: Int, width: Int = 9) -> String {
        var lines = ["anchors:", "  a0: &a0 [" + Array(repeating: "x", count: width).joined(separator: ", ") + "]"]
        for level in 1...levels {
            lines.append("  a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: width).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs `body` on its own thread and waits for it at most `seconds`: a load that explodes
    /// fails the test instead of hanging it (the thread is left to finish on its own).
    func finishes(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            body()
            done.signal()
        }
        return done.wait(timeout: .now() + seconds) == .success
    }

    func structureError(_ yaml: String) -> RunConfigError? {
        do {
            _ = try RunConfig.load(yaml: yaml, file: "bomb.yaml")
            return nil
        } catch {
            return error
        }
    }

    /// Nine levels used as a key ran for minutes inside `Yams.compose` (hashing the key for the
    /// duplicate check); four levels took 7.6 s and printed 10 MB. Both are refused at the
    /// anchor that passes the node limit, long before the key.
    @Test(arguments: [4, 9])
    func aliasBombAsAKeyIsRefusedAtOnce(levels: Int) {
        let yaml = Self.aliasBomb(levels: levels) + "? *a\(levels)\n: 1\n"
        nonisolated(unsafe) var error: RunConfigError?
        #expect(finishes(within: 10) { error = structureError(yaml) })
        guard case let .structure(file, line, _, problem)? = error else {
            Issue.record("expected a structure error, got \(String(describing: error))")
            return
        }
        #expect(file == "bomb.yaml")
        #expect(line == 6)
        #expect(problem.contains("more than 10000 YAML nodes") && problem.contains("counting each alias"))
        #expect(error!.description.count < 300)
    }

    @Test func aliasBombAsAValueIsRefusedToo() {
        let error = structureError(Self.aliasBomb(levels: 9) + "run: {name: *a9}\n")
        guard case .structure? = error else { Issue.record("got \(String(describing: error))"); return }
    }

    /// Below the node limit a key still has to be a plain name: an alias, a list or a mapping
    /// as a key is refused where it stands.
    @Test(arguments: [
        ("run: &r {seed: 1}\n? *r\n: 1\n", 2, "found the alias *r"),
        ("x: &k seed\nrun: {*k : 1}\n", 2, "found the alias *k"),
        ("[a, b]: 1\n", 1, "found a list"),
        ("run:\n  ? {seed: 1}\n  : 2\n", 2, "found a mapping"),
    ])
    func keysMustBePlainNames(yaml: String, line: Int, found: String) {
        let error = structureError(yaml)
        guard case let .structure(_, errorLine, _, problem)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(errorLine == line)
        #expect(problem.contains("a key must be a plain name, \(found)"), "\(problem)")
    }

    /// Aliases of small values are fine: an alias counts as what it repeats.
    @Test func smallAliasesAreRead() throws {
        let shared = try RunConfig.load(yaml: "run: {seed: &n 7}\nevaluation: {episodesPerTask: *n}\nppo: {hiddenSizes: [*n, *n]}\n")
        #expect(shared.evaluation.episodesPerTask == 7)
        #expect(shared.ppo.hiddenSizes == [7, 7])
        // The mapping, its two keys, the anchored list (4 nodes), the second list and two aliases
        // counted as 4 nodes each: 16 nodes; a third alias makes 20.
        #expect(YAMLPreflight.firstProblem(in: "a: &a [1, 2, 3]\nb: [*a, *a]\n", nodeLimit: 16) == nil)
        #expect(YAMLPreflight.firstProblem(in: "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n", nodeLimit: 16)?.line == 2)
    }

    /// 200,000 unknown keys took 22 s and printed 32 MB. Now a file of thousands of them under
    /// the node limit lists the first 40 and counts the rest.
    @Test func manyProblemsAreCappedWithACount() {
        let yaml = (0..<4000).map { "k\($0): 1\n" }.joined()
        let error = structureError(yaml)
        guard case let .invalid(_, problems)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(problems.count == 4000)
        let text = error!.description
        #expect(text.hasPrefix("bomb.yaml: 4000 problems in the run config:\n"))
        #expect(text.split(separator: "\n").count == 1 + 40 + 1)
        #expect(text.hasSuffix("... and 3960 more problems (fix these and submit again to see them)"))
    }

    @Test func moreNodesThanTheLimitAreRefusedWithoutAliases() {
        let error = structureError((0..<6000).map { "k\($0): 1\n" }.joined())
        guard case let .structure(_, line, _, problem)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(line == 5000)
        #expect(problem.contains("more than 10000 YAML nodes") && !problem.contains("alias"))
    }

    /// A long key or value is shown cut short, and a control character escaped. (libyaml allows
    /// a key of at most 1024 characters before its colon; a longer one is a syntax error.)
    @Test func longAndControlTextIsShownShort() {
        let long = String(repeating: "k", count: 1_000)
        let error = structureError("\(long): 1\n\"\\e[31mred\": 2\nenv: {tasks: [\(long)]}\n")
        let text = error?.description ?? ""
        #expect(text.count < 2_000, "\(text.prefix(2_000))")
        #expect(text.contains("kkk... (1000 characters): unknown key"))
        #expect(text.contains("env.tasks[0]: is 'kkk"))
        #expect(text.contains("\\u{1B}[31mred: unknown key") && !text.contains("\u{1B}"))
    }
}
