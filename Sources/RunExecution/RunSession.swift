import Daemon
import Foundation
import Networks
import RunConfiguration
import SafeTensors
import Samplers
import Trainer

/// One execution of a run by `RunExecutor`: the trainer, its files and its counters, from the
/// restore to the iteration where it stops. Says why it stopped; the executor moves the run.
final class RunSession {
    let runID: String
    let config: RunConfig
    let trainer: any RunTrainer
    let folder: RunFolder
    let ledger: any RunLedger
    let owner: RunOwner
    let logs: RunLogs
    var checkpoints: RunCheckpoints
    /// Training seconds of earlier executions (from the restored checkpoint) and the clock
    /// reading when this one started training.
    let restoredWallSeconds: Double
    let startedAt: Double
    /// The iteration of the newest checkpoint on disk (0: none).
    var checkpointedIteration: Int
    /// Throughput of the latest iteration, environment steps per second.
    var lastStepsPerSecond = 0.0
    /// Checkpoints this session wrote (a fault after one is not "consecutive" to the previous).
    private(set) var checkpointsWritten = 0

    /// Whether the iteration under way may be abandoned for a shutdown: only when every
    /// completed iteration is checkpointed, so abandoning it loses nothing complete.
    private var iterationAbandonable = false

    /// Why the loop ended.
    enum Stop {
        case budgetSpent, requested(StopReason), cancelRequested
        /// A shutdown abandoned the iteration under way; the newest checkpoint holds the run.
        case abandonedForShutdown
    }

    /// Builds the trainer, restores the newest intact checkpoint (falling back past corrupt
    /// ones), cuts the logs back to it and opens them.
    init(runID: String, config: RunConfig, folder: RunFolder, ledger: any RunLedger, owner: RunOwner,
         environmentThreads: Int?, progress: ((String) -> Void)?) throws(RunExecutionError) {
        self.runID = runID
        self.config = config
        self.folder = folder
        self.ledger = ledger
        self.owner = owner
        trainer = try TrainerFactory.make(config, environmentThreads: environmentThreads)
        checkpoints = RunCheckpoints(folder: folder, keepLast: config.checkpoint.keepLast, keepBest: config.checkpoint.keepBest)
        var warnings: [String] = []
        let trainer = self.trainer
        let restored = try checkpoints.restoreNewest(
            accept: { checkpoint throws(RunExecutionError) in
                do throws(TrainerError) { try trainer.restore(from: checkpoint.file, path: checkpoint.entry.path) } catch { throw .trainer(error) }
            },
            warn: { warnings.append($0) })
        checkpointedIteration = restored?.iteration ?? 0
        restoredWallSeconds = restored?.wallSeconds ?? 0
        do {
            logs = try RunLogs(folder: folder, restoredIteration: checkpointedIteration, restoredEnvSteps: trainer.globalStep,
                               tensorBoardName: "\(config.sampler.kind.rawValue)-seed\(config.run.seed)", progress: progress)
            for warning in warnings { try logs.event(warning) }
            if let restored, let saved = restored.file.metadata[RunCheckpoints.blasThreadsKey], let now = BLAS.threadCount, saved != String(now) {
                // The update's GEMMs sum in another order on another thread count, so the run
                // stays valid but stops matching an uninterrupted one bit for bit.
                try logs.event("warning: the checkpoint was written with \(saved) OpenBLAS threads and this process uses \(now) "
                    + "(OPENBLAS_NUM_THREADS or the core count differ); training goes on, but its numbers will no longer match an uninterrupted run exactly")
            }
            if let restored {
                try logs.event("resume: restored \(restored.entry.path) (iteration \(restored.iteration), \(trainer.globalStep) env steps); "
                    + "continuing to \(config.run.totalEnvSteps) env steps")
            } else {
                try logs.event("start: \(PrintableText.escaped(config.run.name)), \(config.env.suite.rawValue) \(config.env.tasks.joined(separator: ",")), "
                    + "\(config.env.envSlots) slots, \(config.sampler.kind.rawValue) sampler, \(config.run.totalEnvSteps) env steps "
                    + "in \(config.iterationCount) iterations, seed \(config.run.seed)")
            }
        } catch { throw RunExecutionError.classify(error) }
        startedAt = TrainerTiming.now()
    }

    /// Cumulative training seconds across executions.
    var wallSeconds: Double { restoredWallSeconds + (TrainerTiming.now() - startedAt) }

