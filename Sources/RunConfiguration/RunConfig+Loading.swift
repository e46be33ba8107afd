import Foundation
import TaskRewards
import Networks
import PPO
import Samplers
import Yams

extension RunConfig {
    /// Reads the config file at `path`; the run name defaults to the file's name without `.yaml`.
    /// Before any YAML is parsed, refuses what cannot be a config (`ConfigFile`): anything but a
    /// regular file, a file above `Limits.fileBytes`, an empty file, text that is not UTF-8.
    /// `overrides` (from the command line) are applied to the file's document before it is read,
    /// so they are checked exactly as the file's own values (`ConfigOverride`).
    public static func load(file path: String, overrides: [ConfigOverride] = []) throws(RunConfigError) -> RunConfig {
        let text = try ConfigFile.text(at: path)
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try load(yaml: text, file: path, defaultName: stem.isEmpty ? "run" : stem, overrides: overrides)
    }

    /// Parses and validates `yaml`. Unknown keys, wrong types and out-of-range values are all
    /// collected and thrown together as `RunConfigError.invalid`, each with its key path and the
    /// line in `file` (the name used in messages). A document beyond `Limits.yamlNodes` or with
    /// a key that is not a plain name is refused as `.structure` before Yams builds it.
    /// A problem about a key an override set names the override's argument instead of a line.
    public static func load(yaml: String, file: String = "<config>", defaultName: String = "run",
                            overrides: [ConfigOverride] = []) throws(RunConfigError) -> RunConfig {
        if let problem = YAMLPreflight.firstProblem(in: yaml) {
            throw .structure(file: file, line: problem.line, column: problem.column, problem: problem.message)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw .syntax(file: file, line: nil, column: nil, problem: String(describing: error))
        }
        let problems = ProblemList()
        var config = read(try ConfigOverride.apply(overrides, to: root), defaultName: defaultName, problems: problems)
        config.resolveDerivedValues()
        for problem in config.rangeProblems() {
            problems.add(problem.keyPath, problem.message)
        }
        guard problems.problems.isEmpty else {
            throw .invalid(file: file, problems: ConfigOverride.attribute(problems.problems, to: overrides))
        }
        return config
    }

    /// Reads every section, keeping defaults where a value is missing or has the wrong type.
    static func read(_ root: Node?, defaultName: String, problems: ProblemList) -> RunConfig {
        var config = RunConfig()
        config.run.name = defaultName
        let top = YAMLSection(root, path: "", problems: problems)

        let run = YAMLSection(top.node("run"), path: "run", problems: problems)
        run.read("name", .text, into: &config.run.name)
        run.read("seed", .unsigned, into: &config.run.seed)
        run.read("totalEnvSteps", .integer, into: &config.run.totalEnvSteps)
        run.finish()

        let env = YAMLSection(top.node("env"), path: "env", problems: problems)
        env.read("suite", .choice(EnvSuite.self), into: &config.env.suite)
        config.env.tasks = config.env.suite.taskNames
        env.read("tasks", .list(of: .text), into: &config.env.tasks)
        env.read("suiteSeed", .unsigned, into: &config.env.suiteSeed)
        env.read("layoutMode", .choice(LayoutMode.self), into: &config.env.layoutMode)
        // An empty task list is reported once, under env.tasks, not again as zero slots.
        config.env.envSlots = max(config.env.tasks.count, 1)
        env.read("envSlots", .integer, into: &config.env.envSlots)
        env.read("workerThreads", .integer, into: &config.env.workerThreads)
        env.finish()

        config.ppo = readPPO(YAMLSection(top.node("ppo"), path: "ppo", problems: problems))
        var activeTasksGiven = false, windowGiven = false
        var highReturnPerTask: [(name: String, value: Double)]? = nil
        config.sampler = readSampler(YAMLSection(top.node("sampler"), path: "sampler", problems: problems),
                                     hardFirstActiveTasksGiven: &activeTasksGiven, updateEveryEnvStepsGiven: &windowGiven,
                                     highReturnPerTask: &highReturnPerTask)
        config.sampler.hardFirstHighReturnPerTask = resolveHighReturnPerTask(
            highReturnPerTask, sampler: config.sampler, tasks: config.env.tasks, problems: problems)
        if !windowGiven, config.env.suite == .gridworld {
            // The 100k-step window is MT10's (about 200 episodes of 500 steps); a grid-world
            // episode lasts at most 15 steps, so every rollout already closes a full window.
            config.sampler.updateEveryEnvSteps = 1
        }
        if !activeTasksGiven {
            // The default K (3, MT10's) cannot exceed the task count of a smaller task list.
            config.sampler.hardFirstActiveTasks = min(config.sampler.hardFirstActiveTasks, max(config.env.tasks.count, 1))
        }

        let evaluation = YAMLSection(top.node("evaluation"), path: "evaluation", problems: problems)
        evaluation.read("everyEnvSteps", .integer, into: &config.evaluation.everyEnvSteps)
        evaluation.read("episodesPerTask", .integer, into: &config.evaluation.episodesPerTask)
        evaluation.finish()

        let checkpoint = YAMLSection(top.node("checkpoint"), path: "checkpoint", problems: problems)
        checkpoint.read("everyIterations", .integer, into: &config.checkpoint.everyIterations)
        checkpoint.read("keepLast", .integer, into: &config.checkpoint.keepLast)
        checkpoint.read("keepBest", .boolean, into: &config.checkpoint.keepBest)
        checkpoint.finish()

        top.finish()
        return config
    }

