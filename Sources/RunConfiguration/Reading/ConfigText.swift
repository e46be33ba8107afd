/// Text from a config file as error messages show it: short and printable, whatever the file
/// holds (a megabyte-long key, terminal escape codes).
enum ConfigText {
    /// `text` with control and format characters escaped (`\u{1B}`, `PrintableText`), cut after
    /// `limit` characters with the full length noted.
    static func excerpt(_ text: String, limit: Int = 60) -> String {
        var shown = ""
        for (count, character) in text.enumerated() {
            if count == limit { return shown + "... (\(text.count) characters)" }
            shown += PrintableText.escaped(String(character))
        }
        return shown
    }
}
