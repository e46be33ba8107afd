import Testing
@testable import RunConfiguration

/// `dratsd sweep`'s `key=values` arguments and their cartesian product.
@Suite struct SweepAxisTests {
    func values(_ argument: String) throws -> [String] { try SweepAxis(parsing: argument).values.map(\.valueText) }

    @Test func valuesAreCutAtCommasOutsideBracketsAndQuotes() throws {
        #expect(try values("sampler.kind=uniform,drats") == ["uniform", "drats"])
        #expect(try values("ppo.hiddenSizes=[64,64],[128, 128]") == ["[64,64]", "[128, 128]"])
        #expect(try values("run.name='a, b',c") == ["'a, b'", "c"])
        #expect(try values("run.name=bob's,alice") == ["bob's", "alice"])
        #expect(try values("run.seed=1..3,7") == ["1", "2", "3", "7"])
        #expect(try values("run.seed=-1..1") == ["-1", "0", "1"])
        #expect(try values("ppo.learningRate=3e-4") == ["3e-4"])
        #expect(try SweepAxis(parsing: "run.seed=1..2").key == "run.seed")
    }

    @Test(arguments: [
        ("run.seed=5..3", "is empty"),
        ("run.seed=1..20000", "more than 10000"),
        ("run.seed=-9223372036854775808..9223372036854775807", "more than 10000"),
        ("run.seed=1,,2", "empty"),
        ("run.seed=1,2,1", "appears twice"),
        ("run.seed", "expected key=value"),
    ])
    func badAxesAreRefusedByName(argument: String, expected: String) {
        do {
            _ = try SweepAxis(parsing: argument)
            Issue.record("'\(argument)' was accepted")
        } catch {
            guard case let .override(named, problem) = error else { Issue.record("\(error)"); return }
            #expect(named == argument)
            #expect(problem.contains(expected), "\(problem)")
        }
    }

    /// The first axis varies slowest, like nested loops in the order given.
    @Test func theProductVariesTheFirstAxisSlowest() throws {
        let runs = try SweepAxis.combinations([try SweepAxis(parsing: "run.seed=1..2"), try SweepAxis(parsing: "sampler.kind=uniform,drats,hard-first"),
                                               try SweepAxis(parsing: "ppo.numSteps=100")])
        #expect(runs.map { $0.map(\.argument) } == [
            ["run.seed=1", "sampler.kind=uniform", "ppo.numSteps=100"], ["run.seed=1", "sampler.kind=drats", "ppo.numSteps=100"],
            ["run.seed=1", "sampler.kind=hard-first", "ppo.numSteps=100"], ["run.seed=2", "sampler.kind=uniform", "ppo.numSteps=100"],
            ["run.seed=2", "sampler.kind=drats", "ppo.numSteps=100"], ["run.seed=2", "sampler.kind=hard-first", "ppo.numSteps=100"],
        ])
    }

    @Test func tooManyRunsOrAKeyTwiceAreRefused() throws {
        let big = [try SweepAxis(parsing: "run.seed=1..1000"), try SweepAxis(parsing: "ppo.numSteps=1..11")]
        #expect(throws: RunConfigError.self) { try SweepAxis.combinations(big) }
        #expect(try SweepAxis.combinations([try SweepAxis(parsing: "run.seed=1..1000"), try SweepAxis(parsing: "ppo.numSteps=1..10")]).count == 10_000)
        #expect(throws: RunConfigError.self) {
            try SweepAxis.combinations([try SweepAxis(parsing: "run.seed=1,2"), try SweepAxis(parsing: "run.seed=3")])
        }
        #expect(throws: RunConfigError.self) {
            try SweepAxis.combinations([try SweepAxis(parsing: "ppo=x"), try SweepAxis(parsing: "ppo.numSteps=3")])
        }
    }
}
