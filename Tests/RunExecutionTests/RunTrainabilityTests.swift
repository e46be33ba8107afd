import RunConfiguration
import RunExecution
import Testing

/// The one check of whether this build can train a config (`submit` used to check with its own
/// task map and queue a grid-world config with two of the four worlds, which the service then
/// failed).
@Suite struct RunTrainabilityTests {
    @Test func tasksThisBuildDoesNotSimulateAreEachReported() throws {
        // Loading refuses names outside the suite; a config built in code (or by a newer
        // dratsd's suite) can still name tasks this build does not simulate.
        var config = try RunConfig.load(yaml: "")
        config.env.tasks = ["reach-v3", "shelf-place-v3", "push-v3", "basketball-v3"]
        let problems = RunTrainability.problems(config)
        #expect(problems.map(\.keyPath) == ["env.tasks[1]", "env.tasks[3]"])
        // shelf-place is simulated, but as an MT50 task: no MT10 run trains it.
        #expect(problems.first?.message.contains("'shelf-place-v3' is not an MT10 task simulated by this build; available: reach-v3, push-v3") == true)
        #expect(RunTrainability.problems(try RunConfig.load(yaml: "")).isEmpty)
    }

    @Test func aGridWorldConfigNeedsAllFourWorldsInOrder() throws {
        let subset = try RunConfig.load(yaml: "env: {suite: gridworld, tasks: [wall0, wall1]}")
        #expect(RunTrainability.problems(subset).map(\.keyPath) == ["env.tasks"])
        #expect(RunTrainability.problems(try RunConfig.load(yaml: "env: {suite: gridworld}")).isEmpty)
    }
}
