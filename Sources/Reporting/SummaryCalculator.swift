/// Computes `ReportSummary` from grouped runs (docs/evaluation.md, 'The report').
///
/// "Final" is each run's last evaluation. Normalised return: per task, the run's final
/// full-episode return divided by the best final full-episode return any run in the report
/// reached on that task, averaged over the tasks whose best is positive (a ratio to zero or a
/// negative best means nothing). It uses `full_episode_return`, never the until-success
/// `return`: an evaluation episode ends at the first success, so a run that solves a task early
/// collects less `return` than one that never solves it, and a ratio of those would reward not
/// solving. A sampler with any run evaluated before full-episode returns were recorded gets no
/// normalised return (its other runs alone would be a different sample of seeds).
public enum SummaryCalculator {
    public static func summarise(_ groups: [SamplerGroup], successThreshold: Double, bootstrap: Bootstrap) -> ReportSummary {
        let best = bestFinalFullEpisodeReturns(groups.flatMap(\.runs))
        let rliable = aggregates(groups, bootstrap: bootstrap)
        let samplers = groups.compactMap { group -> SamplerSummary? in
            let finals = group.runs.compactMap { run in run.metrics.evaluations.last.map { (run, $0) } }
            guard !finals.isEmpty,
                  let mean = bootstrap.mean(finals.map(\.1.meanSuccess)),
                  let worst = bootstrap.mean(finals.map(\.1.worstSuccess)) else { return nil }
            let normalised = normalisedReturns(finals.map(\.1), best: best, bootstrap: bootstrap)
            let reachSteps = finals.map { run, _ in stepsToReach(successThreshold, run.metrics.evaluations) }
            var perTask: [String: Estimate] = [:]
            for task in group.runs.flatMap(\.tasks) where perTask[task] == nil {
                if let estimate = bootstrap.mean(finals.compactMap { $0.1.taskSuccess[task] }) { perTask[task] = estimate }
            }
            return SamplerSummary(
                sampler: group.sampler, runIDs: finals.map(\.0.id), seeds: finals.map(\.0.seed),
                finalEvaluationEnvSteps: finals.map(\.1.envSteps), meanSuccess: mean, worstTaskSuccess: worst,
                normalisedReturn: normalised.estimate, normalisedReturnUnavailable: normalised.unavailable,
                stepsToThreshold: bootstrap.median(reachSteps)!, seedsReachingThreshold: reachSteps.filter(\.isFinite).count,
                finalTaskSuccess: perTask, aggregates: rliable.measures[group.sampler])
        }
        return ReportSummary(successThreshold: successThreshold, bootstrapResamples: bootstrap.resamples,
                             bootstrapSeed: bootstrap.seed, confidence: bootstrap.confidence,
                             budgetsEnvSteps: Set(groups.flatMap(\.runs).map(\.totalEnvSteps)).sorted(),
                             bestFinalFullEpisodeReturn: best, samplers: samplers, aggregateBasis: rliable.basis)
    }

    /// Why a sampler has no normalised return: one of its runs lacks full-episode returns.
    static let fullEpisodeReturnsMissing = "runs evaluated before full-length returns were recorded"
    /// Why a sampler has no normalised return: a run has no task with a positive best.
    static let noPositiveBest = "no task of a run has a positive best full-episode return"

    /// Per task, the highest final full-episode return of any run that recorded it.
    static func bestFinalFullEpisodeReturns(_ runs: [ReportRun]) -> [String: Double] {
        var best: [String: Double] = [:]
        for run in runs {
            guard let final = run.metrics.evaluations.last else { continue }
            for (task, value) in final.taskFullEpisodeReturn where value.isFinite { best[task] = max(best[task] ?? -.infinity, value) }
        }
        return best
    }

    /// The mean over seeds of the normalised return of these final evaluations, or why there is none.
    static func normalisedReturns(_ finals: [EvaluationPoint], best: [String: Double],
                                  bootstrap: Bootstrap) -> (estimate: Estimate?, unavailable: String?) {
        if finals.contains(where: \.taskFullEpisodeReturn.isEmpty) { return (nil, fullEpisodeReturnsMissing) }
        let ratios = finals.compactMap { normalisedReturn($0, best: best) }
        return ratios.count == finals.count ? (bootstrap.mean(ratios), nil) : (nil, noPositiveBest)
    }

    /// Mean over tasks with a positive best of full-episode return / best; nil if no task qualifies.
    static func normalisedReturn(_ evaluation: EvaluationPoint, best: [String: Double]) -> Double? {
        // Tasks by name: a dictionary's order changes from process to process, and so would the
        // sum's last bit.
        let ratios = evaluation.taskFullEpisodeReturn.sorted { $0.key < $1.key }.compactMap { task, value -> Double? in
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
