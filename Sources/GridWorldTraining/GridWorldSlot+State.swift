import GridWorld
import Trainer
import RandomStreams

extension GridWorldSlot {
    /// The slot's state as arrays: `task`, `invalid_action_count`, and per task world
    /// `agent_cells` (row-major cell index), `steps_taken`, `episode_done` (0 or 1) and
    /// `slip_generators` (the SplitMix64 state as a bit pattern).
    public func checkpointState() throws -> SlotState {
        let states = worlds.map(\.state)
        return SlotState(integers: [
            "task": [Int64(task)],
            "invalid_action_count": [Int64(invalidActionCount)],
            "agent_cells": states.map { Int64($0.agent.index) },
            "steps_taken": states.map { Int64($0.stepsTaken) },
            "episode_done": states.map { $0.isDone ? 1 : 0 },
            "slip_generators": states.map { Int64(bitPattern: $0.generatorState) },
        ])
    }

    public mutating func restore(from state: SlotState, observation: UnsafeMutableBufferPointer<Float>) throws {
        let count = worlds.count
        let task = Int(try state.integer("task"))
        guard worlds.indices.contains(task) else { throw SlotStateError.invalid(name: "task", reason: "task \(task) is not one of 0..<\(count)") }
        let invalidActions = try state.integer("invalid_action_count")
        guard invalidActions >= 0 else { throw SlotStateError.invalid(name: "invalid_action_count", reason: "\(invalidActions) is negative") }
        let cells = try state.integers("agent_cells", count: count), steps = try state.integers("steps_taken", count: count)
        let done = try state.integers("episode_done", count: count), generators = try state.integers("slip_generators", count: count)
        var restored = worlds
        for index in restored.indices {
            let cell = Int(cells[index])
            guard (0..<GridTask.cellCount).contains(cell) else {
                throw SlotStateError.invalid(name: "agent_cells", reason: "cell \(cell) is not one of 0..<\(GridTask.cellCount)")
            }
            try restored[index].restore(GridWorld.State(
                agent: GridCell(row: cell / GridTask.columns, column: cell % GridTask.columns), stepsTaken: Int(steps[index]),
                isDone: done[index] != 0, generatorState: UInt64(bitPattern: generators[index])))
        }
        try writeObservation(observation, agent: restored[task].agent)
        worlds = restored
        self.task = task
        invalidActionCount = Int(invalidActions)
    }
}
