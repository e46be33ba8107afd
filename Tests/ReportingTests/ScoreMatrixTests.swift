import RandomStreams
import Testing
@testable import Reporting

@Suite struct ScoreMatrixTests {
    @Test func rowsAreRunsAndColumnsTasks() throws {
        let matrix = try #require(ScoreMatrix(rows: [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]))
        #expect(matrix.runCount == 2 && matrix.taskCount == 3)
        #expect(matrix.score(run: 1, task: 0) == 0.4)
        #expect(matrix.task(2) == [0.3, 0.6])
        #expect(matrix.pooled == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
    }

    @Test func noRunsNoTasksOrRaggedRowsAreNoMatrix() {
        #expect(ScoreMatrix(rows: []) == nil)
        #expect(ScoreMatrix(rows: [[], []]) == nil)
        #expect(ScoreMatrix(rows: [[1, 0], [1]]) == nil)
    }

    @Test func aResampleKeepsEveryScoreInItsTaskAndDrawsRunsPerCell() throws {
        // Each task's scores are distinct from every other task's, so a score out of its column
        // would show.
        let source = try #require(ScoreMatrix(rows: [[0, 10, 20], [1, 11, 21], [2, 12, 22], [3, 13, 23]]))
        var resample = source
        var generator = SplitMix64(seed: 3)
        var mixedRows = false
        for _ in 0..<200 {
            resample.resample(from: source, using: &generator)
            for run in 0..<4 {
                for task in 0..<3 { #expect(source.task(task).contains(resample.score(run: run, task: task))) }
                // Runs drawn per cell: a row may take task 0 from one run and task 1 from another.
                let drawn = (0..<3).map { Int(resample.score(run: run, task: $0)) % 10 }
                if Set(drawn).count > 1 { mixedRows = true }
            }
        }
        #expect(mixedRows)
    }
}
