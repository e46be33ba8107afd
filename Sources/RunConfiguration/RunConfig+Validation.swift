extension RunConfig {
    /// Every out-of-range value, each with its key path and what is allowed. Empty when the
    /// config can be run. `load` reports these together with unknown keys and wrong types.
    public func rangeProblems() -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        func check(_ ok: Bool, _ keyPath: String, _ value: some CustomStringConvertible, _ allowed: String) {
            if !ok { problems.append(ConfigProblem(keyPath: keyPath, message: "is \(value); allowed: \(allowed)")) }
        }

        check(!run.name.isEmpty && !run.name.contains(where: \.isNewline) && run.name.count <= 200, "run.name",
              "'\(run.name)'", "a non-empty single line of at most 200 characters")
        check(run.totalEnvSteps >= 1, "run.totalEnvSteps", run.totalEnvSteps, "an integer >= 1")
        if run.totalEnvSteps >= 1 && envStepsPerIteration >= 1 {
            check(run.totalEnvSteps >= envStepsPerIteration, "run.totalEnvSteps", run.totalEnvSteps,
                  "at least one iteration, env.envSlots x ppo.numSteps = \(envStepsPerIteration) steps")
        }

        let suiteTasks = env.suite.taskNames
        check(!env.tasks.isEmpty, "env.tasks", "an empty list", "a list of at least one of: \(suiteTasks.joined(separator: ", "))")
        var seen: Set<String> = []
        for (index, task) in env.tasks.enumerated() {
            if !suiteTasks.contains(task) {
                let hint = ClosestKey.suggestion(for: task, among: suiteTasks).map { " (did you mean '\($0)'?)" } ?? ""
                check(false, "env.tasks[\(index)]", "'\(task)'\(hint)", "a \(env.suite.rawValue) task: \(suiteTasks.joined(separator: ", "))")
            } else if !seen.insert(task).inserted {
                check(false, "env.tasks[\(index)]", "'\(task)' again", "each task once")
            }
        }
        check(env.envSlots >= 1 && env.envSlots <= 4096, "env.envSlots", env.envSlots,
              "an integer in 1...4096 (default: one per task, \(env.tasks.count))")
        check(env.workerThreads >= 0 && env.workerThreads <= 256, "env.workerThreads", env.workerThreads,
              "an integer in 0...256 (0: one per available core)")

        // PPO's sizes are checked against a valid slot count, so a bad env.envSlots (checked
        // above) is reported once, not again through numEnvs x numSteps.
        var ppoChecked = ppo
        ppoChecked.numEnvs = max(ppo.numEnvs, 1)
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

        check(evaluation.everyEnvSteps >= 1, "evaluation.everyEnvSteps", evaluation.everyEnvSteps, "an integer >= 1")
        check(evaluation.episodesPerTask >= 1, "evaluation.episodesPerTask", evaluation.episodesPerTask, "an integer >= 1")
        check(checkpoint.everyIterations >= 1, "checkpoint.everyIterations", checkpoint.everyIterations, "an integer >= 1")
        check(checkpoint.keepLast >= 1, "checkpoint.keepLast", checkpoint.keepLast, "an integer >= 1")
        return problems
    }
}
