import ArgumentParser

/// `dratsd bench`: performance measurements, one subcommand per component.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the speed of drats' components.",
        subcommands: [BenchPPOCommand.self]
    )
}
