import Testing
import GridWorld
import Trainer
@testable import GridWorldTraining

/// A grid-world slot restored from its saved state continues its episode and its slip draws
/// exactly; impossible states are refused and leave the slot as it was.
@Suite struct GridWorldSlotStateTests {
    static func step(_ slot: inout GridWorldSlot, _ move: Int, _ observation: inout [Float]) throws -> SlotStep {
        var action = [Float](repeating: 0, count: 4)
        action[move] = 1
        return try observation.withUnsafeMutableBufferPointer { obs in try action.withUnsafeBufferPointer { try slot.step(action: $0, observation: obs) } }
    }

    @Test func restoredSlotContinuesExactly() throws {
        var original = try GridWorldSlot(slipProbability: 0.5, seed: 3)
        var observation = [Float](repeating: 0, count: 25)
        try observation.withUnsafeMutableBufferPointer { try original.reset(task: 2, observation: $0) }
        for move in [0, 1, 0, 3] { _ = try Self.step(&original, move, &observation) }
        let state = try original.checkpointState()

        var copy = try GridWorldSlot(slipProbability: 0.5, seed: 77)
        var restored = [Float](repeating: 9, count: 25)
        try restored.withUnsafeMutableBufferPointer { try copy.restore(from: state, observation: $0) }
        #expect(restored == observation)
        #expect(try copy.checkpointState() == state)
        var stepsA: [SlotStep] = [], stepsB: [SlotStep] = []
        for move in [1, 1, 0, 2, 3, 0, 1, 1, 0, 0, 2, 1] {
            stepsA.append(try Self.step(&original, move, &observation))
            stepsB.append(try Self.step(&copy, move, &restored))
            #expect(restored == observation)
            if stepsA.last!.episodeEnded { break }
        }
        #expect(stepsA == stepsB)
    }

    @Test func impossibleStatesAreRefusedAndLeaveTheSlotUnchanged() throws {
        var slot = try GridWorldSlot(slipProbability: 0.2, seed: 1)
        var observation = [Float](repeating: 0, count: 25)
        try observation.withUnsafeMutableBufferPointer { try slot.reset(task: 3, observation: $0) }
        let state = try slot.checkpointState()
        var wall = state
        wall.integers["agent_cells"]![3] = Int64(GridTask.standardSuite[3].wallCells[0].index)
        var offGrid = state
        offGrid.integers["agent_cells"]![0] = 25
        var badTask = state
        badTask.integers["task"] = [4]
        var shortSteps = state
        shortSteps.integers["steps_taken"] = [0]
        for (name, broken) in [("wall", wall), ("agent_cells", offGrid), ("task", badTask), ("steps_taken", shortSteps)] {
            #expect { try observation.withUnsafeMutableBufferPointer { try slot.restore(from: broken, observation: $0) } } throws: { error in
                String(describing: error).contains(name)
            }
            #expect(try slot.checkpointState() == state)
        }
    }
}
