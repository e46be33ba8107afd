/// Names of TensorBoard event files: `events.out.tfevents.<Unix seconds>.<host>`, the pattern
/// TensorBoard's directory loader looks for (it reads every file whose name contains `tfevents`,
/// in name order).
public enum EventFileName {
    public static let marker = "tfevents"

    /// The name for a file started at `unixSeconds` on `host` (a host name with `/` or control
    /// characters is replaced by `localhost`, so the name stays one path component).
    public static func make(unixSeconds: Int64, host: String) -> String {
        let safeHost = host.isEmpty || host.contains("/") || host.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
            ? "localhost" : host
        let digits = String(max(unixSeconds, 0))
        return "events.out.\(marker).\(String(repeating: "0", count: max(0, 10 - digits.count)) + digits).\(safeHost)"
    }

    /// Whether TensorBoard would read a file of this name as an event file.
    public static func isEventFile(_ name: String) -> Bool { name.contains(marker) }
}

extension EventFileName {
    /// The Unix seconds in a name `make` wrote, nil for other names.
    public static func unixSeconds(of name: String) -> Int64? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 4, parts[0] == "events", parts[1] == "out", parts[2] == Substring(marker) else { return nil }
        return Int64(parts[3])
    }
}
