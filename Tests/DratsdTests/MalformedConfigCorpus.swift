/// Malformed run configs, of every kind a hostile but fair user might try: each is a file, or
/// something at a config's path that is not one, that `dratsd submit` must refuse quickly, naming
/// the file and, where there is one, the key. Add a case by appending to `all`.
struct MalformedConfig: Sendable {
    /// What the case tries, for the tally in the report.
    enum Kind: String, Sendable, CaseIterable {
        case wrongType = "wrong type"
        case outOfRange = "out of range or extreme number"
        case overflow = "integer overflow"
        case bomb = "alias bomb or huge document"
        case encoding = "bad encoding"
        case binary = "binary data or NUL"
        case fileKind = "not a readable file"
        case syntax = "YAML syntax, nesting, duplicates, tabs"
        case unknownKey = "unknown or derived key"
    }

    /// What is at the config's path.
    enum Contents: Sendable {
        case text(String)
        case bytes([UInt8])
        case directory
        case fifo
        case missing
        case symlinkLoop
        case danglingSymlink
        /// A path under a regular file (`file.yaml/inner.yaml`).
        case underAFile
        /// An existing path outside the scratch folder, such as `/dev/null`.
        case system(String)
    }

    var name: String
    var kind: Kind
    var contents: Contents
    /// The key path the message must name (nil when the problem has no key).
    var key: String?
    /// Other text the message must contain.
    var says: [String] = []
}

extension MalformedConfig {
    static let all: [MalformedConfig] = wrongTypes + outOfRange + overflows + bombs + encodings + binary + fileKinds + syntax + unknownKeys

    static let wrongTypes: [MalformedConfig] = [
        .init(name: "total-steps-word", kind: .wrongType, contents: .text("run: {totalEnvSteps: lots}\n"), key: "run.totalEnvSteps", says: ["expected an integer"]),
        .init(name: "seed-negative", kind: .wrongType, contents: .text("run: {seed: -1}\n"), key: "run.seed", says: ["from 0 to 18446744073709551615"]),
        .init(name: "name-list", kind: .wrongType, contents: .text("run: {name: [a, b]}\n"), key: "run.name", says: ["expected a string, found a list"]),
        .init(name: "tasks-string", kind: .wrongType, contents: .text("env: {tasks: reach-v3}\n"), key: "env.tasks", says: ["expected a list"]),
        .init(name: "slots-fraction", kind: .wrongType, contents: .text("env: {envSlots: 2.5}\n"), key: "env.envSlots", says: ["expected an integer, found '2.5'"]),
        .init(name: "hidden-scalar", kind: .wrongType, contents: .text("ppo: {hiddenSizes: 64}\n"), key: "ppo.hiddenSizes", says: ["expected a list"]),
        .init(name: "hidden-word", kind: .wrongType, contents: .text("ppo: {hiddenSizes: [64, wide]}\n"), key: "ppo.hiddenSizes", says: ["each an integer"]),
        .init(name: "rate-word", kind: .wrongType, contents: .text("ppo: {learningRate: fast}\n"), key: "ppo.learningRate", says: ["expected a number"]),
        .init(name: "norm-maybe", kind: .wrongType, contents: .text("ppo: {normAdv: maybe}\n"), key: "ppo.normAdv", says: ["true or false"]),
        .init(name: "target-kl-off", kind: .wrongType, contents: .text("ppo: {targetKL: off}\n"), key: "ppo.targetKL", says: ["a number or null"]),
        .init(name: "sampler-kind", kind: .wrongType, contents: .text("sampler: {kind: greedy}\n"), key: "sampler.kind", says: ["one of"]),
        .init(name: "sampler-scalar", kind: .wrongType, contents: .text("sampler: 3\n"), key: "sampler", says: ["expected a mapping"]),
        .init(name: "evaluation-list", kind: .wrongType, contents: .text("evaluation: [1, 2]\n"), key: "evaluation", says: ["expected a mapping"]),
        .init(name: "top-level-list", kind: .wrongType, contents: .text("- run\n- env\n"), key: "(top level)", says: ["found a list"]),
        .init(name: "top-level-word", kind: .wrongType, contents: .text("hello\n"), key: "(top level)", says: ["found 'hello'"]),
        .init(name: "keep-best-number", kind: .wrongType, contents: .text("checkpoint: {keepBest: 2}\n"), key: "checkpoint.keepBest", says: ["true or false"]),
        .init(name: "per-task-list", kind: .wrongType, contents: .text("sampler: {kind: hard-first, hardFirstHighReturnPerTask: [1, 2]}\n"),
              key: "sampler.hardFirstHighReturnPerTask", says: ["a mapping of names"]),
    ]

