import Foundation

/// One key a sweep varies and the values it takes, from a `key=values` argument of `dratsd
/// sweep`: `sampler.kind=uniform,drats`, `run.seed=1..5`, `ppo.hiddenSizes=[64,64],[128,128]`.
///
/// Values are separated by commas outside brackets and quotes, so a list value keeps its own
/// commas; `a..b` with integers a <= b stands for every integer from a to b. Each value is a
/// YAML value, checked like any override (`ConfigOverride`). One value makes an ordinary override
/// shared by every run.
public struct SweepAxis: Sendable, Equatable {
    /// The argument as given.
    public let argument: String
    /// One override per value, in the order given.
    public let values: [ConfigOverride]

    /// Most runs a sweep may make (and values an axis may have): far beyond any machine's or
    /// cluster's sweep, small enough that a typo like `run.seed=1..1000000000` is refused
    /// before anything is built.
    public static let runLimit = 10_000

    /// Parses `key=values`; refused with `RunConfigError.override` naming the argument.
    public init(parsing argument: String) throws(RunConfigError) {
        let (keyPath, valueText) = try ConfigOverride.split(argument)
        let key = keyPath.joined(separator: ".")
        self.argument = argument
        var values: [ConfigOverride] = []
        for part in Self.split(valueText) {
            let text = part.trimmingCharacters(in: .whitespaces)
            if let (low, high) = Self.integerRange(text) {
                guard low <= high else {
                    throw .override(argument: argument, problem: "the range \(text) is empty; write the smaller bound first, e.g. 1..5")
                }
                let (span, overflow) = high.subtractingReportingOverflow(low)
                guard !overflow, span < Self.runLimit else {
                    throw .override(argument: argument, problem: "the range \(text) has more than \(Self.runLimit) values")
                }
                for value in low...high { values.append(try ConfigOverride(keyPath: keyPath, valueText: String(value))) }
            } else {
                if text.isEmpty, valueText.contains(",") {
                    throw .override(argument: argument, problem: "a value between commas is empty; give each value, e.g. \(key)=a,b,c")
                }
                values.append(try ConfigOverride(keyPath: keyPath, valueText: text))
            }
            guard values.count <= Self.runLimit else {
                throw .override(argument: argument, problem: "more than \(Self.runLimit) values")
            }
        }
        var seen: Set<String> = []
        for value in values where !seen.insert(value.valueText).inserted {
            throw .override(argument: argument, problem: "the value \(ConfigText.excerpt(value.valueText)) appears twice; give each value once")
        }
        self.values = values
    }

    /// The dotted key path.
    public var key: String { values[0].key }

    /// Every combination of one value per axis, the first axis varying slowest (like nested
    /// loops in the order given): put `run.seed` first and a sweep cut short still has every
    /// other combination at its first seeds. Refused when the product exceeds `runLimit` or two
    /// axes set the same key.
    public static func combinations(_ axes: [SweepAxis]) throws(RunConfigError) -> [[ConfigOverride]] {
        for (index, axis) in axes.enumerated() {
            for earlier in axes[..<index] where earlier.values[0].keyPath.starts(with: axis.values[0].keyPath)
                || axis.values[0].keyPath.starts(with: earlier.values[0].keyPath) {
                throw .override(argument: axis.argument, problem: "sets \(axis.key) again after '\(earlier.argument)'; give each key once")
            }
        }
        let count = axes.reduce(1) { product, axis in product > runLimit ? product : product * axis.values.count }
        guard count <= runLimit else {
            throw .override(argument: axes.map(\.argument).joined(separator: " "),
                            problem: "the sweep would make \(count > runLimit ? "more than \(runLimit)" : String(count)) runs; at most \(runLimit)")
        }
        var combinations: [[ConfigOverride]] = [[]]
        for axis in axes {
            combinations = combinations.flatMap { prefix in axis.values.map { prefix + [$0] } }
        }
        return combinations
    }

    /// `text` cut at commas that are outside `[...]`, `{...}` and quotes.
    static func split(_ text: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        var quote: Character? = nil
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if (character == "'" || character == "\""), current.allSatisfy(\.isWhitespace) || depth > 0 {
                // A quote opens only at a value's start (or inside a list): bob's is one value.
                quote = character
            } else if character == "[" || character == "{" {
                depth += 1
            } else if character == "]" || character == "}" {
                depth = max(0, depth - 1)
            } else if character == ",", depth == 0 {
                parts.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        parts.append(current)
        return parts
    }

    /// `a..b` with decimal integers a and b, else nil.
    static func integerRange(_ text: String) -> (low: Int, high: Int)? {
        guard let dots = text.range(of: ".."), let low = Int(text[..<dots.lowerBound]), let high = Int(text[dots.upperBound...]) else { return nil }
        return (low, high)
    }
}
