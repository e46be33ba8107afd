import Foundation

/// Byte counts as people read and write them, in binary units (1K = 1024 bytes, as systemd's
/// `MemoryMax=` and `free -h`).
public enum ByteCount {
    private static let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]

    /// `bytes` in the largest unit it reaches, with one decimal below 100: "512 B", "1.5 GiB".
    public static func text(_ bytes: Int) -> String {
        var value = Double(max(bytes, 0)), unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(Int(value)) B" }
        let rounded = value < 100 ? (value * 10).rounded() / 10 : value.rounded()
        return (value < 100 ? "\(rounded)" : "\(Int(rounded))") + " " + units[unit]
    }

    /// Reads a size: a whole number of bytes (`68719476736`), or a number (a fraction allowed)
    /// followed by K, M, G or T, optionally with `iB` or `B` after it (`64G`, `1.5GiB`, `512MB`),
    /// all binary multiples. Nil for anything else, zero and sizes beyond `Int.max`.
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let number = trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let exponents: [String: Int] = ["": 0, "B": 0, "K": 1, "KB": 1, "KIB": 1, "M": 2, "MB": 2, "MIB": 2,
                                        "G": 3, "GB": 3, "GIB": 3, "T": 4, "TB": 4, "TIB": 4]
        guard let exponent = exponents[trimmed.dropFirst(number.count).uppercased()], !number.isEmpty else { return nil }
        if exponent == 0 {
            guard let bytes = Int(number), bytes > 0 else { return nil }
            return bytes
        }
        guard number.filter({ $0 == "." }).count <= 1, number.first != ".", number.last != ".",
              let value = Double(number) else { return nil }
        let bytes = value * Double(1 << (10 * exponent))
        guard bytes >= 1, bytes < 9.2e18 else { return nil }
        return Int(bytes)
    }

    /// The smallest whole number of MiB, GiB or TiB (`M`, `G`, `T`, as `parse` reads them) that is
    /// at least `bytes`: "98M", "522G".
    public static func roundedUp(_ bytes: Int) -> String {
        for (shift, suffix) in [(20, "M"), (30, "G"), (40, "T")] where bytes < 1 << (shift + 10) || suffix == "T" {
            let unit = 1 << shift
            return "\(bytes / unit + (bytes % unit == 0 ? 0 : 1))\(suffix)"
        }
        return "\(bytes)"
    }
}
