import Daemon
import Foundation
import PPO
import RunConfiguration
import SafeTensors
import Trainer

/// Which checkpoint of a run `dratsd eval` loads.
public enum CheckpointChoice: Sendable, Equatable {
    /// The newest checkpoint that reads and verifies.
    case latest
    /// The checkpoint with the best mean evaluation success during training.
    case best
    /// A checkpoint file given by path.
    case file(String)

    /// `latest`, `best`, or anything else as a path.
    public init(argument: String) {
        switch argument {
        case "latest": self = .latest
        case "best": self = .best
        default: self = .file(argument)
        }
    }
}

/// One task's deterministic evaluation.
public struct TaskEvaluation: Codable, Sendable, Equatable {
    public var task: String
    public var successRate: Double
    /// Mean return up to the first success (MetaWorld's evaluation return).
    public var meanReturn: Double
    /// Mean return of the same episodes played to their full length.
    public var fullEpisodeReturn: Double
}

/// What `dratsd eval` found: the checkpoint, and per-task success and return.
public struct RunEvaluationReport: Codable, Sendable, Equatable {
    public var runID: String
    public var checkpoint: String
    /// Iteration and environment steps at which the checkpoint was written.
    public var iteration: Int
    public var envSteps: Int
    public var episodesPerTask: Int
    public var tasks: [TaskEvaluation]
    public var meanSuccessRate: Double
    public var worstSuccessRate: Double

    /// A human table: one row per task, then the mean.
    public var table: String {
        let width = max(tasks.map(\.task.count).max() ?? 4, 4) + 2
        func pad(_ text: String) -> String { text + String(repeating: " ", count: max(width - text.count, 1)) }
        var lines = ["run \(runID), checkpoint \(checkpoint) (iteration \(iteration), \(envSteps) env steps), "
            + "\(episodesPerTask) deterministic episode\(episodesPerTask == 1 ? "" : "s") per task",
                     pad("task") + "success  return to success  full-episode return"]
        for task in tasks {
            lines.append(pad(task.task) + String(format: "%7.3f  %17.2f  %19.2f", task.successRate, task.meanReturn, task.fullEpisodeReturn))
        }
        lines.append(pad("mean") + String(format: "%7.3f", meanSuccessRate) + String(format: "  (worst task %.3f)", worstSuccessRate))
        return lines.joined(separator: "\n")
    }
}

/// `dratsd eval`: the deterministic evaluation of a run's checkpoint over the suite's fixed
/// layouts. Reads the run's config and checkpoint; writes nothing.
public enum RunEvaluation {
    /// Loads `choice` of run `record`'s checkpoints into a fresh agent built from the run's
    /// config and evaluates it with `episodesPerTask` episodes per task (default the config's).
    public static func evaluate(_ record: RunRecord, stateDirectory: StateDirectory, checkpoint choice: CheckpointChoice,
                                episodesPerTask: Int? = nil, environmentThreads: Int? = nil) throws(RunExecutionError) -> RunEvaluationReport {
        let config: RunConfig
        do { config = try RunConfig.load(yaml: record.configText, file: "config.yaml of \(record.id)", defaultName: record.name) } catch {
            throw .config(error)
        }
        let folder: RunFolder
        do { folder = try RunFolder(stateDirectory: stateDirectory, runID: record.id) } catch { throw .daemon(error) }
        let checkpoint = try choose(choice, folder: folder, runID: record.id)
        let trainer = try TrainerFactory.make(config, environmentThreads: environmentThreads, evaluationEpisodesPerTask: episodesPerTask)
        do { _ = try trainer.agent.restore(from: checkpoint.file, path: checkpoint.entry.path) } catch {
            throw .checkpoint(path: checkpoint.entry.path, reason: error.description)
        }
        let result: EvaluationResult
        do { result = try trainer.evaluate() } catch { throw .trainer(error) }
        let tasks = trainer.taskNames.indices.map {
            TaskEvaluation(task: trainer.taskNames[$0], successRate: result.successRate[$0], meanReturn: result.meanReturn[$0],
                           fullEpisodeReturn: result.fullEpisodeReturn[$0])
        }
        return RunEvaluationReport(
            runID: record.id, checkpoint: checkpoint.entry.path, iteration: checkpoint.iteration,
            envSteps: checkpoint.envSteps, episodesPerTask: result.episodesPerTask, tasks: tasks,
            meanSuccessRate: MetricsLine.meanSuccessRate(result), worstSuccessRate: result.worstSuccessRate)
    }

    /// The chosen checkpoint, read and verified. Unreadable files are skipped for `latest` and
    /// `best` (and left where they are: eval changes nothing in the run folder).
    static func choose(_ choice: CheckpointChoice, folder: RunFolder, runID: String) throws(RunExecutionError) -> VerifiedCheckpoint {
        if case .file(let path) = choice {
            return try RunCheckpoints.read(CheckpointEntry(envSteps: 0, path: path))
        }
        let entries: [CheckpointEntry]
        do { entries = try CheckpointCatalog(folder: folder).entries() } catch {
            if case .io(_, _, let code) = error, code == ENOENT { throw .noCheckpoint(runID: runID, folder: folder.url.path) }
            throw .daemon(error)
        }
        let readable = entries.compactMap { try? RunCheckpoints.read($0) }
        switch choice {
        case .latest:
            guard let newest = readable.first else { throw .noCheckpoint(runID: runID, folder: folder.url.path) }
            return newest
        default:
            guard !readable.isEmpty else { throw .noCheckpoint(runID: runID, folder: folder.url.path) }
            // Newest first, and `max` keeps the first of equal scores: the newest.
            let evaluated = readable.filter { $0.evalMeanSuccessRate != nil }
            guard let best = evaluated.max(by: { ($0.evalMeanSuccessRate ?? 0) < ($1.evalMeanSuccessRate ?? 0) }) else {
                throw .checkpoint(path: folder.checkpointsPath, reason: "no checkpoint of run \(runID) was evaluated during training yet; use --checkpoint latest")
            }
            return best
        }
    }
}
