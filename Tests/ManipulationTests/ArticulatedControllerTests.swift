import Testing
@testable import Manipulation

/// Our own scripted controllers for the articulated tasks, reading only the observation, on the
/// 50 suite layouts (MetaWorld's own door-open policy reaches about 93%).
@Suite struct ArticulatedControllerTests {
    @Test(arguments: ["door-open-v3", "window-open-v3", "window-close-v3"])
    func controllerSolvesTheSuiteLayouts(task: String) throws {
        let solved = try ControllerEpisodes.successes(task, suiteSeed: 0)
        #expect(solved >= 48, "\(task): \(solved)/50")
    }

    @Test func doorControllerAlsoSolvesAnotherSuite() throws {
        let solved = try ControllerEpisodes.successes("door-open-v3", suiteSeed: 11)
        #expect(solved >= 48, "door-open-v3 suite 11: \(solved)/50")
    }
}
