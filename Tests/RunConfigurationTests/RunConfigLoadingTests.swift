import TaskRewards
import Foundation
import Networks
import PPO
import Samplers
import Testing
@testable import RunConfiguration

/// Loading YAML: defaults, every kind of problem, all reported at once with file, key and line.
@Suite struct RunConfigLoadingTests {
    func problems(_ yaml: String) -> [ConfigProblem] {
        do {
            _ = try RunConfig.load(yaml: yaml, file: "test.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    @Test func emptyDocumentIsThePaperSetting() throws {
        let config = try RunConfig.load(yaml: "", file: "empty.yaml", defaultName: "empty")
        #expect(config.run.name == "empty")
        #expect(config.env.tasks == ["reach-v3", "push-v3", "pick-place-v3", "door-open-v3", "drawer-open-v3", "drawer-close-v3",
                                     "button-press-topdown-v3", "peg-insert-side-v3", "window-open-v3", "window-close-v3"])
        #expect(config.env.envSlots == 10)
        #expect(config.ppo == { var p = PPOConfig(); p.numEnvs = 10; return p }())
        #expect(config.sampler.floor == 0.025)
        #expect(config.sampler.totalStepBudget == 100_000_000)
        #expect(config.evaluation.episodesPerTask == 50)
        #expect(config.envStepsPerIteration == 100_000)
        #expect(config.iterationCount == 1_000)
        #expect(config.evaluationCount == 50)
    }

    @Test func valuesAreReadAndDerivedFieldsFollow() throws {
        let config = try RunConfig.load(yaml: """
            run: {name: small, seed: 7, totalEnvSteps: 1_000}
            env:
              tasks: [push-v3, reach-v3]
              layoutMode: random
              suiteSeed: 3
            ppo: {numSteps: 50, hiddenSizes: [8], targetKL: null, logStdMode: stateIndependent, activation: tanh}
            sampler: {kind: hard-first, hardFirstActiveTasks: 2}
            checkpoint: {keepBest: false}
            """)
        #expect(config.run.name == "small")
        #expect(config.env.tasks == ["push-v3", "reach-v3"])
        #expect(config.env.envSlots == 2)
        #expect(config.env.layoutMode == .random)
        #expect(config.env.suiteSeed == 3)
        #expect(config.ppo.numEnvs == 2)
        #expect(config.ppo.seed == 7)
        #expect(config.ppo.targetKL == nil)
        #expect(config.ppo.hiddenSizes == [8])
        #expect(config.ppo.logStdMode == .stateIndependent)
        #expect(config.ppo.activation == .tanh)
        #expect(config.sampler.kind == .hardFirst)
        #expect(config.sampler.totalStepBudget == 1_000)
        #expect(config.sampler.floor == 0.125)
        #expect(config.checkpoint.keepBest == false)
        #expect(config.iterationCount == 10)
    }

    @Test func gridworldDefaultsToItsFourTasks() throws {
        let config = try RunConfig.load(yaml: "env: {suite: gridworld}\nsampler: {maxReturn: 1}")
        #expect(config.env.tasks == ["wall0", "wall1", "wall2", "wall3"])
        #expect(config.env.envSlots == 4)
        #expect(config.sampler.floor == 1.0 / 16)
    }

    @Test func unknownKeySuggestsTheClosestOne() {
        let found = problems("ppo:\n  clipCoeff: 0.3\n")
        #expect(found.count == 1)
        #expect(found.first?.keyPath == "ppo.clipCoeff")
        #expect(found.first?.line == 2)
        #expect(found.first?.message.contains("did you mean 'clipCoef'") == true)
    }