    /// Trains until the budget is spent or a stop is asked (by `stop` or a cancel in the store),
    /// logging every iteration, checkpointing on schedule and at the end.
    ///
    /// A shutdown does not wait for a long iteration (or its evaluation) to finish when the
    /// previous one is checkpointed: the iteration is abandoned, to be redone after the restart.
    func train(stop: StopSignal) throws(RunExecutionError) -> Stop {
        let total = config.run.totalEnvSteps
        let interval = config.evaluation.everyEnvSteps
        trainer.abortCheck = { [unowned self] in iterationAbandonable && stop.reason == .shutdown }
        defer { trainer.abortCheck = nil }
        while trainer.globalStep < total {
            let stepsBefore = trainer.globalStep
            let iterationStarted = TrainerTiming.now()
            iterationAbandonable = checkpointedIteration == trainer.iteration
            let metrics: IterationMetrics
            var evaluation: EvaluationResult?
            var iterationSeconds = 0.0
            do throws(TrainerError) {
                metrics = try trainer.iterate()
                iterationSeconds = TrainerTiming.now() - iterationStarted
                if trainer.globalStep / interval > stepsBefore / interval { evaluation = try trainer.evaluate() }
            } catch {
                guard case .aborted = error else { throw .trainer(error) }
                logs.eventIfPossible("shutdown: abandoned iteration \(checkpointedIteration + 1) under way; "
                    + "the run resumes from its checkpoint at iteration \(checkpointedIteration)")
                return .abandonedForShutdown
            }
            iterationAbandonable = false
            let stepsPerSecond = Double(trainer.globalStep - stepsBefore) / max(iterationSeconds, 1e-9)
            lastStepsPerSecond = stepsPerSecond
            let checkpointPath = try logAndCheckpoint(metrics, evaluation: evaluation, stepsPerSecond: stepsPerSecond, stop: stop)
            let acknowledgement: ProgressAcknowledgement
            do {
                acknowledgement = try ledger.reportProgress(runID, owner: owner, envSteps: Int64(trainer.globalStep),
                                                            stepsPerSecond: stepsPerSecond, checkpointPath: checkpointPath)
            } catch { throw RunExecutionError.classify(error) }
            if acknowledgement.cancelRequested {
                try checkpointIfNeeded()
                return .cancelRequested
            }
            if let reason = stop.reason {
                try checkpointIfNeeded()
                return .requested(reason)
            }
        }
        return .budgetSpent
    }

    /// Writes the iteration's lines, then its checkpoint when one is due: every
    /// `checkpoint.everyIterations`, after an evaluation (so the best policy is on disk), at the
    /// end of the budget, and when a stop was asked. Returns the checkpoint written, if any.
    private func logAndCheckpoint(_ metrics: IterationMetrics, evaluation: EvaluationResult?, stepsPerSecond: Double,
                                  stop: StopSignal) throws(RunExecutionError) -> String? {
        let seconds = wallSeconds
        var records = [MetricsLine.iterationRecord(metrics, wallSeconds: seconds, stepsPerSecond: stepsPerSecond)]
        var summary: TrainLogLine.LatestEvaluation?
        if let evaluation {
            records.append(MetricsLine.evaluationRecord(evaluation, taskNames: trainer.taskNames, iteration: metrics.iteration,
                                                        envSteps: metrics.globalStep, wallSeconds: seconds))
            summary = TrainLogLine.LatestEvaluation(iteration: metrics.iteration, meanSuccessRate: MetricsLine.meanSuccessRate(evaluation),
                                                    worstSuccessRate: evaluation.worstSuccessRate)
        }
        let logLine = TrainLogLine.iteration(metrics, iterationCount: config.iterationCount, totalEnvSteps: config.run.totalEnvSteps,
                                             stepsPerSecond: stepsPerSecond, taskNames: trainer.taskNames,
                                             latestEvaluation: summary ?? logs.latestEvaluation)
        do { try logs.iteration(records: records, logLine: logLine, evaluation: summary) } catch { throw RunExecutionError.classify(error) }

        let due = metrics.iteration % config.checkpoint.everyIterations == 0 || evaluation != nil
            || trainer.globalStep >= config.run.totalEnvSteps || stop.reason != nil
        guard due else { return nil }
        return try checkpoint(evalMeanSuccessRate: summary?.meanSuccessRate)
    }

    /// Checkpoints the current iteration unless the newest checkpoint already holds it.
    func checkpointIfNeeded() throws(RunExecutionError) {
        guard trainer.iteration > checkpointedIteration else { return }
        let path = try checkpoint(evalMeanSuccessRate: nil)
        do {
            _ = try ledger.reportProgress(runID, owner: owner, envSteps: Int64(trainer.globalStep),
                                          stepsPerSecond: lastStepsPerSecond, checkpointPath: path)
        } catch { throw RunExecutionError.classify(error) }
    }

    /// Writes the trainer's checkpoint at the current step with the run's metadata.
    private func checkpoint(evalMeanSuccessRate: Double?) throws(RunExecutionError) -> String {
        var metadata = [RunCheckpoints.runIDKey: runID, RunCheckpoints.wallSecondsKey: String(wallSeconds)]
        if let blasThreads = BLAS.threadCount { metadata[RunCheckpoints.blasThreadsKey] = String(blasThreads) }
        if let evalMeanSuccessRate { metadata[RunCheckpoints.evalMeanKey] = String(evalMeanSuccessRate) }
        let file: SafeTensorsFile
        do { file = try trainer.checkpointFile(metadata: metadata) } catch { throw .trainer(error) }
        let path = try checkpoints.write(file, envSteps: Int64(trainer.globalStep), evalMeanSuccessRate: evalMeanSuccessRate)
        checkpointedIteration = trainer.iteration
        checkpointsWritten += 1
        return path
    }
}
