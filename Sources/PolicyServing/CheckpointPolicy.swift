import Foundation
import Networks
import PPO
import SafeTensors

/// The policy (and critic) of a drats checkpoint, rebuilt for inference: an agent checkpoint
/// written by `PPOAgent.writeCheckpoint`, or a run checkpoint that holds the same tensors and
/// metadata plus the trainer's (`task_names`, sampler and slot states, ...), which are ignored
/// here except for the task names.
///
/// The network input is the task's observation followed by the one-hot task id over
/// `taskCount` tasks; `slotObservationSize` is what a caller gives, the one-hot is appended.
/// `taskCount` is the length of `task_names` when present, else the agent's head count.
/// With one head shared by several tasks (the trainer's `sharedHead`) every task uses head 0.
public final class CheckpointPolicy {
    /// Where the checkpoint was read from (for messages).
    public let path: String
    /// The PPO settings stored in the checkpoint (hidden sizes, activation, log-std mode, ...).
    public let config: PPOConfig
    /// Network input size: slot observation plus one-hot task id.
    public let observationSize: Int
    /// Values of a task's own observation (the network input without the one-hot).
    public let slotObservationSize: Int
    public let actionSize: Int
    /// Tasks the one-hot distinguishes.
    public let taskCount: Int
    /// Output heads of the actor and critic: `taskCount`, or 1 when shared.
    public let headCount: Int
    /// The run's task names in task-index order, when the checkpoint carries them.
    public let taskNames: [String]?
    public let policy: GaussianPolicy
    public let critic: ValueNetwork

    /// Reads `url` with checksum verification and rebuilds its policy.
    /// A file that cannot be opened is reported with the system's reason (no such file, or
    /// permission denied on it or on a folder above it).
    public static func load(from url: URL) throws(PolicyServingError) -> CheckpointPolicy {
        let file: SafeTensorsFile
        do { file = try SafeTensors.read(from: url) } catch {
            if let error = error as? SafeTensorsError, case let .readFailed(_, "open", code, _) = error {
                throw .unreadable(path: url.path, reason: String(cString: strerror(code)).lowercased())
            }
            throw .unreadable(path: url.path, reason: String(describing: error))
        }
        return try CheckpointPolicy(file: file, path: url.path)
    }

    /// Rebuilds the policy from an already verified file. Checks every metadata entry and tensor
    /// it uses; other tensors (Adam moments, trainer state) are not read.
    public init(file: SafeTensorsFile, path: String) throws(PolicyServingError) {
        let metadata = file.metadata
        guard metadata["format"] == PPOCheckpoint.formatName else {
            throw .notACheckpoint(path: path, reason: "metadata 'format' is '\(metadata["format"] ?? "missing")', not '\(PPOCheckpoint.formatName)'")
        }
        guard metadata["format_version"] == PPOCheckpoint.formatVersion else {
            throw .badMetadata(path: path, key: "format_version",
                               reason: "is '\(metadata["format_version"] ?? "missing")'; this build reads version \(PPOCheckpoint.formatVersion)")
        }
        func positive(_ key: String) throws(PolicyServingError) -> Int {
            guard let text = metadata[key] else { throw .badMetadata(path: path, key: key, reason: "is missing") }
            guard let value = Int(text), value >= 1 else { throw .badMetadata(path: path, key: key, reason: "is '\(text)'; it must be an integer of at least 1") }
            return value
        }
        guard let configJSON = metadata["config"] else { throw .badMetadata(path: path, key: "config", reason: "is missing") }
        do { config = try JSONDecoder().decode(PPOConfig.self, from: Data(configJSON.utf8)) } catch {
            throw .badMetadata(path: path, key: "config", reason: "is not a PPO config: \(error)")
        }
        observationSize = try positive("observation_size")
        actionSize = try positive("action_size")
        headCount = try positive("task_count")
        if let namesJSON = metadata["task_names"] {
            guard let names = try? JSONDecoder().decode([String].self, from: Data(namesJSON.utf8)), !names.isEmpty else {
                throw .badMetadata(path: path, key: "task_names", reason: "is not a non-empty JSON array of strings")
            }
            guard names.count == headCount || headCount == 1 else {
                throw .badMetadata(path: path, key: "task_names", reason: "lists \(names.count) tasks but the policy has \(headCount) heads")
            }
            taskNames = names
        } else {
            taskNames = nil
        }
        taskCount = taskNames?.count ?? headCount
        guard observationSize >= taskCount else {
            throw .badMetadata(path: path, key: "observation_size",
                               reason: "is \(observationSize), smaller than the \(taskCount)-value one-hot task id it must end with")
        }
        slotObservationSize = observationSize - taskCount
        do {
            policy = try GaussianPolicy(
                observationSize: observationSize, hiddenSizes: config.hiddenSizes, taskCount: headCount,
                actionSize: actionSize, logStdMode: config.logStdMode, activation: config.activation)
            critic = try ValueNetwork(
                observationSize: observationSize, hiddenSizes: config.hiddenSizes, taskCount: headCount, activation: config.activation)
        } catch {
            throw .badMetadata(path: path, key: "config", reason: "describes no valid network: \(error)")
        }
        var named: [String: NamedTensor] = [:]
        for parameter in policy.parameters + critic.parameters {
            guard let tensor = file.tensors[parameter.name] else {
                throw .badTensor(path: path, reason: "tensor '\(parameter.name)' is missing; the checkpoint does not match its own config")
            }
            guard tensor.dtype == .f32, let values = try? tensor.float32Values() else {
                throw .badTensor(path: path, reason: "tensor '\(parameter.name)' is \(tensor.dtype.rawValue); policy tensors are F32")
            }
            named[parameter.name] = NamedTensor(shape: tensor.shape, values: values)
        }
        do {
            try policy.importTensors(named)
            try critic.importTensors(named)
        } catch {
            throw .badTensor(path: path, reason: error.description)
        }
        self.path = path
    }

    /// The head `task` uses.
    public func head(of task: Int) -> Int { headCount == 1 ? 0 : task }

    /// What a request may give as "task", for messages.
    public var validTasks: String {
        if let taskNames { return "an index 0..<\(taskCount) or one of: \(taskNames.joined(separator: ", "))" }
        return "an index 0..<\(taskCount) (this checkpoint carries no task names)"
    }

    /// The index of a task given by name.
    public func taskIndex(named name: String) throws(PolicyServingError) -> Int {
        guard let index = taskNames?.firstIndex(of: name) else { throw .unknownTaskName(name, valid: validTasks) }
        return index
    }
}
