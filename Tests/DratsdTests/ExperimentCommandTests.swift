import ChildProcess
import Foundation
import Testing

/// `dratsd experiment gridworld` through the real binary.
@Suite struct ExperimentCommandTests {
    @Test func unknownSamplerIsRefusedWithTheValidNames() throws {
        let result = try DratsdBinary.run(["experiment", "gridworld", "--samplers", "uniform,bogus", "--seeds", "1"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown sampler 'bogus'"))
        #expect(result.stderr.contains("uniform, drats, learning-progress, learning-potential, hard-first"))
    }

    @Test func zeroSeedsIsRefused() throws {
        let result = try DratsdBinary.run(["experiment", "gridworld", "--seeds", "0"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("seed count is 0"))
    }

    @Test func tinyRunPrintsJSONAndTable() throws {
        let json = try DratsdBinary.run(["experiment", "gridworld", "--samplers", "drats", "--seeds", "1", "--step-cap", "2560", "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let samplers = try #require(object?["samplers"] as? [[String: Any]])
        #expect(samplers.first?["sampler"] as? String == "drats")
        #expect((samplers.first?["runs"] as? [Any])?.count == 1)
        let table = try DratsdBinary.run(["experiment", "gridworld", "--samplers", "uniform", "--seeds", "1", "--step-cap", "2560"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("median") && table.stdout.contains("uniform"))
    }
}
