import Foundation
import PPO
import SafeTensors
import Samplers

/// A trainer checkpoint's state, read and checked against the trainer it is for: everything a
/// restore sets, decoded before anything changes. The agent's part is checked here for presence,
/// dtype and shape, and read by `PPOAgent.restore`.
struct TrainerCheckpointContents {
    var sampler: TaskSampler
    var iteration: Int
    var globalStep: Int
    var nextObservations: [Float]
    var nextDones: [Float]
    var slotTasks: [Int32]
    var episodeReturns: [Double]
    var episodeSuccesses: [Bool]
    var episodeLengths: [Int]
    var slotStates: [SlotState]
    var evaluationSlotStates: [SlotState]

    /// Reads `file` for `trainer`. `reference` is the trainer's own current checkpoint: every
    /// tensor and metadata key it has must be in `file` with the same dtype and (except slot
    /// state arrays, whose lengths the slots check) the same shape.
    init<Slot>(_ file: SafeTensorsFile, trainer: Trainer<Slot>, reference: SafeTensorsFile, path: String) throws(TrainerError) {
        func fail(_ reason: String) -> TrainerError { .checkpoint(path: path, reason: reason) }
        typealias Keys = TrainerCheckpoint.MetadataKey
        typealias Names = TrainerCheckpoint.TensorName
        let metadata = file.metadata

        guard metadata[Keys.format] == TrainerCheckpoint.formatName else {
            let found = metadata[Keys.format].map { "'\($0)'" } ?? "none"
            let hint = metadata["format"] == "drats-ppo" ? "; it is a PPO agent checkpoint (policy and optimiser only), which cannot resume a run" : ""
            throw fail("it is not a drats trainer checkpoint (\(Keys.format) \(found))\(hint)")
        }
        guard metadata[Keys.formatVersion] == TrainerCheckpoint.formatVersion else {
            throw fail("\(Keys.formatVersion) \(metadata[Keys.formatVersion] ?? "none") is not supported; this build reads version \(TrainerCheckpoint.formatVersion)")
        }
        // Another learner's checkpoint is refused by name before the hash, which would also differ.
        if let mismatch = PPOCheckpoint.learnerMismatch(metadata: metadata, config: trainer.config.ppo) { throw fail(mismatch) }
        guard let hash = metadata[Keys.configHash] else { throw fail("metadata key '\(Keys.configHash)' is missing") }
        let runHash = trainer.config.learningConfigHash
        guard hash == runHash else { throw .checkpointConfigMismatch(path: path, checkpointHash: hash, runHash: runHash) }
        for key in reference.metadata.keys.sorted() where metadata[key] == nil {
            throw fail("metadata key '\(key)' is missing")
        }

        let decoder = JSONDecoder()
        guard let names = try? decoder.decode([String].self, from: Data(metadata[Keys.taskNames]!.utf8)) else {
            throw fail("metadata '\(Keys.taskNames)' is not a JSON array of strings")
        }
        guard names == trainer.taskNames else {
            throw fail("it was written for tasks \(names) but this run has tasks \(trainer.taskNames)")
        }
        do {
            sampler = try decoder.decode(TaskSampler.self, from: Data(metadata[Keys.samplerState]!.utf8))
        } catch { throw fail("metadata '\(Keys.samplerState)' is not a valid sampler state: \(error)") }
        guard sampler.config == trainer.sampler.config, sampler.taskCount == trainer.taskCount else {
            throw fail("metadata '\(Keys.samplerState)' holds a sampler over \(sampler.taskCount) tasks with another config than this run's")
        }
        guard let iteration = Int(metadata[Keys.iteration]!), iteration >= 0,
              let globalStep = Int(metadata[Keys.globalStep]!), globalStep >= 0 else {
            throw fail("metadata '\(Keys.iteration)' and '\(Keys.globalStep)' must be whole numbers, 0 or more; found "
                + "'\(metadata[Keys.iteration]!)' and '\(metadata[Keys.globalStep]!)'")
        }
        self.iteration = iteration
        self.globalStep = globalStep

        // Every tensor the trainer would write, with its dtype and shape (slot arrays: dtype only).
        let slotArrayPrefixes = ["trainer.slots.", "trainer.evaluation_slots."]
        for (name, expected) in reference.tensors.sorted(by: { $0.key < $1.key }) {
            guard let tensor = file.tensors[name] else { throw fail("tensor '\(name)' is missing") }
            guard tensor.dtype == expected.dtype else {
                throw fail("tensor '\(name)' is \(tensor.dtype.rawValue); it must be \(expected.dtype.rawValue)")
            }
            let isSlotArray = slotArrayPrefixes.contains { name.hasPrefix($0) }
            guard isSlotArray ? tensor.shape.count == 1 : tensor.shape == expected.shape else {
                throw fail("tensor '\(name)' has shape \(tensor.shape); it must be \(isSlotArray ? "one-dimensional" : "\(expected.shape)")")
            }
        }
        func values<T: TensorElement>(_ name: String, as type: T.Type) throws(TrainerError) -> [T] {
            do { return try file.tensors[name]!.values(as: type) } catch { throw fail("tensor '\(name)' cannot be read: \(error)") }
        }
        nextObservations = try values(Names.nextObservations, as: Float.self)
        nextDones = try values(Names.nextDones, as: Float.self)
        slotTasks = try values(Names.slotTasks, as: Int32.self)
        episodeReturns = try values(Names.episodeReturns, as: Double.self)
        episodeLengths = try values(Names.episodeLengths, as: Int64.self).map { Int($0) }
        let successes = try values(Names.episodeSuccesses, as: UInt8.self)
        episodeSuccesses = successes.map { $0 == 1 }

        for (slot, task) in slotTasks.enumerated() {
            guard (0..<trainer.taskCount).contains(Int(task)) else {
                throw fail("tensor '\(Names.slotTasks)' gives slot \(slot) task \(task); tasks are 0..<\(trainer.taskCount)")
            }
            let oneHot = nextObservations[(slot * trainer.observationSize + trainer.slotObservationSize)..<((slot + 1) * trainer.observationSize)]
            guard oneHot.enumerated().allSatisfy({ $0.element == ($0.offset == Int(task) ? 1 : 0) }) else {
                throw fail("tensor '\(Names.nextObservations)' row \(slot) does not end in the one-hot id of its task \(task)")
            }
        }
        if let bad = nextDones.firstIndex(where: { $0 != 0 && $0 != 1 }) {
            throw fail("tensor '\(Names.nextDones)' holds \(nextDones[bad]) at slot \(bad); entries are 0 or 1")
        }
        if let bad = successes.firstIndex(where: { $0 > 1 }) {
            throw fail("tensor '\(Names.episodeSuccesses)' holds \(successes[bad]) at slot \(bad); entries are 0 or 1")
        }
        if let bad = episodeLengths.firstIndex(where: { $0 < 0 }) {
            throw fail("tensor '\(Names.episodeLengths)' holds \(episodeLengths[bad]) at slot \(bad); lengths are 0 or more")
        }
        if let bad = episodeReturns.firstIndex(where: { !$0.isFinite }) {
            throw fail("tensor '\(Names.episodeReturns)' holds \(episodeReturns[bad]) at slot \(bad); returns are finite")
        }

        func slotState(prefix: String) throws(TrainerError) -> SlotState {
            var state = SlotState()
            for (name, expected) in reference.tensors where name.hasPrefix(prefix) {
                let arrayName = String(name.dropFirst(prefix.count))
                switch expected.dtype {
                case .i64: state.integers[arrayName] = try values(name, as: Int64.self)
                case .f32: state.floats[arrayName] = try values(name, as: Float.self)
                default: throw fail("tensor '\(name)' is \(expected.dtype.rawValue); slot state arrays are I64 or F32")
                }
            }
            return state
        }
        for (kind, prefix, count) in [("training", Names.slotPrefix(trainer.slots.count), trainer.slots.count),
                                      ("evaluation", Names.evaluationSlotPrefix(trainer.evaluationSlots.count), trainer.evaluationSlots.count)]
        where file.tensors.keys.contains(where: { $0.hasPrefix(prefix) }) {
            throw fail("it holds the state of more \(kind) slots than this run's \(count) (tensors '\(prefix)...'); build the run with as many slots as the one that wrote it")
        }
        slotStates = try (0..<trainer.slots.count).map { (slot) throws(TrainerError) in try slotState(prefix: Names.slotPrefix(slot)) }
        evaluationSlotStates = try (0..<trainer.evaluationSlots.count).map { (slot) throws(TrainerError) in
            try slotState(prefix: Names.evaluationSlotPrefix(slot))
        }
    }
}
