import Networks
import Testing
import PPO
import RandomStreams

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

    /// Two tasks whose advantages differ 1000-fold in scale: per task, each comes out with mean 0
    /// and spread 1 (the authors' formula, checked in Float64 here); globally normalised, the
    /// small task's advantages collapse onto one value, which is what per-task normalisation fixes.
    @Test func perTaskNormalisationGivesEveryTaskZeroMeanAndUnitSpread() throws {
        let buffer = try RolloutBuffer(numSteps: 12, numEnvs: 2, observationSize: 1, actionSize: 1)
        var generator = Xoshiro256(seed: 4)
        for row in 0..<24 {
            let task = Int32(row % 2 == 0 ? 0 : 2)   // task 1 has no rows
            buffer.tasks[row] = task
            let noise = generator.nextGaussian()
            buffer.advantages.pointer[row] = Float(task == 0 ? 2000 + 500 * noise : 0.5 + 0.5 * noise)
        }
        let indices = Array(0..<24)
        let minibatch = Minibatch(capacity: 24, observationSize: 1, actionSize: 1, taskCount: 3)
        try minibatch.gather(from: buffer, indices: indices, count: 24, normalizeAdvantages: true, normalization: .perTask)
        #expect(minibatch.grouping.segment(1).isEmpty)
        for task in [0, 2] {
            let raw = indices.filter { buffer.tasks[$0] == Int32(task) }.map { Double(buffer.advantages.pointer[$0]) }
            let normalised = minibatch.grouping.segment(task).map { Double(minibatch.advantages.pointer[$0]) }
            // The authors' segment_mean / segment_std, by hand.
            let guardedCount = Double(raw.count) + 1e-3
            let mean = raw.reduce(0, +) / guardedCount
            let std = max(raw.map { $0 * $0 }.reduce(0, +) / guardedCount - mean * mean, 0).squareRoot() + 1e-3
            for (value, expected) in zip(normalised, raw.map { ($0 - mean) / std }) { #expect(abs(value - expected) < 1e-4) }
            let m = normalised.reduce(0, +) / Double(normalised.count)
            let spread = (normalised.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(normalised.count)).squareRoot()
            #expect(abs(m) < 1e-3 && abs(spread - 1) < 0.01, "task \(task): mean \(m), std \(spread)")
        }

        try minibatch.gather(from: buffer, indices: indices, count: 24, normalizeAdvantages: true, normalization: .global)
        let small = minibatch.grouping.segment(2).map { Double(minibatch.advantages.pointer[$0]) }
        let smallMean = small.reduce(0, +) / Double(small.count)
        let smallSpread = (small.map { ($0 - smallMean) * ($0 - smallMean) }.reduce(0, +) / Double(small.count)).squareRoot()
        #expect(smallSpread < 0.01 && smallMean < -0.5, "globally, the small task's advantages are one negative value")
    }

    /// A task whose rows all have one advantage stays finite under per-task normalisation: the
    /// count guard leaves each at about sqrt(1e-3 / count), not exactly 0, as in the authors' code.
    @Test func perTaskNormalisationOfConstantAdvantagesStaysFinite() throws {
        let buffer = try RolloutBuffer(numSteps: 3, numEnvs: 1, observationSize: 1, actionSize: 1)
        buffer.advantages.fill(7)
        let minibatch = Minibatch(capacity: 3, observationSize: 1, actionSize: 1, taskCount: 1)
        try minibatch.gather(from: buffer, indices: [0, 1, 2], count: 3, normalizeAdvantages: true, normalization: .perTask)
        #expect((0..<3).allSatisfy { minibatch.advantages.pointer[$0].isFinite && abs(minibatch.advantages.pointer[$0] - Float((1e-3 / 3.0).squareRoot())) < 2e-3 })
    }
}

