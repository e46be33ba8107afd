import Foundation
import PPO
import Samplers
import Testing
@testable import RunConfiguration

/// Command-line overrides (`ppo.learningRate=3e-4`): applied to the document before it is read,
/// so they are checked exactly like the file, and every problem about them names the argument.
@Suite struct ConfigOverrideTests {
    static let base = """
        run:
          seed: 1
          totalEnvSteps: 2000
        env:
          tasks: [reach-v3, push-v3]
        ppo:
          numSteps: 100
          learningRate: 0.001
        """

    func load(_ arguments: [String], yaml: String = base) throws -> RunConfig {
        try RunConfig.load(yaml: yaml, file: "base.yaml", defaultName: "base", overrides: arguments.map { try ConfigOverride(parsing: $0) })
    }

    func problems(_ arguments: [String], yaml: String = base) throws -> [ConfigProblem] {
        let overrides = try arguments.map { try ConfigOverride(parsing: $0) }
        do {
            _ = try RunConfig.load(yaml: yaml, file: "base.yaml", overrides: overrides)
            return []
        } catch {
            return error.problems
        }
    }

    /// An override gives the config the file would give with that value written in it, for a
    /// replaced key, an added key, an added section and a list.
    @Test func anOverrideEqualsEditingTheFile() throws {
        let overridden = try load(["ppo.learningRate=3e-4", "run.seed=7", "sampler.kind=uniform", "ppo.hiddenSizes=[32, 16]",
                                   "evaluation.episodesPerTask=5"])
        let edited = try RunConfig.load(yaml: """
            run:
              seed: 7
              totalEnvSteps: 2000
            env:
              tasks: [reach-v3, push-v3]
            ppo:
              numSteps: 100
              learningRate: 3e-4
              hiddenSizes: [32, 16]
            sampler: {kind: uniform}
            evaluation: {episodesPerTask: 5}
            """, file: "edited.yaml", defaultName: "base")
        #expect(overridden == edited)
        #expect(overridden.ppo.seed == 7)   // derived from run.seed in its one place
        #expect(overridden.ppo.learningRate == 3e-4)
        #expect(try load([]) != overridden)
        // The stored config records the overridden values.
        let stored = try RunConfig.load(yaml: try overridden.resolvedYAML())
        #expect(stored == overridden)
    }

    @Test func nullClearsANullableSetting() throws {
        #expect(try load(["ppo.targetKL=0.02"]).ppo.targetKL == 0.02)
        #expect(try load(["ppo.targetKL=0.02", "sampler.floor=0.01"]).sampler.floor == 0.01)
        #expect(try load(["ppo.targetKL="]).ppo.targetKL == nil)
        #expect(try load(["ppo.targetKL=null"]).ppo.targetKL == nil)
    }

