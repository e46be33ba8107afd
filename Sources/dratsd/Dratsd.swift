import ArgumentParser

/// The `dratsd` command: the drats service and its command-line interface.
///
/// This file only lists subcommands; each lives in its own file and only parses arguments
/// before handing the work to a library module.
@main
struct Dratsd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dratsd",
        abstract: "Multi-task reinforcement learning with DRATS task sampling.",
        version: "0.1.0",
        subcommands: [SubmitCommand.self, SweepCommand.self, ImportCommand.self, ListCommand.self, ShowCommand.self, LogsCommand.self, CancelCommand.self,
                      ResumeCommand.self, ServeCommand.self, TrainCommand.self, EvalCommand.self, EnvCommand.self, PolicyCommand.self,
                      BenchCommand.self, ExperimentCommand.self, ReportCommand.self]
    )
}
