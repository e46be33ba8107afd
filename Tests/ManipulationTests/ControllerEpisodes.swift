import Testing
@testable import Manipulation

/// Runs a task's scripted controller over a suite's fixed layouts, for the controller tests.
enum ControllerEpisodes {
    /// Successful episodes of the task's controller over the 50 layouts of `suiteSeed`.
    static func successes(_ task: String, suiteSeed: UInt64) throws -> Int {
        LayoutTable.layoutsPerTask - (try failedLayouts(task, suiteSeed: suiteSeed).count)
    }

    /// The layouts of `suiteSeed` whose episode the task's controller does not solve before the
    /// episode is truncated; also expects no caught physics fault along the way. `afterStep`
    /// sees the environment after every step, for checks of a task's own (a wall that must hold).
    static func failedLayouts(_ task: String, suiteSeed: UInt64,
                              afterStep: (ManipulationEnvironment, Int) -> Void = { _, _ in }) throws -> [Int] {
        let env = try ManipulationEnvironment(task: task, suiteSeed: suiteSeed)
        let controller = try #require(scriptedController(for: task))
        let observation = UnsafeMutableBufferPointer<Double>.allocate(capacity: 39)
        defer { observation.deallocate() }
        var failed: [Int] = []
        for layout in 0..<LayoutTable.layoutsPerTask {
            try env.reset(layoutIndex: layout)
            var succeeded = false
            while !succeeded {
                env.copyObservation(into: observation)
                let outcome = try env.step(controller.action(for: UnsafeBufferPointer(observation)))
                succeeded = outcome.success
                afterStep(env, layout)
                if outcome.truncated { break }
            }
            if !succeeded { failed.append(layout) }
        }
        #expect(env.faultCount == 0)
        return failed
    }
}
