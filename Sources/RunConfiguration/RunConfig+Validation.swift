import PPO
import Samplers

extension RunConfig {
    /// Every out-of-range value, each with its key path and what is allowed. Empty when the
    /// config can be run. `load` reports these together with unknown keys and wrong types.
    /// Every count is checked against its bound in `Limits` first, and a quantity derived from
    /// counts only once they are within bounds, so no value of any field can overflow here.
    public func rangeProblems() -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        func check(_ ok: Bool, _ keyPath: String, _ value: some CustomStringConvertible, _ allowed: String) {
            if !ok { problems.append(ConfigProblem(keyPath: keyPath, message: "is \(value); allowed: \(allowed)")) }
        }

        // A name is printed by list, show, the service's log and train.log: no terminal escape
        // codes, line breaks or bidirectional overrides (Unicode Cc and Cf), not even escaped.
        let nameCharacter = run.name.unicodeScalars.first { PrintableText.needsEscape($0) }
        let nameDetail = nameCharacter.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let kind = scalar.properties.generalCategory == .control ? "control" : "format"
            return " (it holds U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex), a \(kind) character)"
        } ?? ""
        check(!run.name.isEmpty && nameCharacter == nil && !run.name.contains(where: \.isNewline) && run.name.count <= Limits.nameCharacters,
              "run.name", "'\(ConfigText.excerpt(run.name))'\(nameDetail)",
              "a non-empty single line of at most \(Limits.nameCharacters) characters, without control or format characters (default: the config file's name without .yaml)")
        let totalInRange = (1...Limits.envSteps).contains(run.totalEnvSteps)
        check(totalInRange, "run.totalEnvSteps", run.totalEnvSteps, Limits.range(1, Limits.envSteps))
        let slotsInRange = (1...Limits.envSlots).contains(env.envSlots)
        let stepsInRange = (1...PPOConfig.Limits.numSteps).contains(ppo.numSteps)
        if totalInRange && slotsInRange && stepsInRange {
            check(run.totalEnvSteps >= envStepsPerIteration, "run.totalEnvSteps", run.totalEnvSteps,
                  "at least one iteration, env.envSlots x ppo.numSteps = \(envStepsPerIteration) steps")
        }

        let suiteTasks = env.suite.taskNames
        check(!env.tasks.isEmpty, "env.tasks", "an empty list", "a list of at least one of: \(suiteTasks.joined(separator: ", "))")
        var seen: Set<String> = []
        for (index, task) in env.tasks.enumerated() {
            if !suiteTasks.contains(task) {
                let hint = ClosestKey.suggestion(for: task, among: suiteTasks).map { " (did you mean '\($0)'?)" } ?? ""
                check(false, "env.tasks[\(index)]", "'\(ConfigText.excerpt(task))'\(hint)", "a \(env.suite.rawValue) task: \(suiteTasks.joined(separator: ", "))")
            } else if !seen.insert(task).inserted {
                check(false, "env.tasks[\(index)]", "'\(task)' again", "each task once")
            }
        }
        check(slotsInRange, "env.envSlots", env.envSlots,
              "\(Limits.range(1, Limits.envSlots)) (default: one per task, \(env.tasks.count))")
        check((0...Limits.workerThreads).contains(env.workerThreads), "env.workerThreads", env.workerThreads,
              "\(Limits.range(0, Limits.workerThreads)) (0: one per available core)")

        // PPO's sizes are checked against a valid slot count, so a bad env.envSlots (checked
        // above) is reported once, not again through numEnvs x numSteps.
        var ppoChecked = ppo
        ppoChecked.numEnvs = min(max(ppo.numEnvs, 1), PPOConfig.Limits.numEnvs)
        for message in ppoChecked.problems() {
            // PPOConfig's messages start with the field name ("clipCoef is 1.5; it must be ...").
            let field = String(message.prefix { $0.isLetter || $0.isNumber })
            let keyPath = PPOSection.derivedKeys[field] ?? "ppo.\(field)"
            let rest = message.dropFirst(field.count).drop { $0 == " " }
            problems.append(ConfigProblem(keyPath: keyPath, message: String(rest)))
        }

        for problem in sampler.validate(taskCount: env.tasks.isEmpty ? nil : env.tasks.count) {
            // The task count and the budget come from other sections and are checked above.
            guard problem.key != "taskCount", problem.key != "totalStepBudget" else { continue }
            var key = problem.key
            // The file names per-task thresholds by task: hardFirstHighReturnPerTask.reach-v3.
            if key.hasPrefix("hardFirstHighReturnPerTask["), let task = Int(key.dropFirst(27).dropLast()), env.tasks.indices.contains(task) {
                key = "hardFirstHighReturnPerTask.\(env.tasks[task])"
            }
            problems.append(ConfigProblem(keyPath: "sampler.\(key)", message: "is \(problem.value); allowed: \(problem.allowed)"))
        }

        check((1...Limits.envSteps).contains(evaluation.everyEnvSteps), "evaluation.everyEnvSteps", evaluation.everyEnvSteps,
              Limits.range(1, Limits.envSteps))
        check((1...Limits.evaluationEpisodes).contains(evaluation.episodesPerTask), "evaluation.episodesPerTask",
              evaluation.episodesPerTask, Limits.range(1, Limits.evaluationEpisodes))
        check((1...Limits.envSteps).contains(checkpoint.everyIterations), "checkpoint.everyIterations", checkpoint.everyIterations,
              Limits.range(1, Limits.envSteps))
        check((1...Limits.keptCheckpoints).contains(checkpoint.keepLast), "checkpoint.keepLast", checkpoint.keepLast,
              Limits.range(1, Limits.keptCheckpoints))
        return problems
    }
}
