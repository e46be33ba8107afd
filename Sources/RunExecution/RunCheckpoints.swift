#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Daemon
import Foundation
import SafeTensors

/// One checkpoint file that was read and verified.
struct VerifiedCheckpoint {
    var entry: CheckpointEntry
    var file: SafeTensorsFile
    /// Iteration, environment steps and training seconds recorded in it.
    var iteration: Int
    var envSteps: Int
    var wallSeconds: Double
    /// The mean evaluation success of the policy in it, when it was evaluated at that iteration.
    var evalMeanSuccessRate: Double?
}

/// A run's `checkpoints/` folder as the executor uses it: verified reads that fall back past
/// corrupt files, atomic writes, and pruning to the newest `keepLast` plus the best.
struct RunCheckpoints {
    /// Metadata keys the executor adds to the trainer's.
    static let runIDKey = "run_id", wallSecondsKey = "wall_seconds", evalMeanKey = "eval_mean_success_rate"

    let catalog: CheckpointCatalog
    let keepLast: Int
    let keepBest: Bool
    /// The best evaluated checkpoint so far (steps, mean success), protected from pruning.
    private(set) var best: (envSteps: Int64, meanSuccessRate: Double)?

    init(folder: RunFolder, keepLast: Int, keepBest: Bool) {
        catalog = CheckpointCatalog(folder: folder)
        self.keepLast = keepLast
        self.keepBest = keepBest
    }

    /// Reads and verifies (checksum, format) the checkpoint at `path`.
    static func read(_ entry: CheckpointEntry) throws(RunExecutionError) -> VerifiedCheckpoint {
        let file: SafeTensorsFile
        do { file = try SafeTensors.read(from: URL(fileURLWithPath: entry.path)) } catch {
            throw .checkpoint(path: entry.path, reason: String(describing: error))
        }
        guard let iteration = file.metadata["iteration"].flatMap(Int.init) else {
            throw .checkpoint(path: entry.path, reason: "metadata 'iteration' is missing; it is not a drats trainer checkpoint")
        }
        return VerifiedCheckpoint(
            entry: entry, file: file, iteration: iteration,
            envSteps: file.metadata["global_step"].flatMap(Int.init) ?? Int(entry.envSteps),
            wallSeconds: file.metadata[wallSecondsKey].flatMap(Double.init) ?? 0,
            evalMeanSuccessRate: file.metadata[evalMeanKey].flatMap(Double.init))
    }

    /// The newest checkpoint that reads, verifies and `accept`s (the trainer restores it),
    /// newest first. Each one that fails is moved aside to `<name>.corrupt` and reported to
    /// `warn`, so the next start does not trip on it again, except a checkpoint of another
    /// learning config, which is thrown (the run fails and its files stay). Also finds the best
    /// checkpoint among the readable ones. Nil when none is usable (a fresh start).
    mutating func restoreNewest(accept: (VerifiedCheckpoint) throws(RunExecutionError) -> Void,
                                warn: (String) -> Void) throws(RunExecutionError) -> VerifiedCheckpoint? {
        let entries: [CheckpointEntry]
        do { entries = try catalog.entries() } catch { throw RunExecutionError.classify(error) }
        var restored: VerifiedCheckpoint?
        for entry in entries {
            do throws(RunExecutionError) {
                let checkpoint = try Self.read(entry)
                if restored == nil {
                    try accept(checkpoint)
                    restored = checkpoint
                }
                if let score = checkpoint.evalMeanSuccessRate { noteEvaluated(envSteps: entry.envSteps, meanSuccessRate: score) }
            } catch {
                // Another learning config (e.g. a dratsd upgrade that changed the settings' hash)
                // is not damage: moving the files aside and starting afresh would discard the run.
                if case .trainer(.checkpointConfigMismatch) = error { throw error }
                let aside = entry.path + ".corrupt"
                let moved = rename(entry.path, aside) == 0
                warn("warning: checkpoint \(entry.path) is unusable (\(error)); "
                    + (moved ? "moved aside to \(aside)" : "could not move it aside") + (restored == nil ? "; trying the previous one" : ""))
            }
        }
        return restored
    }

    /// Writes `file` as the checkpoint at `envSteps` (atomically) and prunes the folder.
    mutating func write(_ file: SafeTensorsFile, envSteps: Int64, evalMeanSuccessRate: Double?) throws(RunExecutionError) -> String {
        let path = catalog.path(forEnvSteps: envSteps)
        do { try SafeTensors.write(file, to: URL(fileURLWithPath: path)) } catch {
            throw RunExecutionError.classify(error, writing: path)
        }
        if let evalMeanSuccessRate { noteEvaluated(envSteps: envSteps, meanSuccessRate: evalMeanSuccessRate) }
        let protected: Set<Int64> = keepBest ? Set(best.map { [$0.envSteps] } ?? []) : []
        do { try catalog.prune(keepNewest: keepLast, protectedSteps: protected) } catch { throw RunExecutionError.classify(error) }
        return path
    }

    /// Ties go to the newer checkpoint, so an unimproved run does not keep an old file forever.
    private mutating func noteEvaluated(envSteps: Int64, meanSuccessRate: Double) {
        if let best, best.meanSuccessRate > meanSuccessRate || (best.meanSuccessRate == meanSuccessRate && best.envSteps > envSteps) { return }
        best = (envSteps, meanSuccessRate)
    }
}