    /// Unknown keys, wrong types and out-of-range values, each named by its argument, not by a
    /// line of the file; problems of the file itself keep their lines.
    @Test func problemsNameTheArgument() throws {
        let found = try problems(["ppo.learningRat=3e-4", "run.seed=x", "ppo.clipCoef=1.5", "env.tasks=[reach-v3, pushh-v3]", "foo.bar=1"],
                                 yaml: Self.base + "\n  gamma: 2\n")
        let byKey = Dictionary(found.map { ($0.keyPath, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byKey["ppo.learningRat"]?.argument == "ppo.learningRat=3e-4")
        #expect(byKey["ppo.learningRat"]?.message.contains("did you mean 'learningRate'") == true)
        #expect(byKey["run.seed"]?.argument == "run.seed=x")
        #expect(byKey["run.seed"]?.message.contains("expected an integer") == true)
        #expect(byKey["ppo.clipCoef"]?.argument == "ppo.clipCoef=1.5")
        #expect(byKey["env.tasks[1]"]?.argument == "env.tasks=[reach-v3, pushh-v3]")
        #expect(byKey["env.tasks[1]"]?.message.contains("did you mean 'push-v3'") == true)
        #expect(byKey["foo"]?.argument == "foo.bar=1")
        #expect(found.allSatisfy { $0.argument == nil || $0.line == nil })
        // The file's own bad value keeps its line and names no argument.
        #expect(byKey["ppo.gamma"]?.argument == nil)
        #expect(byKey["ppo.gamma"]?.line == 9)
        let error = RunConfigError.invalid(file: "base.yaml", problems: found)
        #expect(error.description.contains("  argument 'run.seed=x': run.seed: expected an integer"))
        #expect(error.description.contains("  base.yaml:9: ppo.gamma:"))
    }

    /// A range problem of a derived check (the budget below one iteration) is attributed to the
    /// override that set the budget.
    @Test func aDerivedRangeProblemNamesTheOverride() throws {
        let found = try problems(["run.totalEnvSteps=50"])
        #expect(found.count == 1)
        #expect(found.first?.keyPath == "run.totalEnvSteps")
        #expect(found.first?.argument == "run.totalEnvSteps=50")
    }

    @Test(arguments: [
        ("ppo.learningRate", "expected key=value"),
        ("=3", "not a dotted path"),
        ("ppo..learningRate=3", "not a dotted path"),
        ("ppo.learning Rate=3", "not a dotted path"),
        ("1ppo.x=3", "not a dotted path"),
        ("ppo.learningRate=[1, 2", "not YAML"),
        ("run.name=a: b", "reads as a YAML mapping"),
        ("a.b.c.d.e.f.g.h.i=1", "at most 8"),
    ])
    func malformedArgumentsAreRefusedByName(argument: String, expected: String) {
        do {
            _ = try ConfigOverride(parsing: argument)
            Issue.record("'\(argument)' was accepted")
        } catch {
            guard case let .override(named, problem) = error else { Issue.record("\(error)"); return }
            #expect(named == argument || named.hasPrefix(String(argument.prefix(10))))
            #expect(problem.contains(expected), "\(problem)")
        }
    }

    @Test func aKeySetTwiceOrThroughAValueIsRefused() throws {
        #expect(throws: RunConfigError.override(argument: "run.seed=2", problem: "sets run.seed again after 'run.seed=1'; set it once")) {
            try load(["run.seed=1", "run.seed=2"])
        }
        #expect(throws: RunConfigError.override(argument: "run=null", problem: "sets run again after 'run.seed=1'; set it once")) {
            try load(["run.seed=1", "run=null"])
        }
        do {
            _ = try load(["run.seed.low=1"])
            Issue.record("an override through a value was accepted")
        } catch let error as RunConfigError {
            guard case let .override(_, problem) = error else { Issue.record("\(error)"); return }
            #expect(problem.contains("run.seed is '1'"), "\(problem)")
        }
    }

    /// A quoted value stays text, so a name can hold what YAML would read otherwise.
    @Test func quotedValuesAreText() throws {
        #expect(try load(["run.name='a: b'"]).run.name == "a: b")
        #expect(try load(["run.name=123"]).run.name == "123")
        #expect(try load(["run.name=\"quoted\""]).run.name == "quoted")
    }

    /// An override applies to an empty document too (every setting at its default).
    @Test func anEmptyFileTakesOverrides() throws {
        let config = try load(["sampler.kind=hard-first", "env.suite=gridworld"], yaml: "")
        #expect(config.sampler.kind == .hardFirst)
        #expect(config.env.suite == .gridworld)
        #expect(config.env.tasks == EnvSuite.gridworld.taskNames)
    }

    @Test(arguments: [
        ("ppo.learningRate=3e-4", true), ("run.seed=1..5", true), ("configs/a=b.yaml", false), ("./a=b.yaml", false),
        ("configs/quickstart-mt10.yaml", false), ("=x", false), ("sampler.hardFirstHighReturnPerTask.reach-v3=3000", true),
    ])
    func overridesAreToldFromConfigFiles(argument: String, isOverride: Bool) {
        #expect(ConfigOverride.isOverride(argument) == isOverride)
    }
}
