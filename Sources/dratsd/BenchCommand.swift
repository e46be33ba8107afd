import ArgumentParser

/// `dratsd bench`: performance measurements (never asserted in tests).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure performance.",
        subcommands: [BenchEnvCommand.self, BenchPPOCommand.self, BenchTrainCommand.self, BenchFaultsCommand.self, BenchPolicyCommand.self]
    )
}
