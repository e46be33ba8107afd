import Foundation

extension TrainingBenchmark.Report {
    /// A short human-readable table: throughput and where the wall-clock time went.
    public var table: String {
        var lines = ["training throughput: \(taskNames.count) tasks, \(numEnvs) slots x \(numSteps) steps, "
            + "\(iterations) timed iterations, update \(updateEpochs) epochs x \(numMinibatches) minibatches"]
        lines.append(pad("network", 14) + pad("threads", 9) + pad("steps/s", 10) + pad("seconds", 9)
            + pad("infer%", 8) + pad("envstep%", 10) + pad("episodes%", 11) + pad("update%", 9) + "physics cpu%")
        for c in cases {
            let share = { (part: Double) in c.seconds > 0 ? String(format: "%.1f", 100 * part / c.seconds) : "-" }
            lines.append(pad(c.network, 14) + pad("\(c.threads)", 9) + pad(String(format: "%.0f", c.environmentStepsPerSecond), 10)
                + pad(String(format: "%.2f", c.seconds), 9) + pad(share(c.inferenceSeconds), 8) + pad(share(c.environmentStepSeconds), 10)
                + pad(share(c.episodeBookkeepingSeconds), 11) + pad(share(c.updateSeconds), 9) + share(c.physicsSeconds))
        }
        for c in cases {
            if let seconds = c.evaluationSeconds {
                lines.append("evaluation (\(evaluationEpisodesPerTask) episodes per task, deterministic): \(c.network), \(c.threads) threads: "
                    + String(format: "%.2f s", seconds))
            }
        }
        lines.append("physics cpu% = ODE substep CPU time summed over slots / wall time (above envstep% when threads overlap)")
        if !blasThreadsControllable { lines.append("note: the loaded BLAS is not OpenBLAS; BLAS thread counts were not applied") }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
