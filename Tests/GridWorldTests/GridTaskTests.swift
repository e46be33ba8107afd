import Testing
@testable import GridWorld

@Suite struct GridTaskTests {
    @Test func wallsGrowWithTheTaskIndexFromNoWall() {
        #expect(GridTask.standardSuite.map(\.wallLength) == [0, 1, 2, 3])
        #expect(GridTask.standardSuite.map(\.index) == [0, 1, 2, 3])
        #expect(GridTask.standardSuite[0].wallCells.isEmpty)
        #expect(GridTask.standardSuite[3].wallCells == [
            GridCell(row: 2, column: 2), GridCell(row: 3, column: 2), GridCell(row: 4, column: 2),
        ])
        for task in GridTask.standardSuite {
            #expect(task.wallCells.count == task.wallLength)
            #expect(!task.isWall(task.start) && !task.isWall(task.goal))
        }
    }

    @Test func optimalPathLengthsIncreaseWithTheTaskIndex() throws {
        let lengths = GridTask.standardSuite.map(\.optimalPathLength)
        #expect(lengths == [4, 6, 8, 10])
        let known = lengths.compactMap { $0 }
        #expect(zip(known, known.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func everyTaskIsSolvableWithinTheHorizonByFollowingItsShortestPath() throws {
        for task in GridTask.standardSuite {
            let path = try #require(task.shortestPath())
            #expect(path.count <= GridWorld.horizonSteps)
            var world = try GridWorld(taskIndex: task.index)
            var total = 0.0
            for (number, action) in path.enumerated() {
                let step = try world.step(action: action.rawValue)
                total += step.reward
                #expect(step.terminated == (number == path.count - 1), "task \(task.index) step \(number)")
                #expect(!step.truncated)
            }
            #expect(total == 1 && world.agent == task.goal && world.isDone)
        }
    }

    @Test func shortestPathsNeverEnterWalls() throws {
        for task in GridTask.standardSuite {
            var cell = task.start
            for action in try #require(task.shortestPath()) {
                let next = cell.moved(action)
                #expect(next.isOnGrid && !task.isWall(next), "task \(task.index) enters \(next)")
                cell = next
            }
        }
    }

    @Test func movesIntoWallsOrOffTheGridStayPut() throws {
        let task = try GridTask.standard(3)
        let besideWall = GridCell(row: 4, column: 1)
        #expect(task.destination(from: besideWall, .right) == besideWall)
        #expect(task.destination(from: GridCell(row: 3, column: 3), .left) == GridCell(row: 3, column: 3))
        #expect(task.destination(from: GridCell(row: 1, column: 1), .right) == GridCell(row: 1, column: 2))
        #expect(task.destination(from: task.start, .left) == task.start)
        #expect(task.destination(from: task.start, .down) == task.start)
        #expect(task.destination(from: GridCell(row: 0, column: 4), .up) == GridCell(row: 0, column: 4))
        #expect(!task.isWall(GridCell(row: 5, column: 2)))
    }

    @Test func unknownTaskIdsAreRejected() {
        #expect(throws: GridWorldError.unknownTask(index: 4, taskCount: 4)) { try GridTask.standard(4) }
        #expect(throws: GridWorldError.unknownTask(index: -1, taskCount: 4)) { try GridWorld(taskIndex: -1) }
        #expect(GridWorldError.unknownTask(index: 4, taskCount: 4).description.contains("valid task ids are 0...3"))
    }
}
