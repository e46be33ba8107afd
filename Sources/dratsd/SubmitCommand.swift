import ArgumentParser
import Daemon
import Foundation
import RunExecution
import Operations
import RunConfiguration

/// `dratsd submit CONFIG... [key=value...] [--seeds 1,2,3]`: validate run configs, resolve them and queue the runs.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Validate run configs and queue the runs; prints each run id, the last line is an id.",
        discussion: """
        Writes only the run registry in the state directory; queued runs start in submission order. \
        Arguments of the form key=value override a setting of every config (ppo.learningRate=3e-4 sampler.kind=uniform \
        run.seed=3; the value is YAML, e.g. ppo.hiddenSizes=[64,64]); they are checked exactly like the file's own \
        settings and recorded in the stored config. A config file whose name holds '=' is given with a directory, \
        e.g. ./a=b.yaml. With --seeds, every config is queued once per seed (run.seed replaced and recorded in the \
        stored config): all configs with the first seed, then all with the second, and so on. \
        Every config is checked before any run is queued, its memory estimate against --memory-limit too.
        """
    )

    @Argument(help: ArgumentHelp("Run configs (YAML), e.g. configs/quickstart-mt10.yaml, and key=value overrides.",
                                 valueName: "config-or-override"))
    var arguments: [String] = []

    /// The config files among the arguments.
    var configs: [String] { arguments.filter { !ConfigOverride.isOverride($0) } }

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

    /// The key=value arguments, with `run.seed=seed` added for one of --seeds.
    func overrides(seed: UInt64?) throws -> [ConfigOverride] {
        var overrides = try arguments.filter(ConfigOverride.isOverride).map { try ConfigOverride(parsing: $0) }
        if let seed {
            if let given = overrides.first(where: { $0.key == "run.seed" || $0.key == "run" }) {
                throw ValidationError("--seeds and the override '\(given.argument)' both set run.seed; give one of them")
            }
            overrides.append(try ConfigOverride(parsing: "run.seed=\(seed)"))
        }
        return overrides
    }

    func validate() throws {
        if configs.isEmpty { throw ValidationError("name at least one run config, e.g. configs/quickstart-mt10.yaml") }
        if let seeds { _ = try Self.parseSeeds(seeds) }
        _ = try overrides(seed: seeds == nil ? nil : 0)
    }

    func run() throws {
        let limit = try memoryLimit.resolve()
        let (_, store) = try stateDirectory.open()
        let seedList: [UInt64?] = try seeds.map { try Self.parseSeeds($0).map(Optional.some) } ?? [nil]
        var prepared: [RunConfig] = []
        // Seed by seed, so an experiment cut short still has every config at its first seeds.
        for seed in seedList {
            let overrides = try overrides(seed: seed)
            for path in configs {
                prepared.append(try RunSubmitter.prepare(configPath: path, overrides: overrides, trainability: RunTrainability.problems,
                                                         memoryLimit: limit))
            }
        }
        for config in prepared {
            let record = try RunSubmitter.submit(config, store: store)
            print("queued " + RunSubmitter.summary(config))
            print(record.id)
        }
    }
}
