import Daemon
import Foundation
import MallocCounter
import PPO
import RunConfiguration
@testable import RunExecution
import SafeTensors
import Testing

/// `RunConfig.memoryEstimate` against what a built trainer really allocates (issue 19, item 2):
/// the parameter count exactly, the heap bytes of building the trainer within a few percent of
/// the parts the estimate counts (networks, rollout, minibatch, slot buffers, simulation), and
/// the checkpoint's size. Each config makes another part the biggest, so each formula is tested.
@Suite(.serialized) struct MemoryEstimateTests {
    /// Heap bytes this thread allocated and still holds after `body`.
    func heapBytes<T>(_ body: () throws -> T) rethrows -> (value: T, bytes: Int) {
        malloc_counter_start()
        let value = try body()
        _ = malloc_counter_stop()
        return (value, Int(malloc_counter_live_bytes()))
    }

    static let configs: [(String, String)] = [
        ("rollout buffer", """
            env: {suite: gridworld, workerThreads: 1}
            ppo: {numSteps: 20000, numMinibatches: 64, hiddenSizes: [], logStdMode: stateIndependent}
            run: {totalEnvSteps: 80000}
            """),
        ("minibatch activations and gradients", """
            env: {suite: gridworld, workerThreads: 1}
            ppo: {numSteps: 500, numMinibatches: 1, hiddenSizes: [256, 192]}
            run: {totalEnvSteps: 2000}
            """),
        ("networks (weights, gradients, Adam moments)", """
            env: {suite: gridworld, workerThreads: 1}
            ppo: {numSteps: 16, numMinibatches: 2, hiddenSizes: [1024, 1024], logStdMode: stateIndependent}
            run: {totalEnvSteps: 640}
            """),
        ("simulated environments", """
            env: {envSlots: 1, workerThreads: 1}
            ppo: {numSteps: 500, numMinibatches: 2, hiddenSizes: [32]}
            run: {totalEnvSteps: 1000}
            evaluation: {episodesPerTask: 1}
            """),
    ]

    @Test(arguments: configs)
    func theEstimateCountsWhatABuiltTrainerAllocates(biggest: String, yaml: String) throws {
        let config = try RunConfig.load(yaml: yaml)
        let estimate = config.memoryEstimate
        // What a trainer holds: every part but the process and the checkpoints.
        let checkpoints = "checkpoints (\(RunConfig.checkpointCopies) copies)"
        #expect(estimate.biggestFirst.first { $0.name != "process" && $0.name != checkpoints }?.name == biggest, "\(estimate.parts)")
        // Built, then an iteration and an evaluation, so every simulation has stepped (ODE sizes
        // a world's step memory at its first step).
        let (trainer, bytes) = try heapBytes {
            let trainer = try TrainerFactory.make(config)
            _ = try trainer.iterate()
            _ = try trainer.evaluate()
            return trainer
        }
        #expect(estimate.parameterCount == trainer.agent.parameterCount)
        let built = estimate.totalBytes - RunConfig.processBytes - estimate.bytes(of: checkpoints)
        let ratio = Double(bytes) / Double(built)
        print("memory estimate, \(biggest) biggest: built trainer holds \(bytes) heap bytes, estimate \(built) (ratio \(ratio)); \(estimate.parts.map { "\($0.name) \($0.bytes)" })")
        #expect(ratio > 0.9 && ratio < 1.1, "the trainer holds \(bytes) bytes, the estimate counts \(built): \(estimate.parts)")

        // The checkpoint the estimate holds copies of, against the one written.
        let written = try SafeTensors.encode(try trainer.checkpointFile(metadata: ["run_id": "r-20260101-000000-abcd", "wall_seconds": "1.5"])).count
        #expect(estimate.checkpointBytes >= written && estimate.checkpointBytes <= written + written / 4 + (128 << 10),
                "checkpoint of \(written) bytes, estimated \(estimate.checkpointBytes)")
    }

    /// The slot sizes the estimate assumes per suite are the built slots'.
    @Test func theSuitesSlotSizesAreTheBuiltSlots() throws {
        for (suite, yaml) in [(EnvSuite.gridworld, "env: {suite: gridworld}\nppo: {numSteps: 8, numMinibatches: 1, hiddenSizes: [4]}\nrun: {totalEnvSteps: 32}\n"),
                              (EnvSuite.mt10, "env: {tasks: [reach-v3]}\nppo: {numSteps: 8, numMinibatches: 1, hiddenSizes: [4]}\nrun: {totalEnvSteps: 8}\n")] {
            let config = try RunConfig.load(yaml: yaml)
            let trainer = try TrainerFactory.make(config)
            #expect(trainer.agent.observationSize == suite.slotObservationSize + config.taskCount)
            #expect(trainer.agent.actionSize == suite.actionSize)
        }
    }

    /// A stored run whose config does not fit the executor's limit (submitted under a larger
    /// one, or on another machine) fails with the figures before anything is built.
    @Test func aRunThatDoesNotFitTheLimitFailsWithTheFigures() throws {
        let scratch = try Scratch()
        let (record, config) = try scratch.start(TinyConfigs.gridWorld())
        let limit = MemoryLimit(bytes: config.memoryEstimate.totalBytes - 1, source: .environment("tiny"))
        let executor = RunExecutor(stateDirectory: scratch.stateDirectory, store: scratch.store, owner: scratch.owner, memoryLimit: limit)
        let outcome = executor.execute(runID: record.id, stop: StopSignal())
        guard case .failed(let reason) = outcome else { Issue.record("\(outcome)"); return }
        #expect(reason.hasPrefix("config.yaml of \(record.id): a run of this config needs about \(ByteCount.text(config.memoryEstimate.totalBytes))"), "\(reason)")
        #expect(reason.contains("(DRATSD_MEMORY_LIMIT=tiny)") && reason.hasSuffix("Then `dratsd resume` the run."), "\(reason)")
        #expect(try scratch.store.run(id: record.id).state == .failed)
        #expect(try scratch.store.run(id: record.id).failureReason == reason)
        let checkpoints = try scratch.folder(record.id).url.appendingPathComponent("checkpoints").path
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: checkpoints)) ?? []).isEmpty, "nothing was trained")
    }
}
