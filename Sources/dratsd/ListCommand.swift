import ArgumentParser
import Daemon
import Foundation
import Operations

/// `dratsd list`: every run in the registry, oldest first.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List runs, oldest first.")

    @Flag(help: "Print a JSON array of run records instead of a table.")
    var json = false

    @Option(help: "Only runs in this state (\(RunState.allCases.map(\.rawValue).joined(separator: ", "))); repeat or comma-separate for several.")
    var state: [String] = []

    func validate() throws {
        for name in requestedNames where RunState(rawValue: name) == nil {
            throw ValidationError("unknown state '\(name)'; valid states: \(RunState.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    @OptionGroup var stateDirectory: StateDirectoryOption

    private var requestedNames: [String] {
        state.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
    }

    func run() throws {
        let (_, store) = try stateDirectory.open()
        let states = requestedNames.isEmpty ? nil : Set(requestedNames.compactMap(RunState.init(rawValue:)))
        let records = try store.list(states: states)
        print(json ? try RunFormatting.json(records) : RunFormatting.table(records))
    }
}
