import ArgumentParser
import Foundation
import Manipulation

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
    var layoutMode: String = ManipulationEnvironment.LayoutMode.suite.rawValue

    func validate() throws {
        guard TaskCatalog.names.contains(task) else {
            throw ValidationError("unknown task '\(task)'; valid tasks: \(TaskCatalog.names.joined(separator: ", "))")
        }
        guard ManipulationEnvironment.LayoutMode(rawValue: layoutMode) != nil else {
            throw ValidationError("unknown layout mode '\(layoutMode)'; use suite or random")
        }
    }

    func run() throws {
        let mode = ManipulationEnvironment.LayoutMode(rawValue: layoutMode) ?? .suite
        let environment = try ManipulationEnvironment(task: task, suiteSeed: suiteSeed, layoutMode: mode, seed: suiteSeed)
        EnvLineProtocol(environment: environment).serve(
            readLine: { Swift.readLine(strippingNewline: true) },
            write: { line in
                print(line)
                fflush(nil)
            })
    }
}