    /// The learner keys default to the authors' learner; the old one is a setting away, and a
    /// misspelt key or value is named with what would be valid.
    @Test func learnerModesLoadWithDefaultsChoicesAndSuggestions() throws {
        let defaults = try RunConfig.load(yaml: "")
        #expect(defaults.ppo.advantageNormalization == .perTask && defaults.ppo.optimizers == .separate)
        let old = try RunConfig.load(yaml: "ppo: {advantageNormalization: global, optimizers: joint}")
        #expect(old.ppo.advantageNormalization == .global && old.ppo.optimizers == .joint)
        #expect(try RunConfig.load(yaml: try old.resolvedYAML()) == old)
        #expect(try RunConfig.load(yaml: try defaults.resolvedYAML()) == defaults)

        let found = problems("ppo:\n  advantageNormalisation: perTask\n  optimizers: shared\n")
        let byKey = Dictionary(found.map { ($0.keyPath, $0.message) }, uniquingKeysWith: { a, _ in a })
        #expect(byKey["ppo.advantageNormalisation"]?.contains("did you mean 'advantageNormalization'") == true, "\(found)")
        #expect(byKey["ppo.optimizers"]?.contains("one of separate, joint") == true, "\(found)")
    }

    @Test func unknownSectionAndUnrelatedKeyAreReportedWithoutAWildGuess() {
        let found = problems("network: {hiddenSizes: [4]}\nrun: {xyz: 1}\n")
        #expect(found.map(\.keyPath) == ["run.xyz", "network"])
        #expect(found[0].message.contains("did you mean") == false)
        #expect(found[0].message.contains("name, seed, totalEnvSteps"))
    }

    @Test func wrongTypesNameTheExpectedType() {
        let found = problems("""
            run: {seed: -3, totalEnvSteps: lots}
            ppo: {clipCoef: "0.2", normAdv: maybe, hiddenSizes: [64, big]}
            env: {suite: mt50, tasks: reach-v3}
            """)
        let byKey = Dictionary(found.map { ($0.keyPath, $0.message) }, uniquingKeysWith: { a, _ in a })
        #expect(byKey["run.seed"]?.contains("an integer from 0") == true)
        #expect(byKey["run.totalEnvSteps"]?.contains("expected an integer, found 'lots'") == true)
        #expect(byKey["ppo.clipCoef"]?.contains("expected a number, found the quoted string \"0.2\"") == true)
        #expect(byKey["ppo.normAdv"]?.contains("true or false") == true)
        #expect(byKey["ppo.hiddenSizes"]?.contains("a list of values, each an integer") == true)
        #expect(byKey["env.suite"]?.contains("one of mt10, gridworld") == true)
        #expect(byKey["env.tasks"]?.contains("found 'reach-v3'") == true)
        #expect(found.count == 7)
    }