    static let outOfRange: [MalformedConfig] = [
        .init(name: "total-zero", kind: .outOfRange, contents: .text("run: {totalEnvSteps: 0}\n"), key: "run.totalEnvSteps", says: ["1...1000000000000"]),
        .init(name: "total-above-bound", kind: .outOfRange, contents: .text("run: {totalEnvSteps: 1_000_000_000_001}\n"), key: "run.totalEnvSteps", says: ["1...1000000000000"]),
        .init(name: "slots-zero", kind: .outOfRange, contents: .text("env: {envSlots: 0}\n"), key: "env.envSlots", says: ["1...4096"]),
        .init(name: "slots-4097", kind: .outOfRange, contents: .text("env: {envSlots: 4097}\n"), key: "env.envSlots", says: ["1...4096"]),
        .init(name: "threads-257", kind: .outOfRange, contents: .text("env: {workerThreads: 257}\n"), key: "env.workerThreads", says: ["0...256"]),
        .init(name: "steps-above-bound", kind: .outOfRange, contents: .text("ppo: {numSteps: 10_000_001}\n"), key: "ppo.numSteps", says: ["between 1 and 10000000"]),
        .init(name: "steps-1e9", kind: .outOfRange, contents: .text("ppo: {numSteps: 1e9}\n"), key: "ppo.numSteps", says: ["expected an integer"]),
        .init(name: "epochs-above-bound", kind: .outOfRange, contents: .text("ppo: {updateEpochs: 10001}\n"), key: "ppo.updateEpochs", says: ["between 1 and 10000"]),
        .init(name: "minibatches-above-batch", kind: .outOfRange, contents: .text("ppo: {numSteps: 100, numMinibatches: 1000000}\n"),
              key: "ppo.numMinibatches", says: ["numEnvs x numSteps (1000)"]),
        .init(name: "gamma-1.5", kind: .outOfRange, contents: .text("ppo: {gamma: 1.5}\n"), key: "ppo.gamma", says: ["[0, 1]"]),
        .init(name: "clip-nan", kind: .outOfRange, contents: .text("ppo: {clipCoef: .nan}\n"), key: "ppo.clipCoef", says: ["is nan"]),
        .init(name: "rate-infinite", kind: .outOfRange, contents: .text("ppo: {learningRate: .inf}\n"), key: "ppo.learningRate", says: ["is inf"]),
        .init(name: "reward-scale-zero", kind: .outOfRange, contents: .text("ppo: {rewardScale: 0}\n"), key: "ppo.rewardScale", says: ["positive"]),
        .init(name: "width-zero", kind: .outOfRange, contents: .text("ppo: {hiddenSizes: [64, 0]}\n"), key: "ppo.hiddenSizes", says: ["between 1 and 65536"]),
        .init(name: "width-huge", kind: .outOfRange, contents: .text("ppo: {hiddenSizes: [100000, 100000]}\n"), key: "ppo.hiddenSizes", says: ["between 1 and 65536"]),
        .init(name: "layers-65", kind: .outOfRange, contents: .text("ppo: {hiddenSizes: [" + Array(repeating: "1", count: 65).joined(separator: ", ") + "]}\n"),
              key: "ppo.hiddenSizes", says: ["at most 64"]),
        .init(name: "episodes-above-bound", kind: .outOfRange, contents: .text("evaluation: {episodesPerTask: 100001}\n"), key: "evaluation.episodesPerTask", says: ["1...100000"]),
        .init(name: "keep-last-zero", kind: .outOfRange, contents: .text("checkpoint: {keepLast: 0}\n"), key: "checkpoint.keepLast", says: ["1...10000"]),
        .init(name: "step-size-100", kind: .outOfRange, contents: .text("sampler: {stepSize: 100}\n"), key: "sampler.stepSize", says: ["inverseTemperature"]),
        .init(name: "temperature-overflowing-double", kind: .outOfRange, contents: .text("sampler: {inverseTemperature: 1e400}\n"),
              key: "sampler.inverseTemperature", says: ["is inf"]),
        .init(name: "window-zero", kind: .outOfRange, contents: .text("sampler: {successWindowEpisodes: 0}\n"), key: "sampler.successWindowEpisodes", says: ["1...100000"]),
        .init(name: "active-tasks-11", kind: .outOfRange, contents: .text("sampler: {hardFirstActiveTasks: 11}\n"), key: "sampler.hardFirstActiveTasks", says: ["1...10"]),
        .init(name: "name-too-long", kind: .outOfRange, contents: .text("run: {name: \(String(repeating: "n", count: 201))}\n"), key: "run.name", says: ["at most 200 characters"]),
        .init(name: "name-two-lines", kind: .outOfRange, contents: .text("run: {name: \"a\\nb\"}\n"), key: "run.name", says: ["single line"]),
        .init(name: "name-escape-codes", kind: .outOfRange, contents: .text("run: {name: \"evil\\e]0;pwned\\a\\e[2J\"}\n"), key: "run.name",
              says: ["'evil\\u{1B}]0;pwned\\u{7}\\u{1B}[2J' (it holds U+001B, a control character)", "without control or format characters"]),
        .init(name: "name-bidi-override", kind: .outOfRange, contents: .text("run: {name: \"txt.\\u202Eexe\"}\n"), key: "run.name",
              says: ["U+202E, a format character"]),
        // Valid, but a run of it needs about 100 TiB (a rollout at the slot and step bounds in one minibatch).
        .init(name: "memory-beyond-any-machine", kind: .outOfRange,
              contents: .text("run: {totalEnvSteps: 1_000_000_000_000}\nenv: {envSlots: 4096}\nppo: {numSteps: 10_000_000, numMinibatches: 1}\n"),
              key: "ppo.numSteps", says: ["a run of this config needs about", "more than the limit of", "DRATSD_MEMORY_LIMIT"]),
        .init(name: "tasks-empty", kind: .outOfRange, contents: .text("env: {tasks: []}\n"), key: "env.tasks", says: ["at least one"]),
        .init(name: "tasks-twice", kind: .outOfRange, contents: .text("env: {tasks: [reach-v3, reach-v3]}\n"), key: "env.tasks[1]", says: ["each task once"]),
        .init(name: "task-unknown", kind: .outOfRange, contents: .text("env: {tasks: [reach-v3, fly-v3]}\n"), key: "env.tasks[1]", says: ["'fly-v3'"]),
    ]

