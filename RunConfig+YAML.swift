import Yams

extension RunConfig {
    /// The config as YAML with every default filled in, for the run folder's `config.yaml` and
    /// the run registry. `load(yaml:)` reads it back to an equal config.
    public func resolvedYAML() -> String {
        let body: String
        do {
            body = try YAMLEncoder().encode(self)
        } catch {
            // Encoding plain numbers, strings and lists cannot fail; say so loudly if it ever does.
            body = "# encoding failed: \(error)\n"
        }
        return "# Resolved run config: every setting, defaults filled in.\n" + body
    }
}
