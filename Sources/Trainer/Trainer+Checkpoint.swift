import Foundation
import PPO
import SafeTensors
import Samplers

extension Trainer {
    /// The run's whole training state as a safetensors file (in memory): the PPO agent's
    /// tensors and metadata exactly as `PPOAgent.checkpointFile` writes them (so
    /// `PPOAgent.restore` and the Python loader can read the policy from it), plus the
    /// sampler state, every RNG state, the slots' episode states and the counters
    /// (`TrainerCheckpoint` lists the names). Take it between iterations; `metadata` adds the
    /// caller's own keys (they cannot replace the agent's or the trainer's). Not saved: `timing`
    /// (wall-clock figures) and the rollout buffer, which every iteration fills from scratch.
    public func checkpointFile(metadata: [String: String] = [:]) throws(TrainerError) -> SafeTensorsFile {
        func fail(_ reason: String) -> TrainerError { .checkpoint(path: "(memory)", reason: reason) }
        var file: SafeTensorsFile
        do {
            file = try agent.checkpointFile(counters: PPOCheckpoint.Counters(globalStep: globalStep, iteration: iteration), metadata: metadata)
        } catch { throw fail("the agent's state cannot be saved: \(error.description)") }

        func add<T: TensorElement>(_ name: String, _ values: [T], shape: [Int]) throws(TrainerError) {
            do { file.tensors[name] = try Tensor(values: values, shape: shape) } catch {
                throw fail("tensor '\(name)' cannot be encoded: \(error)")
            }
        }
        let n = slots.count
        typealias Names = TrainerCheckpoint.TensorName
        try add(Names.nextObservations, Array(nextObservations), shape: [n, observationSize])
        try add(Names.nextDones, Array(nextDones), shape: [n])
        try add(Names.slotTasks, Array(slotTasks), shape: [n])
        try add(Names.episodeReturns, episodeReturns, shape: [n])
        try add(Names.episodeSuccesses, episodeSuccesses.map { UInt8($0 ? 1 : 0) }, shape: [n])
        try add(Names.episodeLengths, episodeLengths.map { Int64($0) }, shape: [n])
        for (index, prefix) in (0..<n).map({ ($0, Names.slotPrefix($0)) }) + (0..<evaluationSlots.count).map({ (n + $0, Names.evaluationSlotPrefix($0)) }) {
            let state: SlotState
            do {
                state = index < n ? try slots[index].checkpointState() : try evaluationSlots[index - n].checkpointState()
            } catch { throw fail("slot '\(prefix)' cannot save its state: \(error)") }
            guard Set(state.integers.keys).isDisjoint(with: state.floats.keys) else {
                throw fail("slot '\(prefix)' names an array both integer and float: \(Set(state.integers.keys).intersection(state.floats.keys).sorted())")
            }
            for (name, values) in state.integers { try add(prefix + name, values, shape: [values.count]) }
            for (name, values) in state.floats { try add(prefix + name, values, shape: [values.count]) }
        }

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func json<T: Encodable>(_ value: T, _ what: String) throws(TrainerError) -> String {
            do { return String(decoding: try encoder.encode(value), as: UTF8.self) } catch {
                throw fail("the \(what) cannot be written as JSON: \(error)")
            }
        }
        typealias Keys = TrainerCheckpoint.MetadataKey
        file.metadata[Keys.format] = TrainerCheckpoint.formatName
        file.metadata[Keys.formatVersion] = TrainerCheckpoint.formatVersion
        file.metadata[Keys.configHash] = config.learningConfigHash
        file.metadata[Keys.config] = try json(config, "trainer config")
        file.metadata[Keys.taskNames] = try json(taskNames, "task names")
        file.metadata[Keys.samplerState] = try json(sampler, "sampler state")
        file.metadata[Keys.globalStep] = String(globalStep)
        file.metadata[Keys.iteration] = String(iteration)
        return file
    }

    /// Restores everything `checkpointFile` stored; on any failure the trainer is unchanged.
    /// The file must come from a run with the same learning config (`TrainerConfig
    /// .learningConfigHash`; `environmentThreads` may differ), the same task names and slots of
    /// the same kind; every key, tensor and shape is checked before anything changes. Each
    /// slot's restored observation must equal the saved one bit for bit (a slot that replays
    /// its episode proves the simulation reproduces it). `path` names the file in errors.
    public func restore(from file: SafeTensorsFile, path: String) throws(TrainerError) {
        let backup = try checkpointFile()
        let saved = try TrainerCheckpointContents(file, trainer: self, reference: backup, path: path)
        do {
            try apply(saved, from: file, path: path)
        } catch {
            // Only the agent and the slots change before a failure can happen; put them back.
            if let original = try? TrainerCheckpointContents(backup, trainer: self, reference: backup, path: "(backup)") {
                try? apply(original, from: backup, path: "(backup)")
            }
            throw error
        }
    }

    /// Sets the agent, then the slots (which may fail), then the trainer's own state (which cannot).
    func apply(_ saved: TrainerCheckpointContents, from file: SafeTensorsFile, path: String) throws(TrainerError) {
        do { _ = try agent.restore(from: file, path: path) } catch {
            throw .checkpoint(path: path, reason: "the agent's state does not fit: \(error.description)")
        }
        let scratch = UnsafeMutableBufferPointer<Float>.allocate(capacity: max(slotObservationSize, 1))
        scratch.initialize(repeating: 0)
        defer { scratch.deallocate() }
        let observation = UnsafeMutableBufferPointer(rebasing: scratch[0..<slotObservationSize])
        for slot in 0..<slots.count {
            do { try slots[slot].restore(from: saved.slotStates[slot], observation: observation) } catch {
                throw .checkpoint(path: path, reason: "training slot \(slot) cannot continue its saved episode: \(error)")
            }
            let savedRow = saved.nextObservations[(slot * observationSize)..<(slot * observationSize + slotObservationSize)]
            if let column = (0..<slotObservationSize).first(where: { savedRow[savedRow.startIndex + $0].bitPattern != observation[$0].bitPattern }) {
                throw .checkpoint(path: path, reason: "training slot \(slot) restored observation value \(column) as \(observation[column]) "
                    + "but the checkpoint holds \(savedRow[savedRow.startIndex + column]); the simulation differs from the one that wrote it")
            }
        }
        for slot in 0..<evaluationSlots.count {
            do { try evaluationSlots[slot].restore(from: saved.evaluationSlotStates[slot], observation: observation) } catch {
                throw .checkpoint(path: path, reason: "evaluation slot \(slot) cannot continue its saved state: \(error)")
            }
        }
        _ = nextObservations.update(fromContentsOf: saved.nextObservations)
        _ = nextDones.update(fromContentsOf: saved.nextDones)
        for slot in 0..<slots.count {
            slotTasks[slot] = saved.slotTasks[slot]
            slotHeads[slot] = Int32(head(of: Int(saved.slotTasks[slot])))
        }
        episodeReturns = saved.episodeReturns
        episodeSuccesses = saved.episodeSuccesses
        episodeLengths = saved.episodeLengths
        sampler = saved.sampler
        iteration = saved.iteration
        globalStep = saved.globalStep
    }
}
