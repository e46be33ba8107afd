import TaskRewards
import ArgumentParser
import Foundation
import Manipulation

extension ManipulationEnvironment.LayoutMode: ExpressibleByArgument {}

/// `dratsd env`: serve one task over stdin/stdout, one JSON object per line.
struct EnvCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "env",
        abstract: "Drive a task from any language: JSON requests on stdin, one JSON answer per line on stdout.",
        discussion: """
        Requests: {"op":"reset"}, {"op":"reset","seed":S}, {"op":"step","action":[dx,dy,dz,gripper]}.
        A malformed line is answered with {"error":"..."} and serving continues; end of input exits 0.
        Tasks: \(TaskCatalog.names.joined(separator: ", ")).
        """
    )

    @Option(help: "Task name, e.g. reach-v3.")
    var task: String

    @Option(help: "Suite seed fixing the task's 50 layouts.")
    var suiteSeed: UInt64 = 0

    @Option(help: "How resets choose a layout: suite (one of the 50 fixed layouts) or random (a fresh draw).")
    var layoutMode: ManipulationEnvironment.LayoutMode = .suite

    func validate() throws {
        guard TaskCatalog.names.contains(task) else {
            throw ValidationError("unknown task '\(task)'; valid tasks: \(TaskCatalog.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        let environment = try ManipulationEnvironment(task: task, suiteSeed: suiteSeed, layoutMode: layoutMode, seed: suiteSeed)
        EnvLineProtocol(environment: environment).serve(
            readLine: { Swift.readLine(strippingNewline: true) },
            write: { line in
                print(line)
                fflush(nil)
            })
    }
}