    static let overflows: [MalformedConfig] = [
        .init(name: "total-int-max", kind: .overflow, contents: .text("run: {totalEnvSteps: 9223372036854775807}\n"), key: "run.totalEnvSteps", says: ["1...1000000000000"]),
        .init(name: "total-int-min", kind: .overflow, contents: .text("run: {totalEnvSteps: -9223372036854775808}\n"), key: "run.totalEnvSteps", says: ["1...1000000000000"]),
        .init(name: "total-beyond-int", kind: .overflow, contents: .text("run: {totalEnvSteps: 9223372036854775808}\n"), key: "run.totalEnvSteps", says: ["expected an integer"]),
        .init(name: "total-hex-max", kind: .overflow, contents: .text("run: {totalEnvSteps: 0x7FFFFFFFFFFFFFFF}\n"), key: "run.totalEnvSteps", says: ["1...1000000000000"]),
        .init(name: "slots-int-max", kind: .overflow, contents: .text("env: {envSlots: 9223372036854775807}\n"), key: "env.envSlots", says: ["1...4096"]),
        .init(name: "slots-int-min", kind: .overflow, contents: .text("env: {envSlots: -9223372036854775808}\n"), key: "env.envSlots", says: ["1...4096"]),
        .init(name: "steps-2-to-62", kind: .overflow, contents: .text("ppo: {numSteps: 4611686018427387904}\n"), key: "ppo.numSteps", says: ["between 1 and 10000000"]),
        .init(name: "slots-and-steps-max", kind: .overflow, contents: .text("env: {envSlots: 9223372036854775807}\nppo: {numSteps: 9223372036854775807}\n"),
              key: "ppo.numSteps", says: ["env.envSlots", "between 1 and 10000000"]),
        .init(name: "width-2-to-40", kind: .overflow, contents: .text("ppo: {hiddenSizes: [1099511627776]}\n"), key: "ppo.hiddenSizes", says: ["between 1 and 65536"]),
        .init(name: "minibatches-int-max", kind: .overflow, contents: .text("ppo: {numMinibatches: 9223372036854775807}\n"), key: "ppo.numMinibatches", says: ["numEnvs x numSteps"]),
        .init(name: "eval-every-int-max", kind: .overflow, contents: .text("evaluation: {everyEnvSteps: 9223372036854775807}\n"), key: "evaluation.everyEnvSteps", says: ["1...1000000000000"]),
        .init(name: "episodes-int-max", kind: .overflow, contents: .text("evaluation: {episodesPerTask: 9223372036854775807}\n"), key: "evaluation.episodesPerTask", says: ["1...100000"]),
        .init(name: "checkpoint-every-int-max", kind: .overflow, contents: .text("checkpoint: {everyIterations: 9223372036854775807}\n"),
              key: "checkpoint.everyIterations", says: ["1...1000000000000"]),
        .init(name: "window-int-max", kind: .overflow, contents: .text("sampler: {updateEveryEnvSteps: 9223372036854775807}\n"),
              key: "sampler.updateEveryEnvSteps", says: ["1...1000000000000"]),
        .init(name: "seed-beyond-uint64", kind: .overflow, contents: .text("run: {seed: 18446744073709551616}\n"), key: "run.seed", says: ["from 0 to 18446744073709551615"]),
    ]

