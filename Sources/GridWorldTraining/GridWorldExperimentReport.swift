import Foundation
import Samplers

/// One run's outcome.
public struct GridWorldRunResult: Codable, Sendable, Equatable {
    public var sampler: SamplerKind
    public var seed: UInt64
    /// Environment steps when every task first reached the threshold; nil if the cap came first.
    public var stepsToThreshold: Int?
    /// Environment steps trained in total.
    public var stepsTrained: Int
    /// Per task: the deterministic evaluation's success rate at the end of the run.
    public var finalSuccessRate: [Double]
}

/// One sampler's runs and their spread. Runs that hit the cap count as the cap in the
/// statistics (so the median is a lower bound when some did), and `reachedCount` says how many did not.
public struct GridWorldSamplerSummary: Codable, Sendable, Equatable {
    public var sampler: SamplerKind
    public var runs: [GridWorldRunResult]
    /// Runs that reached the threshold before the cap.
    public var reachedCount: Int
    public var medianSteps: Double
    public var minimumSteps: Int
    public var maximumSteps: Int
    /// First and third quartile (linear interpolation between order statistics).
    public var lowerQuartileSteps: Double
    public var upperQuartileSteps: Double
    /// Per task: final success rate averaged over seeds.
    public var meanFinalSuccessRate: [Double]

    public init(sampler: SamplerKind, runs: [GridWorldRunResult], stepCap: Int) {
        self.sampler = sampler
        self.runs = runs
        reachedCount = runs.filter { $0.stepsToThreshold != nil }.count
        let steps = runs.map { $0.stepsToThreshold ?? max(stepCap, $0.stepsTrained) }.sorted()
        medianSteps = Self.quantile(steps, 0.5)
        lowerQuartileSteps = Self.quantile(steps, 0.25)
        upperQuartileSteps = Self.quantile(steps, 0.75)
        minimumSteps = steps.first ?? 0
        maximumSteps = steps.last ?? 0
        let taskCount = runs.first?.finalSuccessRate.count ?? 0
        meanFinalSuccessRate = (0..<taskCount).map { task in
            runs.map { $0.finalSuccessRate[task] }.reduce(0, +) / Double(max(runs.count, 1))
        }
    }

    /// The q-quantile of sorted values (linear interpolation); 0 for none.
    static func quantile(_ sorted: [Int], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = Int(position.rounded(.up))
        let fraction = position - Double(lower)
        return Double(sorted[lower]) * (1 - fraction) + Double(sorted[upper]) * fraction
    }
}

/// The experiment's result: settings, and one summary per sampler.
public struct GridWorldExperimentReport: Codable, Sendable, Equatable {
    public var config: GridWorldExperimentConfig
    public var taskNames: [String]
    public var samplers: [GridWorldSamplerSummary]

    /// The summary of `kind`, if it ran.
    public func summary(_ kind: SamplerKind) -> GridWorldSamplerSummary? { samplers.first { $0.sampler == kind } }

    /// A human table: steps to threshold (median, IQR, min-max), runs that reached it, and the
    /// final per-task success averaged over seeds.
    public var table: String {
        var lines = [
            "grid world: steps until every task reaches \(Int(config.successThreshold * 100))% deterministic success "
                + "(cap \(config.stepCap), \(config.seedCount) seeds, sampler update every \(config.numEnvs * config.numSteps) steps)",
        ]
        let header = pad("sampler", 20) + pad("median", 9) + pad("IQR", 15) + pad("min-max", 15) + pad("reached", 9)
            + taskNames.map { pad($0, 7) }.joined()
        lines.append(header)
        for summary in samplers {
            let iqr = "\(Int(summary.lowerQuartileSteps))-\(Int(summary.upperQuartileSteps))"
            let range = "\(summary.minimumSteps)-\(summary.maximumSteps)"
            lines.append(pad(summary.sampler.rawValue, 20) + pad("\(Int(summary.medianSteps))", 9) + pad(iqr, 15) + pad(range, 15)
                + pad("\(summary.reachedCount)/\(summary.runs.count)", 9)
                + summary.meanFinalSuccessRate.map { pad(String(format: "%.2f", $0), 7) }.joined())
        }
        lines.append("(columns after 'reached': final deterministic success per task, mean over seeds; runs that hit the cap count as the cap)")
        return lines.joined(separator: "\n")
    }

    /// The report as pretty JSON with sorted keys.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