    private static func readPPO(_ section: YAMLSection) -> PPOConfig {
        var ppo = PPOConfig()
        section.read("numSteps", .integer, into: &ppo.numSteps)
        section.read("updateEpochs", .integer, into: &ppo.updateEpochs)
        section.read("numMinibatches", .integer, into: &ppo.numMinibatches)
        section.read("learningRate", .number, into: &ppo.learningRate)
        section.read("adamEpsilon", .number, into: &ppo.adamEpsilon)
        section.read("maxGradNorm", .number, into: &ppo.maxGradNorm)
        section.read("gamma", .number, into: &ppo.gamma)
        section.read("gaeLambda", .number, into: &ppo.gaeLambda)
        section.read("clipCoef", .number, into: &ppo.clipCoef)
        section.read("normAdv", .boolean, into: &ppo.normAdv)
        section.read("advantageNormalization", .choice(AdvantageNormalization.self), into: &ppo.advantageNormalization)
        section.read("optimizers", .choice(ActorCriticOptimizers.self), into: &ppo.optimizers)
        section.read("entCoef", .number, into: &ppo.entCoef)
        section.read("vfCoef", .number, into: &ppo.vfCoef)
        section.readNullable("targetKL", .number, into: &ppo.targetKL)
        section.read("klStopFactor", .number, into: &ppo.klStopFactor)
        section.read("hiddenSizes", .list(of: .integer), into: &ppo.hiddenSizes)
        section.read("logStdMode", .choice(LogStdMode.self), into: &ppo.logStdMode)
        section.read("activation", .choice(Activation.self), into: &ppo.activation)
        section.read("rewardScale", .number, into: &ppo.rewardScale)
        for (key, source) in PPOSection.derivedKeys { section.refuse(key, setBy: source) }
        section.finish()
        return ppo
    }

