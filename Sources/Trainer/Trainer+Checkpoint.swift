import Foundation
import PPO
import SafeTensors
import Samplers

/// The trainer-level checkpoint: the agent's file (`PPOAgent.checkpointFile`, names and
/// metadata unchanged so `PPOAgent.restore` reads the policy from it) plus the sampler (JSON),
/// the task names, the trainer config hash and the counters in the metadata.
///
/// Episodes in progress are not part of this format: after `restore` every slot starts a new
/// episode drawn from the restored sampler.
extension Trainer {
    /// Format name and version written under `trainer_format` / `trainer_format_version`.
    static var checkpointFormatName: String { "drats-trainer" }
    static var checkpointFormatVersion: String { "1" }

    /// A hash of the learning settings (everything in `config` except `environmentThreads`,
    /// which never changes the numbers); a checkpoint is only restored under the same hash.
    var trainerConfigHash: String {
        var learning = config
        learning.environmentThreads = 1
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = (try? encoder.encode(learning)) ?? Data()
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    /// The run's training state as a safetensors file (in memory); `metadata` adds the caller's keys.
    public func checkpointFile(metadata: [String: String] = [:]) throws(TrainerError) -> SafeTensorsFile {
        var file: SafeTensorsFile
        do {
            file = try agent.checkpointFile(counters: PPOCheckpoint.Counters(globalStep: globalStep, iteration: iteration), metadata: metadata)
        } catch { throw .ppo(error) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            file.metadata["sampler_state"] = String(decoding: try encoder.encode(sampler), as: UTF8.self)
            file.metadata["task_names"] = String(decoding: try encoder.encode(taskNames), as: UTF8.self)
        } catch {
            throw .checkpoint(path: "(memory)", reason: "the sampler state cannot be encoded: \(error)")
        }
        file.metadata["trainer_format"] = Self.checkpointFormatName
        file.metadata["trainer_format_version"] = Self.checkpointFormatVersion
        file.metadata["trainer_config_hash"] = trainerConfigHash
        file.metadata["global_step"] = String(globalStep)
        file.metadata["iteration"] = String(iteration)
        return file
    }

    /// Restores what `checkpointFile` stored. Everything is checked before anything changes, so
    /// on failure the trainer is unchanged.
    public func restore(from file: SafeTensorsFile, path: String) throws(TrainerError) {
        func fail(_ reason: String) -> TrainerError { .checkpoint(path: path, reason: reason) }
        let metadata = file.metadata
        guard metadata["trainer_format"] == Self.checkpointFormatName else {
            throw fail("it is not a drats trainer checkpoint (trainer_format '\(metadata["trainer_format"] ?? "none")')")
        }
        guard metadata["trainer_format_version"] == Self.checkpointFormatVersion else {
            throw fail("trainer_format_version \(metadata["trainer_format_version"] ?? "none") is not supported; this build reads \(Self.checkpointFormatVersion)")
        }
        guard metadata["trainer_config_hash"] == trainerConfigHash else {
            throw fail("it was written with trainer config hash \(metadata["trainer_config_hash"] ?? "none"), this trainer's is \(trainerConfigHash); resume it with the config it was trained with")
        }
        let decoder = JSONDecoder()
        guard let namesText = metadata["task_names"], let names = try? decoder.decode([String].self, from: Data(namesText.utf8)) else {
            throw fail("metadata task_names is missing or not a JSON array of strings")
        }
        guard names == taskNames else { throw fail("it trains tasks \(names), this trainer trains \(taskNames)") }
        guard let samplerText = metadata["sampler_state"] else { throw fail("metadata sampler_state is missing") }
        let restoredSampler: TaskSampler
        do {
            restoredSampler = try decoder.decode(TaskSampler.self, from: Data(samplerText.utf8))
        } catch { throw fail("metadata sampler_state cannot be read: \(error)") }
        guard restoredSampler.config == sampler.config, restoredSampler.taskCount == taskCount else {
            throw fail("its sampler config or task count differs from this trainer's")
        }
        guard let step = metadata["global_step"].flatMap(Int.init), let iterations = metadata["iteration"].flatMap(Int.init),
              step >= 0, iterations >= 0 else {
            throw fail("metadata global_step or iteration is missing or not a non-negative integer")
        }
        // The agent's restore is all-or-nothing and the last check that can fail.
        do { _ = try agent.restore(from: file, path: path) } catch { throw .ppo(error) }
        sampler = restoredSampler
        globalStep = step
        iteration = iterations
        for slot in 0..<slots.count {
            nextDones[slot] = 1
            try startEpisode(slot: slot)
        }
    }
}
