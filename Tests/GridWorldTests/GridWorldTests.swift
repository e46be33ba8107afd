import Testing
@testable import GridWorld
import RandomStreams

@Suite struct GridWorldTests {
    func observation(_ world: GridWorld) throws -> [Float] {
        var values = [Float](repeating: -1, count: GridWorld.observationSize)
        try values.withUnsafeMutableBufferPointer { try world.writeObservation(into: $0) }
        return values
    }

    @Test func observationIsCellOneHotThenTaskOneHot() throws {
        #expect(GridWorld.observationSize == 29)
        var world = try GridWorld(taskIndex: 2)
        var values = try observation(world)
        #expect(values.filter { $0 != 0 } == [1, 1])
        #expect(values[20] == 1)  // start (row 4, column 0) -> 4 * 5 + 0
        #expect(values[25 + 2] == 1)
        _ = try world.step(action: GridAction.up.rawValue)
        values = try observation(world)
        #expect(values[15] == 1 && values[20] == 0 && values[27] == 1)

        var doubles = [Double](repeating: 7, count: 29)
        try doubles.withUnsafeMutableBufferPointer { try world.writeObservation(into: $0) }
        #expect(doubles.map(Float.init) == values)
    }

    @Test func observationBufferOfTheWrongSizeIsRejected() throws {
        let world = try GridWorld(taskIndex: 0)
        var short = [Float](repeating: 0, count: 28)
        #expect(throws: GridWorldError.observationBufferSize(expected: 29, actual: 28)) {
            try short.withUnsafeMutableBufferPointer { try world.writeObservation(into: $0) }
        }
    }

    @Test func wallsBlockTheAgent() throws {
        var world = try GridWorld(taskIndex: 1)
        _ = try world.step(action: GridAction.right.rawValue)
        #expect(world.agent == GridCell(row: 4, column: 1))
        let blocked = try world.step(action: GridAction.right.rawValue)
        #expect(world.agent == GridCell(row: 4, column: 1))
        #expect(blocked.reward == 0 && !blocked.terminated)
        // Task 0 has no wall: the same moves pass through column 2.
        var open = try GridWorld(taskIndex: 0)
        _ = try open.step(action: 1)
        _ = try open.step(action: 1)
        #expect(open.agent == GridCell(row: 4, column: 2))
    }

    @Test func horizonTruncatesAfterFifteenSteps() throws {
        var world = try GridWorld(taskIndex: 0)
        for number in 1...GridWorld.horizonSteps {
            let step = try world.step(action: GridAction.left.rawValue)
            #expect(step.reward == 0 && !step.terminated)
            #expect(step.truncated == (number == 15))
        }
        #expect(world.isDone && world.stepsTaken == 15)
        #expect(throws: GridWorldError.episodeOver(stepsTaken: 15)) { try world.step(action: 0) }
        world.reset()
        #expect(world.agent == world.task.start && world.stepsTaken == 0 && !world.isDone)
        #expect(try world.step(action: 0).reward == 0)
    }

    @Test func goalGivesRewardOneAndEndsTheEpisodeEvenOnTheLastStep() throws {
        var world = try GridWorld(taskIndex: 3)
        // Waste 5 steps against the left edge, then take the 10-step shortest path: the goal on step 15.
        for _ in 0..<5 { _ = try world.step(action: GridAction.left.rawValue) }
        let path = try #require(world.task.shortestPath())
        var last: GridStep?
        for action in path { last = try world.step(action: action.rawValue) }
        #expect(world.stepsTaken == 15)
        #expect(last == GridStep(reward: 1, terminated: true, truncated: false, actionTaken: path.last!))
        #expect(throws: GridWorldError.episodeOver(stepsTaken: 15)) { try world.step(action: 2) }
    }

    @Test func invalidActionsAndSlipProbabilitiesAreRejected() throws {
        var world = try GridWorld(taskIndex: 0)
        #expect(throws: GridWorldError.invalidAction(4)) { try world.step(action: 4) }
        #expect(throws: GridWorldError.invalidAction(-1)) { try world.step(action: -1) }
        #expect(world.stepsTaken == 0)
        #expect(throws: GridWorldError.invalidSlipProbability(1.5)) { try GridWorld(taskIndex: 0, slipProbability: 1.5) }
        #expect(throws: (any Error).self) { try GridWorld(taskIndex: 0, slipProbability: .nan) }
    }

    /// The sequence of cells visited over `episodes` episodes of a fixed action cycle.
    func trajectory(seed: UInt64, slip: Double, episodes: Int = 20) throws -> [Int] {
        var world = try GridWorld(taskIndex: 2, slipProbability: slip, seed: seed)
        var cells: [Int] = []
        for _ in 0..<episodes {
            world.reset()
            var number = 0
            while !world.isDone {
                _ = try world.step(action: [0, 1, 1, 2][number % 4])
                cells.append(world.agent.index)
                number += 1
            }
        }
        return cells
    }

    @Test func slippingIsDeterministicUnderASeed() throws {
        #expect(try trajectory(seed: 11, slip: 0.3) == trajectory(seed: 11, slip: 0.3))
        #expect(try trajectory(seed: 11, slip: 0.3) != trajectory(seed: 12, slip: 0.3))
        // Without slip the seed is irrelevant and every move is exact.
        #expect(try trajectory(seed: 11, slip: 0) == trajectory(seed: 12, slip: 0))
        var world = try GridWorld(taskIndex: 2, slipProbability: 1, seed: 5)
        var slipped = 0
        for _ in 0..<15 where try world.step(action: 1).actionTaken != .right { slipped += 1 }
        #expect(slipped > 0)
    }

    @Test func continuousActionVectorsMapByArgmax() {
        func map(_ values: [Float]) -> Int? { values.withUnsafeBufferPointer { GridAction.argmax($0) } }
        #expect(map([0.1, -2, 3.5, 0]) == 2)
        #expect(map([1, 1, 0, 0]) == 0)
        #expect(map([.nan, -5, .nan, -6]) == 1)
        #expect(map([.nan, .nan, .nan, .nan]) == nil)
        #expect(map([]) == nil)
        #expect(map([1, 2, 3]) == nil && map([1, 2, 3, 4, 5]) == nil)
        #expect(map([-.infinity, -.infinity, -.infinity, -.infinity]) == 0)
        let doubles: [Double] = [0, 0, 0, 9]
        #expect(doubles.withUnsafeBufferPointer { GridAction.argmax($0) } == 3)
    }

    /// Exact probability that a uniform-random policy reaches the goal within the horizon,
    /// propagated over the task's own move rule.
    func randomPolicySuccess(_ task: GridTask) -> Double {
        var occupancy = [Double](repeating: 0, count: GridTask.cellCount)
        occupancy[task.start.index] = 1
        var success = 0.0
        for _ in 0..<GridWorld.horizonSteps {
            var next = [Double](repeating: 0, count: GridTask.cellCount)
            for index in 0..<GridTask.cellCount where occupancy[index] > 0 {
                for action in GridAction.allCases {
                    let cell = task.destination(from: GridCell(row: index / 5, column: index % 5), action)
                    if cell == task.goal { success += occupancy[index] / 4 } else { next[cell.index] += occupancy[index] / 4 }
                }
            }
            occupancy = next
        }
        return success
    }

    @Test func aRandomPolicySolvesEasyTasksMoreOftenThanHardOnes() throws {
        let success = GridTask.standardSuite.map(randomPolicySuccess)
        // About 11%, 3.8%, 0.68% and 0.071%: each wall cell makes the task 3 to 10 times harder.
        #expect(zip(success, success.dropFirst()).allSatisfy { $0 > 2.5 * $1 }, "\(success)")
        #expect(abs(success[0] - 0.1119) < 0.0001 && abs(success[3] - 0.000707) < 0.000001, "\(success)")

        // The environment agrees with the exact figure for the easiest task: seeded random episodes.
        var random = SplitMix64(seed: 2024)
        var world = try GridWorld(taskIndex: 0)
        var reached = 0
        for _ in 0..<4000 {
            world.reset()
            var reward = 0.0
            while !world.isDone { reward += try world.step(action: Int(random.next() % 4)).reward }
            if reward == 1 { reached += 1 }
        }
        #expect(abs(Double(reached) / 4000 - success[0]) < 0.02, "\(reached) of 4000")
    }
}
