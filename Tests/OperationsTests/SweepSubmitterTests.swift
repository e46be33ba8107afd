import Daemon
import Foundation
import RunConfiguration
import Testing
@testable import Operations

/// `SweepSubmitter`: every combination checked with `submit`'s check, then all queued at once.
@Suite struct SweepSubmitterTests {
    func scratch() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    @Test func planChecksEveryCombinationWithTheBuildsCheck() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("tiny.yaml").path
        try "run: {totalEnvSteps: 1000}\nenv: {tasks: [reach-v3]}\nppo: {numSteps: 100}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let axes = [try SweepAxis(parsing: "run.seed=1..2"), try SweepAxis(parsing: "env.tasks=[reach-v3],[push-v3]")]
        do {
            _ = try SweepSubmitter.plan(configPath: path, axes: axes, trainability: RunSubmitterTests.only(["reach-v3"]),
                                        memoryLimit: RunSubmitterTests.limit)
            Issue.record("a combination the build cannot train was planned")
        } catch let error as SweepSubmitter.CombinationError {
            #expect(error.index == 2 && error.count == 4)
            #expect(error.overrides.map(\.argument) == ["run.seed=1", "env.tasks=[push-v3]"])
            // The build's problem is attributed to the override that set the tasks.
            #expect(error.underlying.problems.first?.argument == "env.tasks=[push-v3]")
        }

        let planned = try SweepSubmitter.plan(configPath: path, axes: Array(axes.prefix(1)), trainability: RunSubmitterTests.only(["reach-v3"]),
                                              memoryLimit: RunSubmitterTests.limit)
        #expect(planned.map(\.config.run.seed) == [1, 2])
        let store = try RunStore(databasePath: root.appendingPathComponent("runs.sqlite").path)
        let (sweep, runs) = try SweepSubmitter.submit(planned, name: nil, configPath: path, axes: Array(axes.prefix(1)), store: store)
        #expect(sweep.name == "tiny" && sweep.axesText == "run.seed=1..2" && sweep.runCount == 2)
        #expect(runs.map(\.seed) == [1, 2])
        #expect(try runs.map { try RunConfig.load(yaml: $0.configText) } == planned.map(\.config))
    }
}
