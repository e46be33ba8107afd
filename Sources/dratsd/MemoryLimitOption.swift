import ArgumentParser
import RunConfiguration

/// `--memory-limit`, shared by the commands that start or queue runs (`submit`, `train`, `serve`).
struct MemoryLimitOption: ParsableArguments {
    @Option(name: .customLong("memory-limit"),
            help: ArgumentHelp("Most memory one run may need, in bytes or with K, M, G or T (binary), e.g. 64G; a config whose estimate is larger is refused (default: $DRATSD_MEMORY_LIMIT, else 90% of this machine's memory).",
                               valueName: "size"))
    var text: String?

    /// The limit: this option, else `$DRATSD_MEMORY_LIMIT`, else the machine's; an error naming
    /// the setting when it is not a size.
    func resolve() throws -> MemoryLimit { try MemoryLimit.resolve(flag: text) }
}