    private static func readSampler(_ section: YAMLSection, hardFirstActiveTasksGiven: inout Bool,
                                    updateEveryEnvStepsGiven: inout Bool,
                                    highReturnPerTask: inout [(name: String, value: Double)]?) -> SamplerConfig {
        var sampler = SamplerConfig()
        section.read("kind", .choice(SamplerKind.self), into: &sampler.kind)
        section.read("inverseTemperature", .number, into: &sampler.inverseTemperature)
        section.read("stepSize", .number, into: &sampler.stepSize)
        section.readNullable("floor", .number, into: &sampler.floor)
        section.read("maxReturn", .number, into: &sampler.maxReturn)
        section.read("updateEveryEnvSteps", .integer, into: &sampler.updateEveryEnvSteps)
        section.read("successWindowEpisodes", .integer, into: &sampler.successWindowEpisodes)
        section.read("targetSwitchSuccessRate", .number, into: &sampler.targetSwitchSuccessRate)
        section.read("masteredSuccessRate", .number, into: &sampler.masteredSuccessRate)
        section.read("scoreNormalisationOffset", .number, into: &sampler.scoreNormalisationOffset)
        section.read("hardFirstActiveTasks", .integer, into: &sampler.hardFirstActiveTasks)
        section.read("hardFirstLowReturn", .number, into: &sampler.hardFirstLowReturn)
        section.read("hardFirstHighReturn", .number, into: &sampler.hardFirstHighReturn)
        if section.has("hardFirstHighReturnPerTask") {
            var given: [(name: String, value: Double)] = []
            section.read("hardFirstHighReturnPerTask", .mapping(of: .number), into: &given)
            highReturnPerTask = given
        }
        section.read("hardFirstBudgetFraction", .number, into: &sampler.hardFirstBudgetFraction)
        section.read("hardFirstStageOneFraction", .number, into: &sampler.hardFirstStageOneFraction)
        hardFirstActiveTasksGiven = section.has("hardFirstActiveTasks")
        updateEveryEnvStepsGiven = section.has("updateEveryEnvSteps")
        for (key, source) in SamplerSection.derivedKeys { section.refuse(key, setBy: source) }
        section.finish()
        return sampler
    }

    /// Hard First's per-task high thresholds, in `tasks` order: the file's mapping (every name a
    /// task of the run; a task it leaves out gets `hardFirstHighReturn`), or without one the
    /// authors' value for each MetaWorld task (nil when no task has one). Nil for other sampler
    /// kinds, which have no use for it: their configs, and so their hashes, stay as they were.
    private static func resolveHighReturnPerTask(_ given: [(name: String, value: Double)]?, sampler: SamplerConfig,
                                                 tasks: [String], problems: ProblemList) -> [Double]? {
        for (name, _) in given ?? [] where !tasks.contains(name) {
            problems.add("sampler.hardFirstHighReturnPerTask.\(ConfigText.excerpt(name))",
                         "is not a task of this run; the tasks are \(tasks.joined(separator: ", "))")
        }
        guard sampler.kind == .hardFirst else { return nil }
        if let given {
            return tasks.map { task in given.last { $0.name == task }?.value ?? sampler.hardFirstHighReturn }
        }
        guard tasks.contains(where: { AuthorsHardFirstHighReturns.byTask[$0] != nil }) else { return nil }
        return tasks.map { AuthorsHardFirstHighReturns.byTask[$0] ?? sampler.hardFirstHighReturn }
    }

    private static func syntaxError(_ error: YamlError, file: String) -> RunConfigError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let context = context.map { String(describing: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
            let detail = [context, problem].compactMap { $0 }.joined(separator: ": ")
            return .syntax(file: file, line: mark.line, column: mark.column, problem: detail)
        case let .reader(problem, offset, value, yaml):
            // libyaml's offset is in bytes of the UTF-8 text; its value the offending character.
            let before = offset.map { Array(yaml.utf8.prefix($0)) }
            let line = before.map { $0.count { $0 == 0x0A } + 1 }
            let column = before.map { $0.count - ($0.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1 }
            return .syntax(file: file, line: line, column: column,
                           problem: "\(problem) (character U+\(String(value, radix: 16, uppercase: true)))")
        case let .duplicatedKeysInMapping(duplicates, context):
            return .syntax(file: file, line: context.mark.line, column: context.mark.column,
                           problem: "the key(s) \(duplicates.map { "'\(ConfigText.excerpt($0))'" }.joined(separator: ", ")) appear more than once in one mapping; keep one")
        default:
            return .syntax(file: file, line: nil, column: nil, problem: String(describing: error))
        }
    }
}