    @Test func outOfRangeValuesSayWhatIsAllowed() {
        let found = problems("""
            ppo:
              clipCoef: 1.5
              gamma: 2
            sampler:
              stepSize: 20
            evaluation: {episodesPerTask: 0}
            env: {workerThreads: -1}
            """)
        let byKey = Dictionary(found.map { ($0.keyPath, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byKey["ppo.clipCoef"]?.message == "is 1.5; it must be in (0, 1)")
        #expect(byKey["ppo.clipCoef"]?.line == 2)
        #expect(byKey["ppo.gamma"]?.line == 3)
        #expect(byKey["sampler.stepSize"]?.message.contains("0 <= stepSize <= inverseTemperature") == true)
        #expect(byKey["evaluation.episodesPerTask"]?.message.contains("an integer in 1...100000") == true)
        #expect(byKey["env.workerThreads"]?.message.contains("0...256") == true)
        #expect(found.count == 5)
    }

    @Test func everyKindOfProblemIsReportedTogether() {
        let yaml = "run: {totlEnvSteps: 5}\nppo: {numSteps: ten, clipCoef: 0}\nenv: {tasks: [reach-v3, reach-v3, door-opn-v3]}\n"
        let found = problems(yaml)
        #expect(Set(found.map(\.keyPath)) == ["run.totlEnvSteps", "ppo.numSteps", "ppo.clipCoef", "env.tasks[1]", "env.tasks[2]"])
        #expect(found.first { $0.keyPath == "env.tasks[2]" }?.message.contains("did you mean 'door-open-v3'") == true)
        #expect(found.first { $0.keyPath == "env.tasks[2]" }?.line == 3)
        let listed = problems("env:\n  tasks:\n    - reach-v3\n    - nope-v3\n")
        #expect(listed.map(\.keyPath) == ["env.tasks[1]"])
        #expect(listed.first?.line == 4)
        #expect(found.first { $0.keyPath == "run.totlEnvSteps" }?.message.contains("did you mean 'totalEnvSteps'") == true)
    }

    @Test func derivedKeysPointToWhereTheyAreSet() {
        let found = problems("ppo: {numEnvs: 4, seed: 2}\nsampler: {totalStepBudget: 10}\n")
        let byKey = Dictionary(found.map { ($0.keyPath, $0.message) }, uniquingKeysWith: { a, _ in a })
        #expect(byKey["ppo.numEnvs"]?.contains("set env.envSlots instead") == true)
        #expect(byKey["ppo.seed"]?.contains("set run.seed instead") == true)
        #expect(byKey["sampler.totalStepBudget"]?.contains("set run.totalEnvSteps instead") == true)
    }

    @Test func budgetBelowOneIterationIsRefused() {
        let found = problems("run: {totalEnvSteps: 99}\nppo: {numSteps: 10}\n")
        #expect(found.map(\.keyPath) == ["run.totalEnvSteps"])
        #expect(found.first?.message.contains("env.envSlots x ppo.numSteps = 100") == true)
    }

    @Test func emptyTaskListAndZeroSlotsAreEachReportedOnce() {
        #expect(problems("env: {tasks: []}").map(\.keyPath) == ["env.tasks"])
        #expect(problems("env: {envSlots: 0}").map(\.keyPath) == ["env.envSlots"])
    }

    @Test func nonFiniteNumbersAreOutOfRange() {
        let found = problems("ppo: {learningRate: .nan, maxGradNorm: .inf}\n")
        #expect(Set(found.map(\.keyPath)) == ["ppo.learningRate", "ppo.maxGradNorm"])
    }

    @Test func sectionThatIsNotAMapping() {
        let found = problems("ppo: 3\nrun: [1]\n")
        // Sections are read in the file format's order: run, env, ppo, ...
        #expect(found.map(\.keyPath) == ["run", "ppo"], "\(found)")
        #expect(found.last?.message == "expected a mapping of settings (key: value lines), found '3'")
        #expect(problems("- 1\n").first?.keyPath == "(top level)")
    }

    @Test func duplicateKeysAreASyntaxErrorWithTheirLine() {
        #expect(throws: RunConfigError.syntax(file: "test.yaml", line: 2, column: 3,
                                              problem: "the key(s) 'seed' appear more than once in one mapping; keep one")) {
            try RunConfig.load(yaml: "run:\n  seed: 1\n  seed: 2\n", file: "test.yaml")
        }
    }

    @Test func hardFirstActiveTasksDefaultFitsSmallTaskLists() throws {
        #expect(try RunConfig.load(yaml: "env: {tasks: [reach-v3, push-v3]}").sampler.hardFirstActiveTasks == 2)
        #expect(try RunConfig.load(yaml: "").sampler.hardFirstActiveTasks == 3)
        #expect(problems("env: {tasks: [reach-v3]}\nsampler: {hardFirstActiveTasks: 2}").map(\.keyPath) == ["sampler.hardFirstActiveTasks"])
    }

