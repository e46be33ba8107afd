import WorkerThreads

/// What the slot-stepping pieces step: the training slots, or the active evaluation slots.
enum SteppingPhase {
    case training
    case evaluation(EvaluationStepping)
}

/// The evaluation's per-slot buffers, shared with the worker threads for one step.
struct EvaluationStepping {
    /// [slots, observationSize] observations (slot part, then the task one-hot).
    var observations: UnsafeMutableBufferPointer<Float>
    /// [slots, actionSize] deterministic actions.
    var actions: UnsafeMutableBufferPointer<Float>
    var tasks: UnsafeMutableBufferPointer<Int32>
    /// Slots still playing an episode.
    var active: UnsafeMutableBufferPointer<Bool>
}

/// The trainer's slot stepping as work for its `WorkerPool` (a separate object so the
/// trainer's public interface does not grow the pool's `runPart`).
final class SlotStepping<Slot: MultiTaskEnvironmentSlot>: PartitionedWork {
    unowned(unsafe) let trainer: Trainer<Slot>
    init(trainer: Trainer<Slot>) { self.trainer = trainer }
    func runPart(_ part: Int, of parts: Int) { trainer.stepPart(part, of: parts) }
}

extension Trainer {
    /// Piece `part` of one step: slots `part`, `part + parts`, ... Each slot's stepping reads
    /// its own action row and writes its own observation row, result and error, so the pieces
    /// share nothing and the numbers do not depend on how many threads run them.
    func stepPart(_ part: Int, of parts: Int) {
        switch steppingPhase {
        case .training:
            for slot in stride(from: part, to: slots.count, by: parts) { stepSlot(slot) }
        case .evaluation(let stepping):
            for slot in stride(from: part, to: evaluationSlots.count, by: parts) where stepping.active[slot] {
                stepEvaluationSlot(slot, stepping)
            }
        }
    }

    /// Steps every active evaluation slot (on the worker threads when there are several).
    func stepActiveEvaluationSlots(_ stepping: EvaluationStepping) {
        steppingPhase = .evaluation(stepping)
        if let workerPool {
            workerPool.run(slotStepping)
        } else {
            stepPart(0, of: 1)
        }
        steppingPhase = .training
    }

    private func stepEvaluationSlot(_ slot: Int, _ stepping: EvaluationStepping) {
        let task = Int(stepping.tasks[slot])
        let row = observationRow(stepping.observations, slot)
        do {
            stepResults[slot] = try evaluationSlots[slot].step(
                action: UnsafeBufferPointer(rebasing: stepping.actions[slot * actionSize ..< (slot + 1) * actionSize]),
                observation: UnsafeMutableBufferPointer(rebasing: row[0..<slotObservationSize]))
            stepErrors[slot] = nil
        } catch {
            stepErrors[slot] = .environment(slot: slot, task: task, description: "evaluation: \(error)")
        }
    }
}
