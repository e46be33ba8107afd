/// Where a task stands in the Hard First schedule.
public enum HardFirstPool: String, Codable, Sendable {
    /// Waiting to be activated; only the floor probability.
    case main
    /// Being trained with a step budget (stage 1).
    case active
    /// Its return exceeded the high threshold; never activated again.
    case solved
    /// Its budget ran out with a return below the low threshold; the only tasks active in stage 2.
    case unsolvable
}

/// SMT ("Hard Tasks First", Cho et al., ICML 2024; spec section 4): K active tasks share
/// 1 - N x eps while every task keeps eps. Each activation grants a budget of
/// budgetFraction x remaining steps / K. Stage 1 lasts stageOneFraction of the step budget; after
/// it only the unsolvable tasks are active.
public struct HardFirstSchedule: Codable, Equatable, Sendable {
    /// Stage 1 activates tasks from the main pool; stage 2 trains only the unsolvable ones.
    public private(set) var stage: Int = 1
    public private(set) var pools: [HardFirstPool]
    /// Steps an active task may still use before its budget is spent (0 for inactive tasks).
    public private(set) var remainingBudgetSteps: [Int]
    /// Environment steps of the whole run so far, summed from the learner statistics.
    public private(set) var consumedSteps: Int = 0

    /// All tasks start in the main pool; the first K (all returns are 0, ties go to the lowest
    /// index) are activated at once so the first episodes already follow the schedule.
    init(taskCount: Int, config: SamplerConfig) {
        pools = [HardFirstPool](repeating: .main, count: taskCount)
        remainingBudgetSteps = [Int](repeating: 0, count: taskCount)
        activateHardest(returns: [Double](repeating: 0, count: taskCount), config: config)
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

    /// One schedule update from each task's latest window mean return, in this order: solved
    /// tasks leave; spent budgets end as unsolvable (below low) or back in the main pool; stage 2
    /// begins once the stage-1 share of the budget is used; otherwise free slots are filled with
    /// the hardest main-pool tasks.
    mutating func update(returns: [Double], config: SamplerConfig) {
        guard stage == 1 else { return }
        for task in pools.indices where (pools[task] == .main || pools[task] == .active)
            && returns[task] > config.hardFirstHighReturn {
            pools[task] = .solved
            remainingBudgetSteps[task] = 0
        }
        for task in pools.indices where pools[task] == .active && remainingBudgetSteps[task] <= 0 {
            pools[task] = returns[task] < config.hardFirstLowReturn ? .unsolvable : .main
        }
        if Double(consumedSteps) >= config.hardFirstStageOneFraction * Double(config.totalStepBudget) {
            stage = 2
            for task in pools.indices where pools[task] == .active {
                pools[task] = .main
                remainingBudgetSteps[task] = 0
            }
            return
        }
        activateHardest(returns: returns, config: config)
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

    private mutating func activateHardest(returns: [Double], config: SamplerConfig) {
        var activeCount = pools.filter { $0 == .active }.count
        while activeCount < config.hardFirstActiveTasks {
            var hardest: Int? = nil
            for task in pools.indices where pools[task] == .main {
                if hardest == nil || returns[task] < returns[hardest!] { hardest = task }
            }
            guard let task = hardest else { return }
            let remaining = max(0, config.totalStepBudget - consumedSteps)
            pools[task] = .active
            remainingBudgetSteps[task] = Int(config.hardFirstBudgetFraction * Double(remaining)
                / Double(config.hardFirstActiveTasks))
            activeCount += 1
        }
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
