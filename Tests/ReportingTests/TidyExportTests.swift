import Daemon
import Foundation
@testable import Reporting
import Testing

/// `tidy.csv` and `scores.csv` from runs with known metrics.
@Suite struct TidyExportTests {
    func runs(_ fixtures: ReportFixtures, _ specs: [(String, UInt64, [String])]) throws -> [ReportRun] {
        try specs.map { sampler, seed, lines in
            let id = try fixtures.addRun(sampler: sampler, seed: seed, lines: lines)
            return try ReportRun.load(try fixtures.store.lookup(id), stateDirectory: fixtures.directory)
        }
    }

    @Test func scoresAreTakenAtTheLatestStepEveryRunWasEvaluatedAt() throws {
        let fixtures = try ReportFixtures()
        let full = ReportFixtures.simpleRun(first: [0, 0.25, 0.5, 0.75], final: [1, 1, 0.5, 0], finalFullEpisodeReturns: [1, 1, 1, 1])
        let short = Array(full.prefix(2))
        let loaded = try runs(fixtures, [("uniform", 1, full), ("drats", 1, short)])
        let (csv, step) = try #require(TidyExport.scoresCSV(loaded))
        #expect(step == 256)
        let rows = csv.split(separator: "\n").map(String.init)
        #expect(rows == ["run,sampler,seed,wall0,wall1,wall2,wall3",
                         "\(loaded[0].id),uniform,1,0,0.25,0.5,0.75", "\(loaded[1].id),drats,1,0,0.25,0.5,0.75"])
        // Only the full runs: their final evaluation.
        let (finalCSV, finalStep) = try #require(TidyExport.scoresCSV([loaded[0]]))
        #expect(finalStep == 512 && finalCSV.hasSuffix(",uniform,1,1,1,0.5,0\n"))
    }

    @Test func tidyRowsCoverEveryNumberOnce() throws {
        let fixtures = try ReportFixtures()
        let lines = ReportFixtures.simpleRun(first: [0, 0.25, 0.5, 0.75], final: [1, 1, 0.5, 0], finalFullEpisodeReturns: [1, 2, 3, 4])
        let loaded = try runs(fixtures, [("drats", 3, lines)])
        let rows = TidyExport.tidyCSV(loaded).split(separator: "\n").map(String.init)
        #expect(rows[0] == "run,sweep,sampler,seed,task,env_steps,metric,value")
        // Per evaluation: mean, worst and 3 per task; per iteration: one probability per task.
        #expect(rows.count == 1 + 2 * (2 + 3 * 4) + 2 * 4)
        #expect(rows.contains("\(loaded[0].id),,drats,3,wall3,512,full_episode_return,4"))
        #expect(rows.contains("\(loaded[0].id),,drats,3,,256,mean_success_rate,0.375"))
        #expect(rows.contains("\(loaded[0].id),,drats,3,wall0,512,sampling_probability,0.1"))
    }

    @Test func fieldsWithCommasOrQuotesAreQuoted() {
        #expect(TidyExport.field("reach-v3") == "reach-v3")
        #expect(TidyExport.field("a,b") == "\"a,b\"")
        #expect(TidyExport.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(TidyExport.number(0.1) == "0.1" && TidyExport.number(3) == "3" && TidyExport.number(.nan) == "nan")
    }
}
