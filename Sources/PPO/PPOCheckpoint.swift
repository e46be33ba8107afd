import Foundation
import Networks
import SafeTensors
import RandomStreams

/// The learner's checkpoint: actor and critic weights, Adam moments and steps, the sampling
/// generator, and metadata (format version, config hash, step counts, the learner's modes), in
/// the safetensors format through the `SafeTensors` module (atomic write, checksum verified on
/// read).
///
/// Tensor names are the parameters' (`actor.trunk.0.weight`, ...) plus `<name>.adam_m` and
/// `<name>.adam_v`, the same whether one Adam or two hold them; every tensor is F32, weights
/// [output, input] as in PyTorch. The Adam step counts are `adam_step` (joint) or
/// `actor_adam_step` and `critic_adam_step` (separate; `PPOCheckpoint.LearnerKey`).
public enum PPOCheckpoint {
    /// Bumped whenever names, shapes or metadata change meaning.
    public static let formatVersion = "1"
    public static let formatName = "drats-ppo"

    /// Training progress stored alongside the weights.
    public struct Counters: Sendable, Equatable {
        /// Environment steps taken so far.
        public var globalStep: Int
        /// PPO iterations (rollout + update) completed.
        public var iteration: Int
        public init(globalStep: Int, iteration: Int) {
            self.globalStep = globalStep
            self.iteration = iteration
        }
    }
}

extension PPOAgent {
    /// The agent's whole learning state as a safetensors file (in memory).
    public func checkpointFile(counters: PPOCheckpoint.Counters, metadata extra: [String: String] = [:]) throws(PPOError) -> SafeTensorsFile {
        var tensors: [String: Tensor] = [:]
        let named = policy.exportTensors()
            .merging(critic.exportTensors()) { first, _ in first }
            .merging(optimizer.exportTensors()) { first, _ in first }
        for (name, tensor) in named {
            do { tensors[name] = try Tensor(float32: tensor.values, shape: tensor.shape) } catch {
                throw .checkpoint(path: "(memory)", reason: "tensor '\(name)' cannot be encoded: \(error)")
            }
        }
        var metadata = extra
        // Sorted keys: the same agent writes the same bytes.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let configJSON = (try? encoder.encode(config)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        metadata["format"] = PPOCheckpoint.formatName
        metadata["format_version"] = PPOCheckpoint.formatVersion
        metadata["config_hash"] = config.configHash
        metadata["config"] = configJSON
        metadata["observation_size"] = String(observationSize)
        metadata["action_size"] = String(actionSize)
        metadata["task_count"] = String(taskCount)
        for (key, step) in zip(optimizer.stepKeys, optimizer.steps) { metadata[key] = String(step) }
        metadata.merge(PPOCheckpoint.learnerMetadata(config)) { _, own in own }
        metadata["global_step"] = String(counters.globalStep)
        metadata["iteration"] = String(counters.iteration)
        metadata["generator_state"] = generator.state.map { String($0, radix: 16) }.joined(separator: ",")
        return SafeTensorsFile(tensors: tensors, metadata: metadata)
    }

    /// Restores everything `checkpointFile` stored and returns the counters. Checks the format,
    /// the config hash and every tensor first; on any failure the agent is left unchanged.
    public func restore(from file: SafeTensorsFile, path: String = "(memory)") throws(PPOError) -> PPOCheckpoint.Counters {
        func fail(_ reason: String) -> PPOError { .checkpoint(path: path, reason: reason) }
        let metadata = file.metadata
        guard metadata["format"] == PPOCheckpoint.formatName else {
            throw fail("it is not a drats PPO checkpoint (format '\(metadata["format"] ?? "none")')")
        }
        guard metadata["format_version"] == PPOCheckpoint.formatVersion else {
            throw fail("format version \(metadata["format_version"] ?? "none") is not supported; this build reads version \(PPOCheckpoint.formatVersion)")
        }
        if let mismatch = PPOCheckpoint.learnerMismatch(metadata: metadata, config: config) { throw fail(mismatch) }
        guard metadata["config_hash"] == config.configHash else {
            throw fail("it was written with PPO config hash \(metadata["config_hash"] ?? "none") but this run's config hashes to \(config.configHash); resume with the config stored in the checkpoint's 'config' metadata")
        }
        let stepKeys = optimizer.stepKeys
        let adamSteps = stepKeys.compactMap { metadata[$0].flatMap(Int.init) }
        guard adamSteps.count == stepKeys.count, let globalStep = metadata["global_step"].flatMap(Int.init),
              let iteration = metadata["iteration"].flatMap(Int.init) else {
            throw fail("metadata \((stepKeys + ["global_step", "iteration"]).joined(separator: ", ")) must all be integers; one is missing or is not")
        }
        let words = (metadata["generator_state"] ?? "").split(separator: ",").compactMap { UInt64($0, radix: 16) }
        guard let restoredGenerator = Xoshiro256(state: words) else {
            throw fail("metadata generator_state is missing or malformed")
        }
        let backup = (policy.exportTensors(), critic.exportTensors(), optimizer.exportTensors(), optimizer.steps)
        // Only the agent's own tensors are read: a trainer checkpoint carries more (any dtype).
        let ownNames = Set(backup.0.keys).union(backup.1.keys).union(backup.2.keys)
        var named: [String: NamedTensor] = [:]
        for (name, tensor) in file.tensors where ownNames.contains(name) {
            guard tensor.dtype == .f32, let values = try? tensor.float32Values() else {
                throw fail("tensor '\(name)' is \(tensor.dtype.rawValue); checkpoints hold F32 tensors")
            }
            named[name] = NamedTensor(shape: tensor.shape, values: values)
        }
        do {
            try policy.importTensors(named)
            try critic.importTensors(named)
            try optimizer.importTensors(named, steps: adamSteps)
        } catch {
            try? policy.importTensors(backup.0)
            try? critic.importTensors(backup.1)
            try? optimizer.importTensors(backup.2, steps: backup.3)
            switch error {
            case let error as NetworksError: throw fail(error.description)
            case let error as PPOError: throw fail(error.description)
            default: throw fail("\(error)")
            }
        }
        generator = restoredGenerator
        return PPOCheckpoint.Counters(globalStep: globalStep, iteration: iteration)
    }

    /// Writes the checkpoint to `url` atomically (temp file, fsync, rename) with a checksum.
    public func writeCheckpoint(to url: URL, counters: PPOCheckpoint.Counters, metadata: [String: String] = [:]) throws(PPOError) {
        let file = try checkpointFile(counters: counters, metadata: metadata)
        do { try SafeTensors.write(file, to: url) } catch {
            throw .checkpoint(path: url.path, reason: "\(error)")
        }
    }

    /// Reads, verifies and restores the checkpoint at `url`; a truncated, altered or mismatched
    /// file is rejected and the agent left unchanged.
    @discardableResult
    public func readCheckpoint(from url: URL) throws(PPOError) -> PPOCheckpoint.Counters {
        let file: SafeTensorsFile
        do { file = try SafeTensors.read(from: url) } catch {
            throw .checkpoint(path: url.path, reason: "\(error)")
        }
        return try restore(from: file, path: url.path)
    }
}
