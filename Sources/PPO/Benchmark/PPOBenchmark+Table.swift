import Foundation
import Networks

extension PPOBenchmark.Report {
    /// A short human-readable table of the report.
    public var table: String {
        var lines = ["PPO epoch (\(update.first?.transitions ?? 0) transitions, \(update.first?.minibatches ?? 0) minibatches, obs \(observationSize), \(taskCount) heads)"]
        lines.append(pad("network", 14) + pad("learner", 18) + pad("threads", 9) + pad("mode", 14) + pad("params", 10) + pad("seconds", 10) + pad("trans/s", 11) + "GFLOP/s")
        for result in update {
            lines.append(pad(result.network, 14) + pad(result.learner, 18) + pad("\(result.threads)", 9) + pad(result.mode, 14) + pad("\(result.parameterCount)", 10)
                + pad(String(format: "%.2f", result.seconds), 10) + pad(String(format: "%.0f", result.transitionsPerSecond), 11)
                + String(format: "%.1f", result.gflopsPerSecond))
        }
        lines.append("")
        lines.append("rollout inference (actor + critic, one call; small-batch kernel \(smallBatchKernel ? "on" : smallBatchKernelSupported ? "switched off by \(SmallBatchKernel.environmentVariable)=off, BLAS only" : "unavailable, BLAS only"))")
        lines.append(pad("network", 14) + pad("threads", 9) + pad("mode", 14) + pad("batch", 8) + "us/call")
        for result in inference {
            lines.append(pad(result.network, 14) + pad("\(result.threads)", 9) + pad(result.mode, 14) + pad("\(result.batch)", 8)
                + String(format: "%.1f", result.microsecondsPerCall))
        }
        if !blasThreadsControllable { lines.append("note: the loaded BLAS is not OpenBLAS; thread counts were not applied") }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
