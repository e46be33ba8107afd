/// rliable's aggregate measures of each sampler, on its runs' final success rates.
extension SummaryCalculator {
    /// The sampler probability of improvement is measured against.
    static let aggregateBaseline = "uniform"
    /// Success rates are at most 1, so the optimality gap measures the shortfall from solving.
    static let optimalityGapThreshold = 1.0

    /// The basis and, per sampler, the measures; nil and empty when no task is in every run's
    /// final evaluation (there is no common matrix to compute them on).
    static func aggregates(_ groups: [SamplerGroup], bootstrap: Bootstrap) -> (basis: AggregateBasis?, measures: [String: AggregateMeasures]) {
        let runs = groups.flatMap(\.runs).filter { !$0.metrics.evaluations.isEmpty }
        let finals = runs.compactMap(\.metrics.evaluations.last)
        // Tasks in the runs' config order, then any other task a final evaluation has, by name.
        var allTasks: [String] = []
        for task in runs.flatMap(\.tasks) + finals.flatMap({ $0.taskSuccess.keys.sorted() }) where !allTasks.contains(task) {
            allTasks.append(task)
        }
        // Every sampler gets the same columns, or the probability of improvement (per task) and
        // the pooled measures would compare different things.
        let tasks = allTasks.filter { task in finals.allSatisfy { $0.taskSuccess[task] != nil } }
        var matrices: [String: ScoreMatrix] = [:]
        for group in groups {
            let rows = group.runs.compactMap(\.metrics.evaluations.last).map { final in tasks.map { final.taskSuccess[$0]! } }
            matrices[group.sampler] = ScoreMatrix(rows: rows)
        }
        guard !tasks.isEmpty else { return (nil, [:]) }
        let stratified = StratifiedBootstrap(bootstrap)
        let baseline = matrices[aggregateBaseline]
        var measures: [String: AggregateMeasures] = [:]
        for (sampler, matrix) in matrices {
            let pooled = stratified.estimates(matrix, statistics: [
                { Aggregates.interquartileMean($0.pooled) },
                { Aggregates.optimalityGap($0.pooled, threshold: optimalityGapThreshold) },
                { Aggregates.mean($0.pooled) },
            ])
            let improvement = baseline.flatMap { baseline in
                sampler == aggregateBaseline ? nil : stratified.estimate(matrix, baseline, statistic: ProbabilityOfImprovement.average)
            }
            measures[sampler] = AggregateMeasures(interquartileMean: pooled[0], optimalityGap: pooled[1], mean: pooled[2],
                                                  probabilityOfImprovement: improvement)
        }
        let basis = AggregateBasis(
            score: "success rate of each run's final evaluation, per task",
            tasks: tasks, tasksLeftOut: allTasks.filter { !tasks.contains($0) },
            optimalityGapThreshold: optimalityGapThreshold, baseline: baseline == nil ? nil : aggregateBaseline,
            method: "stratified percentile bootstrap: each resample draws runs with replacement independently within every task "
                + "(rliable's StratifiedBootstrap); for the probability of improvement both samplers' runs independently",
            bootstrapResamples: bootstrap.resamples, bootstrapSeed: bootstrap.seed, confidence: bootstrap.confidence)
        return (basis, measures)
    }
}
