import Foundation
import Samplers
import Testing
import RunConfiguration

/// Every YAML file under `configs/` (its experiment folders included) loads and validates.
@Suite struct ShippedConfigsTests {
    static let configsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("configs")

    /// Paths relative to `configs/`, e.g. `quickstart-mt10.yaml`, `ablation-mt10/global-joint.yaml`.
    static var files: [String] {
        let names = FileManager.default.subpaths(atPath: configsDirectory.path) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func theExpectedConfigsShip() {
        #expect(Set(Self.files).isSuperset(of: [
            "quickstart-mt10.yaml", "mt10-drats.yaml", "mt10-uniform.yaml", "mt10-learning-progress.yaml",
            "mt10-learning-potential.yaml", "mt10-hard-first.yaml", "paper-mt10.yaml", "gridworld.yaml",
        ]))
    }

    @Test(arguments: files) func loadsAndValidates(_ name: String) throws {
        let config = try RunConfig.load(file: Self.configsDirectory.appendingPathComponent(name).path)
        #expect(config.rangeProblems().isEmpty)
        // A run is named after its file, with the folder as a prefix: compare-mt10/drats.yaml is
        // compare-mt10-drats.
        #expect(config.run.name == (name as NSString).deletingPathExtension.replacingOccurrences(of: "/", with: "-"))
        #expect(try RunConfig.load(yaml: try config.resolvedYAML()) == config)
    }

    @Test func paperConfigIsTheSpecSetting() throws {
        let paper = try RunConfig.load(file: Self.configsDirectory.appendingPathComponent("paper-mt10.yaml").path)
        let defaults = RunConfig()
        #expect(paper.ppo == defaults.ppo)
        #expect(paper.sampler == defaults.sampler)
        #expect(paper.env == defaults.env)
        #expect(paper.evaluation == defaults.evaluation)
        #expect(paper.run.totalEnvSteps == 100_000_000)
        #expect(paper.envStepsPerIteration == 100_000)
    }

    /// The sampler comparisons: `mt10-<kind>.yaml`, `compare-mt10/<kind>.yaml` and
    /// `compare-mt10-10m/<kind>.yaml` each differ only in the sampler (and the run name).
    @Test(arguments: ["mt10-", "compare-mt10/", "compare-mt10-10m/"])
    func samplerComparisonConfigsDifferOnlyInSampler(prefix: String) throws {
        let kinds = ["drats", "uniform", "learning-progress", "learning-potential", "hard-first"]
        let configs = try kinds.map { try RunConfig.load(file: Self.configsDirectory.appendingPathComponent("\(prefix)\($0).yaml").path) }
        for (kind, config) in zip(kinds, configs) {
            #expect(config.sampler.kind.rawValue == kind)
            var normalised = config
            normalised.sampler.kind = .drats
            normalised.sampler.hardFirstHighReturnPerTask = nil  // only hard-first runs carry them
            normalised.run.name = "mt10"
            var reference = configs[0]
            reference.run.name = "mt10"
            #expect(normalised == reference, "\(prefix)\(kind).yaml")
        }
    }
}
