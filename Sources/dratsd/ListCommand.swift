import ArgumentParser
import Daemon
import Foundation
import Operations

/// `dratsd list`: every run in the registry, oldest first.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List runs, oldest first.")

    @Flag(help: "Print a JSON array of run records instead of a table.")
    var json = false

    @Option(help: ArgumentHelp("Only the runs of this sweep (id or unique prefix), in the order the sweep queued them.", valueName: "sweep-id"))
    var sweep: String?

    @Flag(help: "List the sweeps instead of runs: id, name, run count, config and swept keys.")
    var sweeps = false

    @Option(help: "Only runs in this state (\(RunState.allCases.map(\.rawValue).joined(separator: ", "))); repeat or comma-separate for several.")
    var state: [String] = []

    func validate() throws {
        if sweeps, sweep != nil { throw ValidationError("give --sweeps (every sweep) or --sweep ID (one sweep's runs), not both") }
        for name in requestedNames where RunState(rawValue: name) == nil {
            throw ValidationError("unknown state '\(name)'; valid states: \(RunState.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    @OptionGroup var stateDirectory: StateDirectoryOption

    private var requestedNames: [String] {
        state.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
    }

    func run() throws {
        let catalog = try stateDirectory.openCatalog()
        let states = requestedNames.isEmpty ? nil : Set(requestedNames.compactMap(RunState.init(rawValue:)))
        if sweeps {
            let all = try catalog.sweeps()
            print(json ? try RunFormatting.json(all) : RunFormatting.table(all))
            return
        }
        var (records, notes) = try sweep.map { try catalog.sweepRuns($0) } ?? catalog.list()
        if let states { records = records.filter { states.contains($0.state) } }
        print(json ? try RunFormatting.json(records) : RunFormatting.table(records, notes: notes))
    }
}
