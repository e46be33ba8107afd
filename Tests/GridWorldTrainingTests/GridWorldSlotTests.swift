import Testing
import GridWorld
import Trainer
@testable import GridWorldTraining

@Suite struct GridWorldSlotTests {
    @Test func observationIsTheAgentCellOneHot() throws {
        var slot = try GridWorldSlot()
        var observation = [Float](repeating: 7, count: 25)
        try observation.withUnsafeMutableBufferPointer { try slot.reset(task: 3, observation: $0) }
        #expect(observation.reduce(0, +) == 1)
        #expect(observation[GridCell(row: 4, column: 0).index] == 1)
        // Up: argmax of (1, 0, 0, 0).
        let up: [Float] = [1, 0, 0, 0]
        let result = try observation.withUnsafeMutableBufferPointer { obs in
            try up.withUnsafeBufferPointer { try slot.step(action: $0, observation: obs) }
        }
        #expect(observation[GridCell(row: 3, column: 0).index] == 1 && observation.reduce(0, +) == 1)
        #expect(result == SlotStep(reward: 0, success: false, terminated: false, truncated: false))
    }

    @Test func optimalPathSucceedsOnEveryTask() throws {
        var slot = try GridWorldSlot()
        var observation = [Float](repeating: 0, count: 25)
        for task in 0..<4 {
            try observation.withUnsafeMutableBufferPointer { try slot.reset(task: task, observation: $0) }
            let path = try #require(GridTask.standard(task).shortestPath())
            var last = SlotStep(reward: 0, success: false, terminated: false, truncated: false)
            for move in path {
                var action = [Float](repeating: -1, count: 4)
                action[move.rawValue] = 0.5
                last = try observation.withUnsafeMutableBufferPointer { obs in
                    try action.withUnsafeBufferPointer { try slot.step(action: $0, observation: obs) }
                }
            }
            #expect(last == SlotStep(reward: 1, success: true, terminated: true, truncated: false))
            #expect(observation[GridCell(row: 4, column: 4).index] == 1)
        }
    }

    @Test func allNaNActionMovesUpAndIsCounted() throws {
        var slot = try GridWorldSlot()
        var observation = [Float](repeating: 0, count: 25)
        try observation.withUnsafeMutableBufferPointer { try slot.reset(task: 0, observation: $0) }
        let nan = [Float](repeating: .nan, count: 4)
        _ = try observation.withUnsafeMutableBufferPointer { obs in
            try nan.withUnsafeBufferPointer { try slot.step(action: $0, observation: obs) }
        }
        #expect(slot.invalidActionCount == 1)
        #expect(observation[GridCell(row: 3, column: 0).index] == 1)
    }

    @Test func refusesUnknownTaskAndWrongBuffer() throws {
        var slot = try GridWorldSlot()
        var small = [Float](repeating: 0, count: 24)
        var right = [Float](repeating: 0, count: 25)
        #expect(throws: GridWorldError.self) { try right.withUnsafeMutableBufferPointer { try slot.reset(task: 4, observation: $0) } }
        #expect(throws: GridWorldError.self) { try small.withUnsafeMutableBufferPointer { try slot.reset(task: 0, observation: $0) } }
    }
}
