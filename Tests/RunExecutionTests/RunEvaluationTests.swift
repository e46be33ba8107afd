import Daemon
import Foundation
@testable import RunExecution
import Testing

/// `RunEvaluation`: a checkpoint's deterministic evaluation equals the one training logged for it.
@Suite struct RunEvaluationTests {
    @Test func latestAndBestCheckpointsReproduceTheTrainingEvaluations() throws {
        let scratch = try Scratch()
        let (record, _) = try scratch.start(TinyConfigs.gridWorld())
        #expect(scratch.executor.execute(runID: record.id, stop: StopSignal()) == .completed)
        let folder = try scratch.folder(record.id)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.checkpointsPath).sorted()
        let evaluations = try scratch.jsonLines(folder.metricsPath).filter { $0["kind"] as? String == "evaluation" }
        let run = try scratch.store.run(id: record.id)

        let latest = try RunEvaluation.evaluate(run, stateDirectory: scratch.stateDirectory, checkpoint: .latest)
        #expect(latest.iteration == 10)
        #expect(latest.envSteps == 640)
        let logged = try #require(evaluations.last)
        #expect(logged["iteration"] as? Int == 10)
        for task in latest.tasks {
            #expect((logged["eval/\(task.task)/success_rate"] as? NSNumber)?.doubleValue == task.successRate)
            #expect((logged["eval/\(task.task)/return"] as? NSNumber)?.doubleValue == task.meanReturn)
            #expect((logged["eval/\(task.task)/full_episode_return"] as? NSNumber)?.doubleValue == task.fullEpisodeReturn)
        }
        #expect(latest.table.contains("wall3"))
        #expect(latest.table.contains("mean"))

        let best = try RunEvaluation.evaluate(run, stateDirectory: scratch.stateDirectory, checkpoint: .best, episodesPerTask: 2)
        let bestScore = evaluations.compactMap { ($0["eval/mean_success_rate"] as? NSNumber)?.doubleValue }.max()
        #expect(best.meanSuccessRate == bestScore)
        #expect(best.episodesPerTask == 2)

        let byPath = try RunEvaluation.evaluate(run, stateDirectory: scratch.stateDirectory, checkpoint: .file(latest.checkpoint))
        #expect(byPath == latest)
        // Evaluating wrote nothing.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.checkpointsPath).sorted() == before)
    }

    @Test func aRunWithoutCheckpointsSaysSo() throws {
        let scratch = try Scratch()
        let (record, _) = try scratch.start(TinyConfigs.gridWorld())
        #expect(throws: RunExecutionError.self) {
            try RunEvaluation.evaluate(record, stateDirectory: scratch.stateDirectory, checkpoint: .latest)
        }
        #expect(throws: RunExecutionError.self) {
            try RunEvaluation.evaluate(record, stateDirectory: scratch.stateDirectory, checkpoint: .file(scratch.root + "/missing.safetensors"))
        }
    }

    @Test func checkpointArgumentsParse() {
        #expect(CheckpointChoice(argument: "latest") == .latest)
        #expect(CheckpointChoice(argument: "best") == .best)
        #expect(CheckpointChoice(argument: "/x/step-1.safetensors") == .file("/x/step-1.safetensors"))
    }
}
