import RandomStreams

/// Where a task stands in the Hard First schedule.
public enum HardFirstPool: String, Codable, Sendable {
    /// Waiting to be activated; only the floor probability.
    case main
    /// Being trained with a step budget (stage 1).
    case active
    /// Its return exceeded its high threshold while active; never activated again.
    case solved
    /// Its budget ran out with a return below the low threshold; the only tasks active in stage 2.
    case unsolvable
}

/// SMT ("Hard Tasks First", Cho et al., ICML 2024) as the DRATS authors' MetaWorld code runs it
/// (docs/samplers.md, 'The baselines' and 'Hard First as the authors run it'): K active tasks share
/// 1 - N x eps while every task keeps eps.
///
/// - The first K active tasks are a seeded random draw (the authors shuffle the task list), and q
///   stays uniform until the first update, as in their code.
/// - At each update, on each task's mean return over the window just closed (0 when the task
///   finished no episode in it): an active task whose return exceeds its own high threshold is
///   solved; an active task whose budget is spent goes to unsolvable (below the low threshold) or
///   back to the main pool; free slots take the lowest-return main-pool tasks (ties: lowest
///   index), each with a budget of budgetFraction x remaining steps / K. Only active tasks can
///   be solved: a task is judged on returns earned while it was trained.
/// - Stage 1 lasts stageOneFraction of the step budget; the update that finds it used starts
///   stage 2, which trains the unsolvable tasks for the rest of the run. (The authors' code
///   replaces the active set with the unsolvable list and empties that list, so from its next
///   update on it samples uniformly; we keep the unsolvable tasks active, which is what SMT's
///   stage 2 is for.)
public struct HardFirstSchedule: Codable, Equatable, Sendable {
    /// Stage 1 activates tasks from the main pool; stage 2 trains only the unsolvable ones.
    public private(set) var stage: Int = 1
    public private(set) var pools: [HardFirstPool]
    /// Steps an active task may still use before its budget is spent (0 for inactive tasks).
    public private(set) var remainingBudgetSteps: [Int]
    /// Environment steps of the whole run so far, summed from the learner statistics.
    public private(set) var consumedSteps: Int = 0

    /// All tasks start in the main pool but K drawn at random from `random` (a Fisher-Yates
    /// shuffle written out here, so the draw does not depend on the standard library's).
    init(taskCount: Int, config: SamplerConfig, random: inout Xoshiro256) {
        var order = Array(0..<taskCount)
        for index in stride(from: taskCount - 1, to: 0, by: -1) {
            let other = min(Int(random.nextUnitInterval() * Double(index + 1)), index)
            order.swapAt(index, other)
        }
        self.init(taskCount: taskCount, config: config, firstActive: Array(order.prefix(config.hardFirstActiveTasks)))
    }

    /// All tasks in the main pool but `firstActive`, which start with their budgets.
    init(taskCount: Int, config: SamplerConfig, firstActive: [Int]) {
        pools = [HardFirstPool](repeating: .main, count: taskCount)
        remainingBudgetSteps = [Int](repeating: 0, count: taskCount)
        for task in firstActive { activate(task, config: config) }
    }

    /// Tasks that receive the shared mass in the current stage.
    public var activeTasks: [Int] {
        let pool: HardFirstPool = stage == 1 ? .active : .unsolvable
        return pools.indices.filter { pools[$0] == pool }
    }

    /// Charges the steps of the last rollout to the run and to the budgets of the active tasks.
    mutating func recordSteps(_ stepsPerTask: [Int]) {
        for (task, steps) in stepsPerTask.enumerated() {
            consumedSteps += steps
            if pools[task] == .active { remainingBudgetSteps[task] = max(0, remainingBudgetSteps[task] - steps) }
        }
    }

    /// One schedule update from each task's mean return over the window just closed, in the
    /// authors' order: stage 2 begins once the stage-1 share of the budget is used; otherwise
    /// active tasks above their high threshold are solved, active tasks with a spent budget end
    /// as unsolvable (below low) or back in the main pool, and free slots are filled with the
    /// hardest main-pool tasks.
    mutating func update(returns: [Double], config: SamplerConfig) {
        guard stage == 1 else { return }
        if Double(consumedSteps) >= config.hardFirstStageOneFraction * Double(config.totalStepBudget) {
            stage = 2
            for task in pools.indices where pools[task] == .active {
                pools[task] = .main
                remainingBudgetSteps[task] = 0
            }
            return
        }
        for task in pools.indices where pools[task] == .active {
            if returns[task] > config.hardFirstHighReturn(task: task) {
                pools[task] = .solved
                remainingBudgetSteps[task] = 0
            } else if remainingBudgetSteps[task] <= 0 {
                pools[task] = returns[task] < config.hardFirstLowReturn ? .unsolvable : .main
            }
        }
        var activeCount = pools.filter { $0 == .active }.count
        while activeCount < config.hardFirstActiveTasks {
            var hardest: Int? = nil
            for task in pools.indices where pools[task] == .main {
                if hardest == nil || returns[task] < returns[hardest!] { hardest = task }
            }
            guard let task = hardest else { return }
            activate(task, config: config)
            activeCount += 1
        }
    }

    /// Active tasks get eps + (1 - N x eps) / |active|, the others eps; uniform when no task is
    /// active (every task solved, or stage 2 without unsolvable tasks) or N x eps > 1.
    func probabilities(floor: Double) -> [Double] {
        let count = pools.count
        let active = activeTasks
        let sharedMass = 1 - floor * Double(count)
        guard !active.isEmpty, sharedMass >= 0 else { return MirrorAscent.uniform(count) }
        var q = [Double](repeating: floor, count: count)
        for task in active { q[task] += sharedMass / Double(active.count) }
        return q
    }

    private mutating func activate(_ task: Int, config: SamplerConfig) {
        let remaining = max(0, config.totalStepBudget - consumedSteps)
        pools[task] = .active
        remainingBudgetSteps[task] = Int(config.hardFirstBudgetFraction * Double(remaining) / Double(config.hardFirstActiveTasks))
    }

    /// Nil if the schedule fits `taskCount` tasks, else what is wrong.
    func inconsistency(taskCount: Int) -> String? {
        if pools.count != taskCount || remainingBudgetSteps.count != taskCount {
            return "Hard First schedule covers \(pools.count) tasks, expected \(taskCount)"
        }
        if stage != 1 && stage != 2 { return "Hard First stage \(stage) is neither 1 nor 2" }
        if consumedSteps < 0 || remainingBudgetSteps.contains(where: { $0 < 0 }) { return "negative step count" }
        return nil
    }
}
