import Foundation
import MallocCounter
import Networks
@testable import PolicyServing
import Testing
import TestScratch

@Suite struct PolicyInferenceTests {
    static func inference(seed: UInt64? = nil, logStdMode: LogStdMode = .stateDependent) throws -> (PolicyInference, TestScratch) {
        let scratch = try TestScratch("policy-inference")
        let url = scratch.file("agent.safetensors")
        try Fixtures.writeAgentCheckpoint(try Fixtures.agent(logStdMode: logStdMode), to: url)
        return (PolicyInference(checkpoint: try CheckpointPolicy.load(from: url), samplingSeed: seed), scratch)
    }

    @Test func evaluateAllocatesNothing() throws {
        let (inference, scratch) = try Self.inference()
        defer { scratch.remove() }
        _ = inference.observation.update(from: [0.5, 1, -1, 0, 2])
        _ = try inference.evaluate(task: 0)
        malloc_counter_start()
        var total: Float = 0
        for step in 0..<200 {
            inference.observation[0] = Float(step) * 0.01
            total += try inference.evaluate(task: step % 3)
        }
        let allocations = malloc_counter_stop()
        #expect(allocations == 0)
        #expect(total.isFinite)
    }

    @Test func taskOutOfRangeIsRefused() throws {
        let (inference, scratch) = try Self.inference()
        defer { scratch.remove() }
        #expect(throws: PolicyServingError.taskOutOfRange(3, taskCount: 3)) { try inference.evaluate(task: 3) }
        #expect(throws: PolicyServingError.taskOutOfRange(-1, taskCount: 3)) { try inference.evaluate(task: -1) }
    }

    @Test func seededSamplesAreReproducibleAndGaussianAroundTheMean() throws {
        let (first, scratchA) = try Self.inference(seed: 17, logStdMode: .stateIndependent)
        let (second, scratchB) = try Self.inference(seed: 17, logStdMode: .stateIndependent)
        let (other, scratchC) = try Self.inference(seed: 18, logStdMode: .stateIndependent)
        defer { scratchA.remove(); scratchB.remove(); scratchC.remove() }
        #expect(first.samples)
        let draws = 4_000
        var sum: [Double] = [0, 0], squares: [Double] = [0, 0]
        var differsFromOther = false
        for _ in 0..<draws {
            for inference in [first, second, other] {
                _ = inference.observation.update(from: [0.5, 1, -1, 0, 2])
                _ = try inference.evaluate(task: 1)
            }
            #expect(Array(first.action) == Array(second.action))
            if Array(first.action) != Array(other.action) { differsFromOther = true }
            for j in 0..<2 {
                let z = Double((first.action[j] - first.mean[j]) / expf(first.logStd[j]))
                sum[j] += z
                squares[j] += z * z
            }
        }
        #expect(differsFromOther)
        for j in 0..<2 {
            let mean = sum[j] / Double(draws), variance = squares[j] / Double(draws) - mean * mean
            // 4,000 standard normal draws: mean within ~4 standard errors of 0, variance near 1.
            #expect(abs(mean) < 0.07)
            #expect(abs(variance - 1) < 0.1)
        }
    }
}