    /// `levels` levels of nine aliases of the level before; the last is 9^(levels + 1) nodes.
    static func aliasBomb(levels: Int, then tail: String) -> String {
        var lines = ["anchors:", "  a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...levels {
            lines.append("  a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n" + tail
    }

    static let bombs: [MalformedConfig] = [
        .init(name: "alias-bomb-9-as-key", kind: .bomb, contents: .text(aliasBomb(levels: 9, then: "? *a9\n: 1\n")), says: [":6:", "more than 10000 YAML nodes"]),
        .init(name: "alias-bomb-4-as-key", kind: .bomb, contents: .text(aliasBomb(levels: 4, then: "? *a4\n: 1\n")), says: ["more than 10000 YAML nodes"]),
        .init(name: "alias-bomb-9-as-value", kind: .bomb, contents: .text(aliasBomb(levels: 9, then: "run: {name: *a9}\n")), says: ["counting each alias"]),
        .init(name: "alias-bomb-in-flow-key", kind: .bomb, contents: .text(aliasBomb(levels: 9, then: "[*a9]: 1\n")), says: ["more than 10000 YAML nodes"]),
        .init(name: "mapping-alias-bomb", kind: .bomb, contents: .text("m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8}\n"
              + (1...8).map { "m\($0): &m\($0) {a: *m\($0 - 1), b: *m\($0 - 1), c: *m\($0 - 1), d: *m\($0 - 1), e: *m\($0 - 1), f: *m\($0 - 1), g: *m\($0 - 1), h: *m\($0 - 1)}\n" }.joined()),
              says: ["more than 10000 YAML nodes"]),
        .init(name: "small-alias-as-key", kind: .bomb, contents: .text("run: &r {seed: 1}\n? *r\n: 1\n"), says: [":2:", "a key must be a plain name, found the alias *r"]),
        .init(name: "list-as-key", kind: .bomb, contents: .text("run:\n  ? [seed, name]\n  : 1\n"), says: [":2:", "a key must be a plain name, found a list"]),
        .init(name: "keys-200000", kind: .bomb, contents: .text((0..<200_000).map { "k\($0): 1\n" }.joined()), says: ["it is 2088890 bytes", "at most 1 MiB"]),
        .init(name: "keys-20000", kind: .bomb, contents: .text((0..<20_000).map { "k\($0): 1\n" }.joined()), says: [":5000:", "more than 10000 YAML nodes"]),
        .init(name: "keys-4000-capped", kind: .bomb, contents: .text((0..<4000).map { "k\($0): 1\n" }.joined()), key: "k39",
              says: ["4000 problems", "and 3960 more problems"]),
        .init(name: "comment-above-1-MiB", kind: .bomb, contents: .text("run: {seed: 2}\n#" + String(repeating: "x", count: 1 << 20) + "\n"), says: ["at most 1 MiB"]),
    ]

    static let encodings: [MalformedConfig] = [
        .init(name: "utf16-le-bom", kind: .encoding, contents: .bytes([0xFF, 0xFE] + Array("run: {seed: 1}\n".utf8).flatMap { [$0, 0] }), says: ["UTF-16", "iconv"]),
        .init(name: "utf16-be-bom", kind: .encoding, contents: .bytes([0xFE, 0xFF] + Array("run: {seed: 1}\n".utf8).flatMap { [0, $0] }), says: ["UTF-16"]),
        .init(name: "utf32-le-bom", kind: .encoding, contents: .bytes([0xFF, 0xFE, 0, 0] + Array("run: {}\n".utf8).flatMap { [$0, 0, 0, 0] }), says: ["UTF-32"]),
        .init(name: "latin1", kind: .encoding, contents: .bytes(Array("run: {name: caf".utf8) + [0xE9] + Array("}\n".utf8)), says: ["not UTF-8", "line 1, column 16", "0xE9"]),
        .init(name: "invalid-byte-ff", kind: .encoding, contents: .bytes(Array("ppo:\n  gamma: 0.9".utf8) + [0xFF] + Array("\n".utf8)), says: ["not UTF-8", "line 2", "0xFF"]),
        .init(name: "truncated-sequence", kind: .encoding, contents: .bytes(Array("run: {name: x".utf8) + [0xE2, 0x82]), says: ["not UTF-8", "0xE2"]),
        .init(name: "overlong-slash", kind: .encoding, contents: .bytes(Array("run: {name: ".utf8) + [0xC0, 0xAF] + Array("}\n".utf8)), says: ["not UTF-8", "0xC0"]),
        .init(name: "lone-surrogate", kind: .encoding, contents: .bytes(Array("run: {name: ".utf8) + [0xED, 0xA0, 0x80] + Array("}\n".utf8)), says: ["not UTF-8", "0xED"]),
    ]

    static let binary: [MalformedConfig] = [
        .init(name: "nul-in-value", kind: .binary, contents: .bytes(Array("run:\n  seed: 1".utf8) + [0] + Array("2\n".utf8)), says: ["NUL byte at line 2, column 10"]),
        .init(name: "only-nuls", kind: .binary, contents: .bytes(Array(repeating: 0, count: 4096)), says: ["NUL byte at line 1, column 1"]),
        .init(name: "elf-header", kind: .binary, contents: .bytes([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + Array(repeating: 0, count: 56)), says: ["NUL byte"]),
        .init(name: "png-header", kind: .binary, contents: .bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), says: ["not UTF-8", "0x89"]),
        .init(name: "pseudo-random-bytes", kind: .binary, contents: .bytes({
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15
            return (0..<8192).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: state >> 56)
            }
        }()), says: ["cannot read the config"]),
        .init(name: "bell-character", kind: .binary, contents: .bytes(Array("run: {name: a".utf8) + [0x07] + Array("b}\n".utf8)), says: ["control characters are not allowed", ":1:14"]),
    ]

