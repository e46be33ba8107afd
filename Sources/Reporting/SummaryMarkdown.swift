import Foundation

/// `summary.md`: the per-sampler table with intervals, the per-task final success, and what the
/// numbers can and cannot show.
public enum SummaryMarkdown {
    /// The DRATS paper's MT10 budget, for the comparison the text makes.
    static let paperBudgetEnvSteps = 100_000_000

    public static func render(_ summary: ReportSummary, runs: [ReportRun]) -> String {
        let threshold = Axis.trimmed(summary.successThreshold)
        let confidence = Axis.trimmed(summary.confidence * 100)
        var out = "# Sampler comparison\n\n"
        out += "\(runs.count) run\(runs.count == 1 ? "" : "s"): \(runs.map(\.id).joined(separator: ", ")).\n\n"
        out += "| sampler | runs (seeds) | mean success | worst-task success | normalised return | steps to mean success >= \(threshold) |\n"
        out += "|---|---|---|---|---|---|\n"
        for row in summary.samplers {
            let seeds = row.seeds.map(String.init).joined(separator: ", ")
            let steps = stepsCell(row.stepsToThreshold) + " (\(row.seedsReachingThreshold)/\(row.seeds.count) reached)"
            out += "| \(row.sampler) | \(row.seeds.count) (\(seeds)) | \(cell(row.meanSuccess)) | \(cell(row.worstTaskSuccess)) | "
                + "\(normalisedReturnCell(row)) | \(steps) |\n"
        }
        out += "\nEach cell: the statistic over seeds of each run's final evaluation [\(confidence)% percentile-bootstrap "
            + "interval over seeds, \(grouped(summary.bootstrapResamples)) resamples, seed \(summary.bootstrapSeed); none with one seed]. "
            + "Success rates come from the deterministic policy on each task's fixed evaluation layouts. "
            + "Normalised return: per task, the final full-episode return (the deterministic evaluation episode played on to "
            + "its full length; success still counts at the first success) divided by the best final full-episode return any "
            + "run in this report reached on that task (tasks whose best is not positive left out), averaged over tasks. It "
            + "does not use the `return` in metrics.jsonl, which ends at the first success: a task solved early collects less "
            + "of it than one never solved, so it is no measure of progress. Steps to mean success >= \(threshold): "
            + "the first evaluation at or above it, median over seeds; a seed that never got there counts as never, so the "
            + "median reads \"not reached\" when half of the seeds or more did not.\n\n"
        out += finalStepsNote(summary) + "\n\n"
        out += whatItShows(summary, runs: runs) + "\n"
        out += aggregatesSection(summary)
        out += taskTable(summary, runs: runs)
        return out
    }

    static func cell(_ estimate: Estimate) -> String {
        let value = number(estimate.value)
        guard let lower = estimate.lower, let upper = estimate.upper else { return value }
        return "\(value) [\(number(lower)), \(number(upper))]"
    }

    /// The estimate, or n/a with the reason (e.g. runs evaluated before full-length returns were recorded).
    static func normalisedReturnCell(_ row: SamplerSummary) -> String {
        if let estimate = row.normalisedReturn { return cell(estimate) }
        return row.normalisedReturnUnavailable.map { "n/a (\($0))" } ?? "n/a"
    }

    static func stepsCell(_ estimate: Estimate) -> String {
        func steps(_ value: Double) -> String { value.isFinite ? Axis.steps(value) : "not reached" }
        guard let lower = estimate.lower, let upper = estimate.upper else { return steps(estimate.value) }
        return "\(steps(estimate.value)) [\(steps(lower)), \(steps(upper))]"
    }

    static func number(_ value: Double) -> String { String(format: "%.3f", value) }

    /// 10000 as "10,000".
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    private static func finalStepsNote(_ summary: ReportSummary) -> String {
        let finals = summary.samplers.flatMap(\.finalEvaluationEnvSteps)
        guard let low = finals.min(), let high = finals.max() else { return "" }
        return low == high
            ? "Every run's final evaluation was at \(Axis.steps(Double(low))) environment steps."
            : "The final evaluations range from \(Axis.steps(Double(low))) to \(Axis.steps(Double(high))) environment steps: "
                + "runs that stopped earlier are compared at their own last evaluation, which favours the longer ones."
    }

    private static func whatItShows(_ summary: ReportSummary, runs: [ReportRun]) -> String {
        let budgets = summary.budgetsEnvSteps.map { Axis.steps(Double($0)) }.joined(separator: ", ")
        let seedCounts = Set(summary.samplers.map(\.seeds.count)).sorted().map(String.init).joined(separator: " or ")
        let episodes = Set(runs.compactMap(\.evaluationEpisodesPerTask)).sorted().map(String.init).joined(separator: " or ")
        let fraction = (summary.budgetsEnvSteps.max() ?? 0) * 100 / paperBudgetEnvSteps
        var text = "**What this can and cannot show.** Budget: \(budgets) environment steps per run"
        if summary.budgetsEnvSteps.count > 1 { text += " (the runs differ in budget, so rows are not like for like)" }
        text += "; \(seedCounts) seed\(seedCounts == "1" ? "" : "s") per sampler"
        if !episodes.isEmpty { text += "; \(episodes) evaluation episode\(episodes == "1" ? "" : "s") per task" }
        text += ". The intervals show only the spread between these seeds: with three seeds the interval of a mean cannot "
            + "leave the range of the three values and is too narrow to be trusted, so overlapping intervals are no evidence "
            + "of a difference and non-overlapping ones are weak evidence. "
        let suites = Set(runs.compactMap(\.suite))
        if suites == ["mt10"] {
            text += "The DRATS paper trains MT10 for 100M steps with about 10 seeds"
            text += fraction < 100 ? "; this budget is \(fraction < 1 ? "under 1" : String(fraction))% of that, so the table shows "
                + "early learning under each sampler, not the final performance the paper reports." : "."
        } else if !suites.isEmpty {
            text += "These are \(suites.sorted().joined(separator: " and ")) runs, not MT10: they say nothing about the paper's MT10 results."
        }
        return text
    }

    private static func taskTable(_ summary: ReportSummary, runs: [ReportRun]) -> String {
        // Tasks in the runs' config order, then any other task by name.
        var tasks: [String] = []
        for task in runs.flatMap(\.tasks) where !tasks.contains(task) { tasks.append(task) }
        for row in summary.samplers {
            for task in row.finalTaskSuccess.keys.sorted() where !tasks.contains(task) { tasks.append(task) }
        }
        guard !tasks.isEmpty else { return "" }
        var out = "\n## Final success per task (mean over seeds)\n\n| task | " + summary.samplers.map(\.sampler).joined(separator: " | ") + " |\n"
        out += "|---|" + String(repeating: "---|", count: summary.samplers.count) + "\n"
        for task in tasks {
            out += "| \(task) | " + summary.samplers.map { $0.finalTaskSuccess[task].map { number($0.value) } ?? "n/a" }
                .joined(separator: " | ") + " |\n"
        }
        return out
    }
}
