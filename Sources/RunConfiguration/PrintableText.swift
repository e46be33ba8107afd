/// Text from users (run names, config keys and values) as the CLI, the logs and the reports print
/// it: control characters (Unicode category Cc: escape sequences, newlines, carriage returns)
/// and format characters (Cf: bidirectional overrides, zero-width characters) are shown as
/// `\u{1B}` escapes, so a name cannot rewrite or reorder the user's terminal. The one
/// implementation: `list`, `show`, `submit`, the service's log lines, the reports and the config
/// error messages all use it.
public enum PrintableText {
    /// `text` with every Cc and Cf scalar escaped as `\u{HEX}`.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `scalar` is a control (Cc) or format (Cf) character.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format: true
        default: false
        }
    }
}