    static let fileKinds: [MalformedConfig] = [
        .init(name: "empty", kind: .fileKind, contents: .bytes([]), says: ["it is empty", "write {}"]),
        .init(name: "only-blank-lines", kind: .fileKind, contents: .text("\n  \n\t\n"), says: ["it is empty"]),
        .init(name: "a-directory", kind: .fileKind, contents: .directory, says: ["it is a directory"]),
        .init(name: "a-fifo", kind: .fileKind, contents: .fifo, says: ["it is a FIFO"]),
        .init(name: "missing", kind: .fileKind, contents: .missing, says: ["no such file"]),
        .init(name: "dangling-symlink", kind: .fileKind, contents: .danglingSymlink, says: ["no such file"]),
        .init(name: "symlink-loop", kind: .fileKind, contents: .symlinkLoop, says: ["too many levels of symbolic links"]),
        .init(name: "under-a-file", kind: .fileKind, contents: .underAFile, says: ["not a directory"]),
        .init(name: "dev-null", kind: .fileKind, contents: .system("/dev/null"), says: ["it is a device"]),
    ]

    static let syntax: [MalformedConfig] = [
        .init(name: "tab-indent", kind: .syntax, contents: .text("run:\n\tseed: 1\n"), says: [":2:1:", "not valid YAML"]),
        .init(name: "tab-before-value", kind: .syntax, contents: .text("run:\n  seed:\t1\n  \tname: x\n"), says: ["not valid YAML"]),
        .init(name: "duplicate-top-key", kind: .syntax, contents: .text("run: {seed: 1}\nrun: {seed: 2}\n"), says: ["'run' appear more than once"]),
        .init(name: "duplicate-nested-key", kind: .syntax, contents: .text("ppo:\n  gamma: 0.9\n  gamma: 0.8\n"), says: ["'gamma' appear more than once"]),
        .init(name: "unterminated-quote", kind: .syntax, contents: .text("run: {name: \"abc}\n"), says: ["not valid YAML", "quoted scalar"]),
        .init(name: "unterminated-flow", kind: .syntax, contents: .text("ppo: {numSteps: 10\n"), says: ["not valid YAML", "flow mapping"]),
        .init(name: "two-documents", kind: .syntax, contents: .text("---\nrun: {seed: 1}\n---\nrun: {seed: 2}\n"), says: ["not valid YAML", "another document"]),
        .init(name: "undefined-alias", kind: .syntax, contents: .text("run: {name: *nope}\n"), says: [":1:13:", "undefined alias"]),
        .init(name: "yaml-2-directive", kind: .syntax, contents: .text("%YAML 2.0\n---\nrun: {}\n"), says: ["not valid YAML"]),
        .init(name: "nested-lists-5000", kind: .syntax, contents: .text("a: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n"),
              says: ["Maximum nesting level"]),
        .init(name: "nested-maps-2000", kind: .syntax, contents: .text(String(repeating: "{a: ", count: 2000) + "1" + String(repeating: "}", count: 2000) + "\n"),
              says: ["Maximum nesting level"]),
        .init(name: "block-nesting-900", kind: .syntax, contents: .text("run:\n" + (1...900).map { String(repeating: " ", count: $0 + 1) + "k\($0):\n" }.joined()),
              key: "run.k1", says: ["unknown key"]),
        .init(name: "line-of-a-megabyte", kind: .syntax, contents: .text("run: {name: " + String(repeating: "x", count: 1_000_000) + "}\n"),
              key: "run.name", says: ["(1000000 characters)"]),
        .init(name: "key-of-1000-characters", kind: .syntax, contents: .text(String(repeating: "k", count: 1_000) + ": 1\n"),
              says: ["(1000 characters): unknown key"]),
        // libyaml takes a key of at most 1024 characters before its colon.
        .init(name: "key-of-half-a-megabyte", kind: .syntax, contents: .text(String(repeating: "k", count: 500_000) + ": 1\n"),
              says: [":1:500001:", "mapping values are not allowed"]),
        .init(name: "escape-codes-in-key", kind: .syntax, contents: .text("\"\\e[2J\\e[31mrun\": {}\n"), says: ["\\u{1B}[2J\\u{1B}[31mrun: unknown key"]),
    ]

