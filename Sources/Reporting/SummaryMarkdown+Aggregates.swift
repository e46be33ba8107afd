/// summary.md's "Aggregate measures (rliable)" section.
extension SummaryMarkdown {
    static func aggregatesSection(_ summary: ReportSummary) -> String {
        var out = "\n## Aggregate measures (rliable)\n\n"
        guard let basis = summary.aggregateBasis else {
            return out + "None: no task is in every run's final evaluation, so there is no common runs x tasks matrix.\n"
        }
        let confidence = Axis.trimmed(basis.confidence * 100)
        let gamma = Axis.trimmed(basis.optimalityGapThreshold)
        let baseline = basis.baseline
        out += "| sampler | runs | IQM | optimality gap | mean |" + (baseline.map { " probability of improvement over \($0) |" } ?? "") + "\n"
        out += "|---|---|---|---|---|" + (baseline == nil ? "" : "---|") + "\n"
        for row in summary.samplers {
            guard let measures = row.aggregates else { continue }
            out += "| \(row.sampler) | \(row.runIDs.count) | \(cell(measures.interquartileMean)) | \(cell(measures.optimalityGap)) | "
                + "\(cell(measures.mean)) |"
            if let baseline {
                out += " " + (measures.probabilityOfImprovement.map(cell) ?? (row.sampler == baseline ? "baseline" : "n/a")) + " |"
            }
            out += "\n"
        }
        out += "\nComputed as rliable computes them (Agarwal et al. 2021, \"Deep Reinforcement Learning at the Edge of the "
            + "Statistical Precipice\") on each run's final evaluation: per sampler, the runs x tasks matrix of final success "
            + "rates on the \(basis.tasks.count) task\(basis.tasks.count == 1 ? "" : "s") every run was evaluated on. "
            + "IQM: the mean of the middle half of the pooled run x task scores (scipy's trim_mean at 0.25: int(0.25 n) of the "
            + "n scores cut from each end). Optimality gap: the mean over the pooled scores of max(\(gamma) - score, 0), the "
            + "shortfall from solving every task every time; lower is better. Mean: of the pooled scores (the mean success "
            + "above when every run has every task). "
        out += baseline.map { baseline in
            "Probability of improvement over \(baseline): per task, the chance that a run of the sampler scores higher than "
                + "a run of \(baseline) (the Mann-Whitney U statistic over every pair of runs, a tie counting 1/2, over the "
                + "number of pairs), averaged over tasks; 0.5 is a draw, and it says how often, not by how much. "
        } ?? "No \(aggregateBaselineName) runs in this report, so there is no probability of improvement over \(aggregateBaselineName). "
        out += "Intervals: \(confidence)% stratified percentile bootstrap, \(grouped(basis.bootstrapResamples)) resamples, "
            + "seed \(basis.bootstrapSeed): each resample draws runs with replacement independently within every task "
            + "(rliable's StratifiedBootstrap)"
            + (baseline == nil ? "" : ", the sampler's and the baseline's runs independently for the probability of improvement")
            + "; none when a sampler (or the baseline) has one run."
        if !basis.tasksLeftOut.isEmpty {
            out += " Left out, as not every run's final evaluation has them: \(basis.tasksLeftOut.joined(separator: ", "))."
        }
        return out + "\n"
    }

    static var aggregateBaselineName: String { SummaryCalculator.aggregateBaseline }
}
