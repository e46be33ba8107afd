/// Computes `ReportSummary` from grouped runs (spec drats.md section 6).
///
/// "Final" is each run's last evaluation. Normalised return: per task, the run's final return
/// divided by the best final return any run in the report reached on that task, averaged over
/// the tasks whose best return is positive (a ratio to zero or a negative best means nothing).
public enum SummaryCalculator {
    public static func summarise(_ groups: [SamplerGroup], successThreshold: Double, bootstrap: Bootstrap) -> ReportSummary {
        let best = bestFinalReturns(groups.flatMap(\.runs))
        let rliable = aggregates(groups, bootstrap: bootstrap)
        let samplers = groups.compactMap { group -> SamplerSummary? in
            let finals = group.runs.compactMap { run in run.metrics.evaluations.last.map { (run, $0) } }
            guard !finals.isEmpty,
                  let mean = bootstrap.mean(finals.map(\.1.meanSuccess)),
                  let worst = bootstrap.mean(finals.map(\.1.worstSuccess)) else { return nil }
            let normalised = finals.compactMap { normalisedReturn($0.1, best: best) }
            let reachSteps = finals.map { run, _ in stepsToReach(successThreshold, run.metrics.evaluations) }
            var perTask: [String: Estimate] = [:]
            for task in group.runs.flatMap(\.tasks) where perTask[task] == nil {
                if let estimate = bootstrap.mean(finals.compactMap { $0.1.taskSuccess[task] }) { perTask[task] = estimate }
            }
            return SamplerSummary(
                sampler: group.sampler, runIDs: finals.map(\.0.id), seeds: finals.map(\.0.seed),
                finalEvaluationEnvSteps: finals.map(\.1.envSteps), meanSuccess: mean, worstTaskSuccess: worst,
                normalisedReturn: normalised.count == finals.count ? bootstrap.mean(normalised) : nil,
                stepsToThreshold: bootstrap.median(reachSteps)!, seedsReachingThreshold: reachSteps.filter(\.isFinite).count,
                finalTaskSuccess: perTask, aggregates: rliable.measures[group.sampler])
        }
        return ReportSummary(successThreshold: successThreshold, bootstrapResamples: bootstrap.resamples,
                             bootstrapSeed: bootstrap.seed, confidence: bootstrap.confidence,
                             budgetsEnvSteps: Set(groups.flatMap(\.runs).map(\.totalEnvSteps)).sorted(),
                             bestFinalReturn: best, samplers: samplers, aggregateBasis: rliable.basis)
    }

    /// Per task, the highest final return of any run (tasks with no finite return left out).
    static func bestFinalReturns(_ runs: [ReportRun]) -> [String: Double] {
        var best: [String: Double] = [:]
        for run in runs {
            guard let final = run.metrics.evaluations.last else { continue }
            for (task, value) in final.taskReturn where value.isFinite { best[task] = max(best[task] ?? -.infinity, value) }
        }
        return best
    }

    /// Mean over tasks with a positive best of return / best; nil if no task qualifies.
    static func normalisedReturn(_ evaluation: EvaluationPoint, best: [String: Double]) -> Double? {
        let ratios = evaluation.taskReturn.compactMap { task, value -> Double? in
            guard let top = best[task], top > 0 else { return nil }
            return value / top
        }
        return ratios.isEmpty ? nil : ratios.reduce(0, +) / Double(ratios.count)
    }

    /// The first evaluation step with mean success >= `threshold`, or +infinity if none.
    static func stepsToReach(_ threshold: Double, _ evaluations: [EvaluationPoint]) -> Double {
        evaluations.first { $0.meanSuccess >= threshold }.map { Double($0.envSteps) } ?? .infinity
    }
}