    static let unknownKeys: [MalformedConfig] = [
        .init(name: "misspelt-section", kind: .unknownKey, contents: .text("trian: {}\n"), key: "trian", says: ["unknown key"]),
        .init(name: "misspelt-key", kind: .unknownKey, contents: .text("ppo: {clipCoeff: 0.2}\n"), key: "ppo.clipCoeff", says: ["did you mean 'clipCoef'"]),
        .init(name: "derived-num-envs", kind: .unknownKey, contents: .text("ppo: {numEnvs: 4}\n"), key: "ppo.numEnvs", says: ["set env.envSlots instead"]),
        .init(name: "derived-budget", kind: .unknownKey, contents: .text("sampler: {totalStepBudget: 4}\n"), key: "sampler.totalStepBudget", says: ["run.totalEnvSteps"]),
        .init(name: "merge-key", kind: .unknownKey, contents: .text("base: &b {seed: 2}\nrun:\n  <<: *b\n"), key: "run.<<", says: ["unknown key"]),
        .init(name: "per-task-unknown-task", kind: .unknownKey, contents: .text("sampler: {kind: hard-first, hardFirstHighReturnPerTask: {fly-v3: 1}}\n"),
              key: "sampler.hardFirstHighReturnPerTask.fly-v3", says: ["is not a task of this run"]),
    ]
}
