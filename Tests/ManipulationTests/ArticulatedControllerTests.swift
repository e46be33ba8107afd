import Testing
@testable import Manipulation

/// Our own scripted controllers for the articulated tasks, reading only the observation, on the
/// 50 suite layouts (MetaWorld's own door-open policy reaches about 93%).
@Suite struct ArticulatedControllerTests {
    /// Successful episodes of the task's controller over the 50 layouts of `suiteSeed`.
    static func successes(_ task: String, suiteSeed: UInt64) throws -> Int {
        let env = try ManipulationEnvironment(task: task, suiteSeed: suiteSeed)
        let controller = try #require(scriptedController(for: task))
        let observation = UnsafeMutableBufferPointer<Double>.allocate(capacity: 39)
        defer { observation.deallocate() }
        var count = 0
        for layout in 0..<LayoutTable.layoutsPerTask {
            try env.reset(layoutIndex: layout)
            var succeeded = false
            while !succeeded {
                env.copyObservation(into: observation)
                let outcome = try env.step(controller.action(for: UnsafeBufferPointer(observation)))
                succeeded = outcome.success
                if outcome.truncated { break }
            }
            if succeeded { count += 1 }
        }
        #expect(env.faultCount == 0)
        return count
    }

    @Test(arguments: ["door-open-v3", "window-open-v3", "window-close-v3"])
    func controllerSolvesTheSuiteLayouts(task: String) throws {
        let solved = try Self.successes(task, suiteSeed: 0)
        #expect(solved >= 48, "\(task): \(solved)/50")
    }

    @Test func doorControllerAlsoSolvesAnotherSuite() throws {
        let solved = try Self.successes("door-open-v3", suiteSeed: 11)
        #expect(solved >= 48, "door-open-v3 suite 11: \(solved)/50")
    }
}
