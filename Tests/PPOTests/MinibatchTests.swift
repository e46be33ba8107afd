import Testing
import PPO

@Suite struct MinibatchTests {
    @Test func gathersRowsGroupedByTaskAndNormalisesAdvantages() throws {
        let buffer = try RolloutBuffer(numSteps: 4, numEnvs: 2, observationSize: 2, actionSize: 1)
        for row in 0..<8 {
            buffer.tasks[row] = Int32(row % 3)
            buffer.observations[row, 0] = Float(row)
            buffer.advantages.pointer[row] = Float(row * row)
            buffer.returns.pointer[row] = Float(-row)
        }
        let minibatch = Minibatch(capacity: 5, observationSize: 2, actionSize: 1, taskCount: 3)
        let indices = [7, 2, 4, 0, 5]
        try minibatch.gather(from: buffer, indices: indices, count: 5, normalizeAdvantages: true)
        // Tasks of rows 7, 2, 4, 0, 5 are 1, 2, 1, 0, 2; grouped stably: 0 | 7, 4 | 2, 5.
        #expect((0..<5).map { minibatch.observations[$0, 0] } == [0, 7, 4, 2, 5])
        #expect((0..<5).map { minibatch.tasks[$0] } == [0, 1, 1, 2, 2])
        #expect((0..<5).map { minibatch.returns.pointer[$0] } == [0, -7, -4, -2, -5])
        let a = (0..<5).map { Double(minibatch.advantages.pointer[$0]) }
        let mean = a.reduce(0, +) / 5
        let std = (a.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4).squareRoot()
        #expect(abs(mean) < 1e-6 && abs(std - 1) < 1e-5)
        #expect(a[0] < a[3] && a[3] < a[2])   // 0 < 4 < 16 keeps its order
    }

    @Test func singleRowAndConstantAdvantagesStayFinite() throws {
        let buffer = try RolloutBuffer(numSteps: 2, numEnvs: 1, observationSize: 1, actionSize: 1)
        buffer.advantages.fill(3)
        let minibatch = Minibatch(capacity: 2, observationSize: 1, actionSize: 1, taskCount: 1)
        try minibatch.gather(from: buffer, indices: [1], count: 1, normalizeAdvantages: true)
        #expect(minibatch.advantages.pointer[0] == 0)
        try minibatch.gather(from: buffer, indices: [0, 1], count: 2, normalizeAdvantages: true)
        #expect(minibatch.advantages.pointer[0] == 0 && minibatch.advantages.pointer[1] == 0)
    }
}
