import ArgumentParser
import Daemon
import Operations

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

    /// Prepares the directory and opens what it knows of runs: the registry if it has one, and
    /// its Slurm sweeps (`RunCatalog`), without creating a database.
    func openCatalog() throws -> RunCatalog {
        try RunCatalog(stateDirectory: try StateDirectory.prepare(flag: path))
    }
}
