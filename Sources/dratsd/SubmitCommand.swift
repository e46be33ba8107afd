import ArgumentParser
import Daemon
import Foundation
import RunExecution
import Operations
import RunConfiguration

/// `dratsd submit CONFIG... [--seeds 1,2,3]`: validate run configs, resolve them and queue the runs.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Validate run configs and queue the runs; prints each run id, the last line is an id.",
        discussion: """
        Writes only the run registry in the state directory; queued runs start in submission order. With --seeds, \
        every config is queued once per seed (run.seed replaced and recorded in the stored config): all configs with \
        the first seed, then all with the second, and so on. \
        Every config is checked before any run is queued, its memory estimate against --memory-limit too.
        """
    )

    @Argument(help: "Run configs (YAML), e.g. configs/quickstart-mt10.yaml.")
    var configs: [String]

    @Option(help: ArgumentHelp("Comma-separated seeds, one run per seed and config, e.g. 1,2,3 (default: each config's run.seed).",
                               valueName: "seeds"))
    var seeds: String?

    @OptionGroup var memoryLimit: MemoryLimitOption
    @OptionGroup var stateDirectory: StateDirectoryOption

    /// The seeds of `--seeds`, or nil without it.
    static func parseSeeds(_ text: String) throws -> [UInt64] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var seeds: [UInt64] = []
        for part in parts {
            guard let seed = UInt64(part) else {
                throw ValidationError("--seeds has '\(part)'; give non-negative integers separated by commas, e.g. 1,2,3")
            }
            guard !seeds.contains(seed) else { throw ValidationError("--seeds lists \(seed) twice; each seed once") }
            seeds.append(seed)
        }
        return seeds
    }

    func validate() throws {
        if configs.isEmpty { throw ValidationError("name at least one run config, e.g. configs/quickstart-mt10.yaml") }
        if let seeds { _ = try Self.parseSeeds(seeds) }
    }

    func run() throws {
        let limit = try memoryLimit.resolve()
        let (_, store) = try stateDirectory.open()
        let seedList: [UInt64?] = try seeds.map { try Self.parseSeeds($0).map(Optional.some) } ?? [nil]
        var prepared: [RunConfig] = []
        // Seed by seed, so an experiment cut short still has every config at its first seeds.
        for seed in seedList {
            for path in configs {
                prepared.append(try RunSubmitter.prepare(configPath: path, seed: seed, trainability: RunTrainability.problems, memoryLimit: limit))
            }
        }
        for config in prepared {
            let record = try RunSubmitter.submit(config, store: store)
            print("queued " + RunSubmitter.summary(config))
            print(record.id)
        }
    }
}
