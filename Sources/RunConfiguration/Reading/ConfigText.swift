/// Text from a config file as error messages show it: short and printable, whatever the file
/// holds (a megabyte-long key, terminal escape codes).
enum ConfigText {
    /// `text` with control characters and bidirectional overrides escaped (`\u{1B}`), cut after
    /// `limit` characters with the full length noted.
    static func excerpt(_ text: String, limit: Int = 60) -> String {
        var shown = ""
        for (count, character) in text.enumerated() {
            if count == limit { return shown + "... (\(text.count) characters)" }
            for scalar in character.unicodeScalars {
                if scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value)
                    || (0x2066...0x2069).contains(scalar.value) {
                    shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    shown.unicodeScalars.append(scalar)
                }
            }
        }
        return shown
    }
}
