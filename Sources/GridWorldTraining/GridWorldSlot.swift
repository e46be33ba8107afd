import GridWorld
import Trainer

/// The grid-world suite as a trainer slot. One slot holds one `GridWorld` per task and plays
/// whichever task the trainer resets it to.
///
/// - Observation: the 25-value one-hot of the agent's cell (row-major). The grid world's own
///   observation also carries the task one-hot; the trainer appends that itself, so the slot
///   writes only the cell part.
/// - Action: 4 real values from the Gaussian policy, one per move in `GridAction` order
///   (up, right, down, left); the move taken is their argmax (`GridAction.argmax`, ties to the
///   lowest index). A vector with no number in it (all NaN) moves up and is counted in
///   `invalidActionCount`, so a broken policy shows in the figures instead of stopping the run.
/// - Reward 1 on reaching the goal, which is also the success flag and ends the episode
///   (`terminated`); the 15-step horizon truncates.
/// - Checkpoints save every task world's cell, step count and slip generator
///   (`GridWorldSlot+State.swift`).
public struct GridWorldSlot: MultiTaskEnvironmentSlot, Sendable {
    public static let taskNames = GridTask.standardNames

    public var observationSize: Int { GridTask.cellCount }
    public var actionSize: Int { GridWorld.actionCount }
    public var taskCount: Int { worlds.count }
    /// Steps whose action vector held no number.
    public internal(set) var invalidActionCount = 0
    var worlds: [GridWorld]
    var task = 0

    /// A slot over the standard suite; `slipProbability` and `seed` as in `GridWorld`.
    public init(slipProbability: Double = 0, seed: UInt64 = 0) throws(GridWorldError) {
        var worlds: [GridWorld] = []
        for index in GridTask.standardSuite.indices {
            worlds.append(try GridWorld(taskIndex: index, slipProbability: slipProbability, seed: seed &+ UInt64(index)))
        }
        self.worlds = worlds
    }

    public mutating func reset(task: Int, observation: UnsafeMutableBufferPointer<Float>) throws {
        guard worlds.indices.contains(task) else { throw GridWorldError.unknownTask(index: task, taskCount: worlds.count) }
        self.task = task
        worlds[task].reset()
        try writeObservation(observation)
    }

    public mutating func step(action: UnsafeBufferPointer<Float>, observation: UnsafeMutableBufferPointer<Float>) throws -> SlotStep {
        let move: Int
        if let best = GridAction.argmax(action) {
            move = best
        } else {
            move = GridAction.up.rawValue
            invalidActionCount += 1
        }
        let outcome = try worlds[task].step(action: move)
        try writeObservation(observation)
        return SlotStep(reward: outcome.reward, success: outcome.terminated, terminated: outcome.terminated, truncated: outcome.truncated)
    }

    private func writeObservation(_ observation: UnsafeMutableBufferPointer<Float>) throws {
        try writeObservation(observation, agent: worlds[task].agent)
    }

    func writeObservation(_ observation: UnsafeMutableBufferPointer<Float>, agent: GridCell) throws {
        guard observation.count == GridTask.cellCount else {
            throw GridWorldError.observationBufferSize(expected: GridTask.cellCount, actual: observation.count)
        }
        observation.update(repeating: 0)
        observation[agent.index] = 1
    }
}
