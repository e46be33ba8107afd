import ArgumentParser
import Daemon

/// `--state-dir`, shared by every command that works on the run registry.
struct StateDirectoryOption: ParsableArguments {
    @Option(name: .customLong("state-dir"),
            help: "State directory (default: $DRATSD_STATE_DIR, else /var/lib/dratsd for root, $XDG_STATE_HOME/dratsd for others).")
    var path: String?

    /// Prepares the directory and opens its run registry.
    func open() throws -> (directory: StateDirectory, store: RunStore) {
        let directory = try StateDirectory.prepare(flag: path)
        return (directory, try RunStore(stateDirectory: directory))
    }
}
