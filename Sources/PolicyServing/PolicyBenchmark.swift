import Foundation
import Networks
import PPO
import RandomStreams

/// Measures `dratsd policy`'s speed on a real checkpoint for `dratsd bench policy`: the
/// inference alone (actor + critic, one observation) and whole protocol lines (JSON parsing,
/// inference and the answer's formatting), on seeded random observations.
public enum PolicyBenchmark {
    /// The measurements, per call.
    public struct Report: Codable, Sendable {
        public var checkpoint: String
        public var hiddenSizes: [Int]
        public var activation: String
        public var logStdMode: String
        public var observationSize: Int
        public var actionSize: Int
        public var taskCount: Int
        public var calls: Int
        /// `PolicyInference.evaluate`: actor and critic on one observation.
        public var inferenceMicrosecondsPerCall: Double
        /// `PolicyLineProtocol.answer`: one request line in, one answer line out.
        public var lineMicrosecondsPerCall: Double

        /// A short human-readable table.
        public var table: String {
            let network = "hidden \(hiddenSizes), \(activation), \(logStdMode)"
            return """
                policy \(checkpoint)
                \(network); observation \(observationSize) + \(taskCount)-task one-hot, \(actionSize) actions
                measure                       calls      us/call
                inference (actor + critic)  \(String(format: "%7d  %11.2f", calls, inferenceMicrosecondsPerCall))
                protocol line (JSON in/out) \(String(format: "%7d  %11.2f", calls, lineMicrosecondsPerCall))
                """
        }
    }

    /// Times `calls` inferences and `calls` protocol lines over every task in turn.
    public static func run(checkpoint url: URL, calls: Int, seed: UInt64 = 1) throws(PolicyServingError) -> Report {
        let policy = try CheckpointPolicy.load(from: url)
        let inference = PolicyInference(checkpoint: policy)
        var generator = Xoshiro256(seed: seed)
        let observationCount = 64
        let observations = (0..<observationCount).map { _ in
            (0..<policy.slotObservationSize).map { _ in Float(2 * generator.nextUnitInterval() - 1) }
        }
        var checksum: Float = 0
        let inferenceStart = DispatchTime.now().uptimeNanoseconds
        for call in 0..<calls {
            _ = inference.observation.update(from: observations[call % observationCount])
            checksum += try inference.evaluate(task: call % policy.taskCount)
        }
        let inferenceNanoseconds = DispatchTime.now().uptimeNanoseconds - inferenceStart

        let lines = (0..<observationCount).map { index in
            "{\"observation\":[" + observations[index].map { "\($0)" }.joined(separator: ",") + "],\"task\":\(index % policy.taskCount)}"
        }
        let session = PolicyLineProtocol(inference: inference)
        var answeredBytes = 0
        let lineStart = DispatchTime.now().uptimeNanoseconds
        for call in 0..<calls { answeredBytes += session.answer(lines[call % observationCount]).utf8.count }
        let lineNanoseconds = DispatchTime.now().uptimeNanoseconds - lineStart
        // Keeps the measured work observable, so none of it can be optimised away.
        if !checksum.isFinite || answeredBytes == 0 { FileHandle.standardError.write(Data("note: non-finite values in the benchmark\n".utf8)) }

        return Report(
            checkpoint: url.path, hiddenSizes: policy.config.hiddenSizes, activation: policy.config.activation.rawValue,
            logStdMode: policy.config.logStdMode.rawValue, observationSize: policy.slotObservationSize,
            actionSize: policy.actionSize, taskCount: policy.taskCount, calls: calls,
            inferenceMicrosecondsPerCall: Double(inferenceNanoseconds) / 1_000 / Double(max(calls, 1)),
            lineMicrosecondsPerCall: Double(lineNanoseconds) / 1_000 / Double(max(calls, 1)))
    }
}
