import Daemon
import Foundation
import RunConfiguration
@testable import RunExecution
import SafeTensors
import Samplers
import TestScratch

/// A fresh state directory with its store, removed at the end of the test.
final class Scratch {
    /// Removed with this fixture.
    private let directory: TestScratch
    let stateDirectory: StateDirectory
    let store: RunStore
    let owner = RunOwner.current()

    init() throws {
        directory = try TestScratch("run-test")
        stateDirectory = try StateDirectory.prepare(flag: directory.path("state"))
        store = try RunStore(stateDirectory: stateDirectory)
    }

    var root: String { directory.path }

    var executor: RunExecutor { RunExecutor(stateDirectory: stateDirectory, store: store, owner: owner) }

    /// Registers `yaml` as a run running under `owner`.
    func start(_ yaml: String) throws -> (record: RunRecord, config: RunConfig) {
        let config = try RunConfig.load(yaml: yaml)
        let submission = RunSubmission(name: config.run.name, configText: try config.resolvedYAML(), samplerName: config.sampler.kind.rawValue,
                                       seed: config.run.seed, totalEnvSteps: Int64(config.run.totalEnvSteps))
        return (try store.submitRunning(submission, owner: owner), config)
    }

    /// Puts a stopped run back to running under `owner` (resume, then claim).
    func restart(_ runID: String) throws {
        if try store.run(id: runID).state != .queued { try store.resume(runID) }
        let claimed = try store.claimNext(owner: owner, maxConcurrent: 8)
        guard claimed?.id == runID else { throw TestFailure("claimed \(claimed?.id ?? "nothing") instead of \(runID)") }
    }

    /// Trains the started run `runID` until its train.log reports iteration `iteration`, then
    /// interrupts it (the run pauses with a checkpoint).
    @discardableResult
    func trainAndInterrupt(_ runID: String, atIteration iteration: Int) -> RunOutcome {
        let stop = StopSignal()
        return executor.execute(runID: runID, stop: stop) { line in
            if TrainLogLine.iteration(of: line) == iteration { stop.request(.interrupted) }
        }
    }

    /// Rewrites the checkpoint at `path` as another build would have written it: `change`
    /// applied to its metadata, then checksummed again, so it reads and verifies.
    func rewriteCheckpoint(_ path: String, _ change: (inout [String: String]) -> Void) throws {
        var file = try SafeTensors.read(from: URL(fileURLWithPath: path))
        change(&file.metadata)
        file.metadata.removeValue(forKey: "drats.checksum")
        try SafeTensors.write(file, to: URL(fileURLWithPath: path))
    }

    func folder(_ runID: String) throws -> RunFolder { try RunFolder(stateDirectory: stateDirectory, runID: runID) }

    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    func jsonLines(_ path: String) throws -> [[String: Any]] {
        try lines(path).map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }
}

/// Tiny configs: seconds to train.
enum TinyConfigs {
    /// Grid world: 4 slots x 16 steps = 64 env steps per iteration, 10 iterations, an
    /// evaluation every 2 iterations, a checkpoint every 3, the last 2 kept.
    static func gridWorld(sampler: String = "drats", totalEnvSteps: Int = 640, everyIterations: Int = 3, keepLast: Int = 2,
                          learningRate: Double = 0.003) -> String {
        """
        run: {name: tiny-grid, seed: 5, totalEnvSteps: \(totalEnvSteps)}
        env: {suite: gridworld, workerThreads: 1}
        ppo: {numSteps: 16, updateEpochs: 2, numMinibatches: 2, learningRate: \(learningRate), hiddenSizes: [], logStdMode: stateIndependent}
        sampler: {kind: \(sampler), maxReturn: 1, hardFirstLowReturn: 0.1, hardFirstHighReturn: 0.9}
        evaluation: {everyEnvSteps: 128, episodesPerTask: 1}
        checkpoint: {everyIterations: \(everyIterations), keepLast: \(keepLast)}
        """
    }

    /// MT10 on two tasks: 2 slots x 50 steps = 100 env steps per iteration, 3 iterations,
    /// hidden [16], one evaluation episode per task every 200 steps.
    static let mt10 = """
        run: {name: tiny-mt10, seed: 2, totalEnvSteps: 300}
        env: {suite: mt10, tasks: [reach-v3, push-v3], workerThreads: 1}
        ppo: {numSteps: 50, updateEpochs: 2, numMinibatches: 2, hiddenSizes: [16]}
        sampler: {kind: drats}
        evaluation: {everyEnvSteps: 200, episodesPerTask: 1}
        checkpoint: {everyIterations: 1, keepLast: 2}
        """
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
