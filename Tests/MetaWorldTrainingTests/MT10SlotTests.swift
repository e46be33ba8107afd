import TaskRewards
import MallocCounter
import Manipulation
import Physics
import Testing
import Trainer
@testable import MetaWorldTraining

/// The slot contract on the real simulation: float32 observations equal to the environment's,
/// allocation-free steps, layouts by episode in evaluation, truncation at 500 steps, faults and
/// broken actions counted rather than fatal, and misuse reported.
@Suite struct MT10SlotTests {
    static let tasks = Array(TaskCatalog.names.prefix(3))

    static func observation() -> UnsafeMutableBufferPointer<Float> {
        let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: MT10Slot.observationCount)
        buffer.initialize(repeating: .nan)
        return buffer
    }

    @Test func resetSwitchesTaskAndWritesTheEnvironmentsObservationAsFloat() throws {
        let slot = try MT10Slot(taskNames: Self.tasks, seed: 1)
        let observation = Self.observation()
        defer { observation.deallocate() }
        #expect(slot.taskCount == Self.tasks.count && slot.observationSize == 39 && slot.actionSize == 4)
        for task in Self.tasks.indices.reversed() {
            try slot.reset(task: task, observation: observation)
            #expect(slot.task == task)
            #expect(Array(observation) == slot.environments[task].observation.map { Float($0) })
        }
        let action: [Float] = [0.3, -0.2, 0.1, 1]
        let result = try action.withUnsafeBufferPointer { try slot.step(action: $0, observation: observation) }
        #expect(Array(observation) == slot.environments[0].observation.map { Float($0) })
        #expect(result.reward >= 0 && result.reward <= 10 && !result.terminated && !result.truncated)
    }

    @Test func randomLayoutModeDrawsFreshLayoutsButEvaluationKeepsTheFixedOnes() throws {
        let slot = try MT10Slot(taskNames: Self.tasks, layoutMode: .random, seed: 9)
        let observation = Self.observation()
        defer { observation.deallocate() }
        try slot.reset(task: 1, observation: observation)
        let environment = slot.environments[1]
        #expect(environment.layoutIndex == nil && !environment.layouts.layouts.contains(environment.layout))
        try slot.resetForEvaluation(task: 1, episode: 12, observation: observation)
        #expect(environment.layoutIndex == 12 && environment.layout == environment.layouts.layouts[12])
    }

    /// ODE grows its step arena the first time an episode needs more contact rows, so the
    /// first pass over an episode may allocate; replaying the same episode must not.
    @Test func stepAllocatesNothingOnceTheSimulationIsWarm() throws {
        let slot = try MT10Slot(taskNames: Self.tasks, seed: 2)
        let observation = Self.observation()
        defer { observation.deallocate() }
        let action: [Float] = [0.5, 0.5, -0.5, -1]
        var allocations: [Int64] = []
        try action.withUnsafeBufferPointer { action in
            for _ in 0..<2 {
                try slot.resetForEvaluation(task: 1, episode: 7, observation: observation)
                malloc_counter_start()
                for _ in 0..<300 { _ = try slot.step(action: action, observation: observation) }
                allocations.append(malloc_counter_stop())
            }
        }
        #expect(allocations[1] == 0)
    }

    @Test func trainingResetsFollowTheSeedEvaluationResetsTheEpisodeIndex() throws {
        let a = try MT10Slot(taskNames: Self.tasks, seed: 5), b = try MT10Slot(taskNames: Self.tasks, seed: 5)
        let observation = Self.observation()
        defer { observation.deallocate() }
        var layoutsA: [Int?] = [], layoutsB: [Int?] = []
        for _ in 0..<6 {
            try a.reset(task: 2, observation: observation); layoutsA.append(a.environments[2].layoutIndex)
            try b.reset(task: 2, observation: observation); layoutsB.append(b.environments[2].layoutIndex)
        }
        #expect(layoutsA == layoutsB)
        #expect(Set(layoutsA.compactMap { $0 }).count > 1)
        try a.resetForEvaluation(task: 1, episode: 53, observation: observation)
        #expect(a.task == 1 && a.environments[1].layoutIndex == 3)
        try a.resetForEvaluation(task: 1, episode: 0, observation: observation)
        #expect(a.environments[1].layoutIndex == 0)
    }

    /// The scripted reach policy, fed the slot's float32 observation, reaches the goal; the
    /// success flag comes through and does not end the episode.
    @Test func successFlagPassesThroughWithoutEndingTheEpisode() throws {
        let slot = try MT10Slot(taskNames: ["reach-v3"], seed: 8)
        let observation = Self.observation()
        let observationDouble = UnsafeMutableBufferPointer<Double>.allocate(capacity: MT10Slot.observationCount)
        defer { observation.deallocate(); observationDouble.deallocate() }
        try slot.resetForEvaluation(task: 0, episode: 4, observation: observation)
        let controller = try #require(scriptedController(for: "reach-v3"))
        var firstSuccess: Int?
        var action = [Float](repeating: 0, count: 4)
        for step in 1...200 {
            for i in 0..<MT10Slot.observationCount { observationDouble[i] = Double(observation[i]) }
            let command = controller.action(for: UnsafeBufferPointer(observationDouble))
            for i in 0..<4 { action[i] = Float(command[i]) }
            let result = try action.withUnsafeBufferPointer { try slot.step(action: $0, observation: observation) }
            #expect(!result.terminated && !result.truncated)
            if result.success, firstSuccess == nil { firstSuccess = step }
        }
        #expect(firstSuccess != nil)
    }

    @Test func episodesAreTruncatedAtFiveHundredSteps() throws {
        let slot = try MT10Slot(taskNames: ["reach-v3"], seed: 3)
        let observation = Self.observation()
        defer { observation.deallocate() }
        try slot.reset(task: 0, observation: observation)
        let action: [Float] = [0, 0, 0, 0]
        var truncatedAt: [Int] = []
        try action.withUnsafeBufferPointer { action in
            for step in 1...500 where try slot.step(action: action, observation: observation).truncated { truncatedAt.append(step) }
        }
        #expect(truncatedAt == [500])
        #expect(slot.faultCount == 0)
    }

    @Test func physicsFaultEndsTheEpisodeAndIsCounted() throws {
        let slot = try MT10Slot(taskNames: Self.tasks, seed: 4)
        let observation = Self.observation()
        defer { observation.deallocate() }
        try slot.reset(task: 0, observation: observation)
        let environment = slot.environments[0]
        environment.world.setVelocity(angular: SIMD3(.nan, 0, 0), of: environment.arm.hand)
        let action: [Float] = [0, 0, 0, 0]
        let result = try action.withUnsafeBufferPointer { try slot.step(action: $0, observation: observation) }
        #expect(result.truncated && !result.terminated)
        #expect(slot.faultCount == 1)
        #expect(observation.allSatisfy { $0.isFinite })
        try slot.reset(task: 0, observation: observation)
        let next = try action.withUnsafeBufferPointer { try slot.step(action: $0, observation: observation) }
        #expect(!next.truncated && slot.faultCount == 1)
    }

    @Test func nonFiniteActionIsCountedAndPlayedAsZero() throws {
        let slot = try MT10Slot(taskNames: Self.tasks, seed: 6), twin = try MT10Slot(taskNames: Self.tasks, seed: 6)
        let observation = Self.observation(), twinObservation = Self.observation()
        defer { observation.deallocate(); twinObservation.deallocate() }
        try slot.reset(task: 1, observation: observation)
        try twin.reset(task: 1, observation: twinObservation)
        let broken: [Float] = [.nan, 0.5, .infinity, -1], zeroed: [Float] = [0, 0.5, 0, -1]
        let a = try broken.withUnsafeBufferPointer { try slot.step(action: $0, observation: observation) }
        let b = try zeroed.withUnsafeBufferPointer { try twin.step(action: $0, observation: twinObservation) }
        #expect(a == b && Array(observation) == Array(twinObservation))
        #expect(slot.invalidActionCount == 1 && twin.invalidActionCount == 0)
    }

    @Test func misuseIsReportedWithWhatWouldBeValid() throws {
        #expect(throws: MetaWorldTrainingError.self) { try MT10Slot(taskNames: [], seed: 0) }
        #expect(throws: MetaWorldTrainingError.self) { try MT10Slot(taskNames: ["reach-v3", "reach-v3"], seed: 0) }
        do {
            _ = try MT10Slot(taskNames: ["fly-v3"], seed: 0)
            Issue.record("an unknown task was accepted")
        } catch {
            #expect(error.description.contains("fly-v3") && error.description.contains("reach-v3"))
        }
        let slot = try MT10Slot(taskNames: Self.tasks, seed: 0)
        let observation = Self.observation()
        defer { observation.deallocate() }
        #expect(throws: MetaWorldTrainingError.self) { try slot.reset(task: Self.tasks.count, observation: observation) }
        #expect(throws: MetaWorldTrainingError.self) { try slot.reset(task: -1, observation: observation) }
        #expect(throws: MetaWorldTrainingError.self) {
            try slot.reset(task: 0, observation: UnsafeMutableBufferPointer(rebasing: observation[0..<38]))
        }
        try slot.reset(task: 0, observation: observation)
        let short: [Float] = [0, 0, 0]
        #expect(throws: MetaWorldTrainingError.self) { try short.withUnsafeBufferPointer { try slot.step(action: $0, observation: observation) } }
    }
}