    /// A hard-first MT10 run gets the authors' per-task high thresholds unless the file names its
    /// own; a mapping that names a task outside the run, or a value below the low threshold, is
    /// an error naming the task. Other kinds carry none (so their configs hash as before).
    @Test func hardFirstHighThresholdsArePerTask() throws {
        let authors = try RunConfig.load(yaml: "sampler: {kind: hard-first}").sampler
        #expect(authors.hardFirstHighReturnPerTask == [4000, 3000, 3000, 4000, 4000, 4000, 3000, 3500, 4000, 4000])
        #expect(try RunConfig.load(yaml: "").sampler.hardFirstHighReturnPerTask == nil)
        #expect(try RunConfig.load(yaml: "env: {suite: gridworld}\nsampler: {kind: hard-first}").sampler.hardFirstHighReturnPerTask == nil)

        let given = try RunConfig.load(yaml: """
            env: {tasks: [reach-v3, push-v3, drawer-close-v3]}
            sampler: {kind: hard-first, hardFirstHighReturn: 2500, hardFirstHighReturnPerTask: {push-v3: 3300}}
            """)
        #expect(given.sampler.hardFirstHighReturnPerTask == [2500, 3300, 2500])
        let resolved = try given.resolvedYAML()
        #expect(try RunConfig.load(yaml: resolved) == given)
        #expect(resolved.contains("hardFirstHighReturnPerTask:\n    reach-v3: 2500.0\n    push-v3: 3300.0\n"), "\(resolved)")

        let wrong = problems("env: {tasks: [reach-v3, push-v3]}\nsampler: {kind: hard-first, hardFirstHighReturnPerTask: {pick-place-v3: 3000, push-v3: 100}}")
        #expect(wrong.map(\.keyPath) == ["sampler.hardFirstHighReturnPerTask.pick-place-v3", "sampler.hardFirstHighReturnPerTask.push-v3"])
        #expect(wrong.first?.message.contains("the tasks are reach-v3, push-v3") == true)
        #expect(problems("sampler: {hardFirstHighReturnPerTask: [3000]}").map(\.keyPath) == ["sampler.hardFirstHighReturnPerTask"])
    }

    /// The sampler window is MT10's 100k steps unless given; a grid-world run updates after every
    /// rollout (an episode lasts at most 15 steps there). Either way the key is checked.
    @Test func samplerWindowDefaultsBySuiteAndIsValidated() throws {
        #expect(try RunConfig.load(yaml: "").sampler.updateEveryEnvSteps == 100_000)
        #expect(try RunConfig.load(yaml: "env: {suite: gridworld}").sampler.updateEveryEnvSteps == 1)
        #expect(try RunConfig.load(yaml: "env: {suite: gridworld}\nsampler: {updateEveryEnvSteps: 512}").sampler.updateEveryEnvSteps == 512)
        #expect(try RunConfig.load(yaml: "sampler: {updateEveryEnvSteps: 20000}").sampler.updateEveryEnvSteps == 20_000)
        #expect(problems("sampler: {updateEveryEnvSteps: 0}").map(\.keyPath) == ["sampler.updateEveryEnvSteps"])
        #expect(problems("sampler: {updateEveryEnvSteps: 1.5}").map(\.keyPath) == ["sampler.updateEveryEnvSteps"])
    }

    @Test func syntaxErrorsNameFileAndLine() {
        #expect {
            try RunConfig.load(yaml: "run: {name: [unclosed\n", file: "broken.yaml")
        } throws: { error in
            guard case let RunConfigError.syntax(file, line, _, _) = error else { return false }
            return file == "broken.yaml" && line != nil
        }
    }

    @Test func errorDescriptionNamesFileLineAndKey() {
        do {
            _ = try RunConfig.load(yaml: "ppo:\n  clipCoef: 3\n", file: "configs/x.yaml")
            Issue.record("expected a problem")
        } catch {
            #expect(error.description.contains("configs/x.yaml:2: ppo.clipCoef: is 3.0; it must be in (0, 1)"))
            #expect(error.description.hasPrefix("configs/x.yaml: 1 problem"))
        }
    }

    @Test func loadingAFileDefaultsTheNameToItsStem() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("named-run-\(getpid()).yaml")
        try "run: {seed: 2}\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let config = try RunConfig.load(file: url.path)
        #expect(config.run.name == "named-run-\(getpid())")
        #expect(throws: RunConfigError.unreadable(file: url.path + ".missing", reason: "no such file")) {
            try RunConfig.load(file: url.path + ".missing")
        }
    }
}
