#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import RandomStreams

/// Makes run ids like `r-20261125-k3x9qa`: the UTC submission day, then six characters of a
/// lowercase Crockford-style alphabet (no i, l, o, u), so ids are short, sortable by day and
/// easy to read aloud.
///
/// Ids need not be reproducible, only distinct: the store checks each candidate against the
/// table inside the submitting write transaction and draws again on a clash. The seed defaults to
/// the clock and process id so that separate processes draw different sequences.
public struct RunIDGenerator: Sendable {
    /// The 32 characters used for the random part.
    public static let alphabet: [Character] = Array("0123456789abcdefghjkmnpqrstvwxyz")
    /// Number of random characters in an id.
    public static let randomLength = 6

    private var random: SplitMix64

    /// A generator with an explicit seed (tests use this to force clashes).
    public init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// A generator seeded from the wall clock in nanoseconds and the process id.
    public init() {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let nanoseconds = UInt64(truncatingIfNeeded: now.tv_sec) &* 1_000_000_000 &+ UInt64(truncatingIfNeeded: now.tv_nsec)
        self.init(seed: nanoseconds ^ (UInt64(UInt32(bitPattern: getpid())) << 40))
    }

    /// The next id for a run submitted at `date`.
    public mutating func next(at date: Date) -> String { next(at: date, kind: .run) }

    /// What an id names; its first letter: `r-…` a run, `s-…` a sweep.
    public enum Kind: String, Sendable {
        case run = "r", sweep = "s"
    }

    /// The next id of `kind` for something created at `date`.
    public mutating func next(at date: Date, kind: Kind) -> String {
        var bits = random.next()
        var suffix = ""
        for _ in 0..<Self.randomLength {
            suffix.append(Self.alphabet[Int(bits & 31)])
            bits >>= 5
        }
        return kind.rawValue + "-" + Self.dayStamp(date) + "-" + suffix
    }

    /// Whether `text` has the shape of an id of `kind` (guards folder paths against odd input).
    public static func isWellFormed(_ text: String, kind: Kind = .run) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == kind.rawValue, parts[1].count == 8, parts[1].allSatisfy(\.isASCIIDigit),
              parts[2].count == randomLength, parts[2].allSatisfy({ alphabet.contains($0) })
        else { return false }
        return true
    }

    private static func dayStamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let year = Int(parts.tm_year) + 1900, month = Int(parts.tm_mon) + 1, day = Int(parts.tm_mday)
        return String(year) + (month < 10 ? "0" : "") + String(month) + (day < 10 ? "0" : "") + String(day)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
