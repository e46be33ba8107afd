import Testing
import Networks

@Suite struct ParameterTests {
    func makePolicy() throws -> GaussianPolicy {
        try GaussianPolicy(observationSize: 3, hiddenSizes: [4], taskCount: 2, actionSize: 2, logStdMode: .stateIndependent)
    }

    @Test func exportImportRoundTripRestoresExactly() throws {
        let source = try makePolicy()
        try source.initialize(seed: 1)
        source.logStd!.value[1, 0] = -0.5
        let target = try makePolicy()
        try target.importTensors(source.exportTensors())
        #expect(target.exportTensors() == source.exportTensors())
        #expect(Set(source.exportTensors().keys) == Set(source.parameters.map(\.name)))
        #expect(source.exportTensors()["actor.log_std"]?.shape == [2, 2])
        #expect(source.exportTensors()["actor.trunk.0.bias"]?.shape == [4])
        #expect(source.exportTensors()["actor.trunk.0.weight"]?.shape == [4, 3])   // [output, input]
    }

    @Test func importRejectsMissingMismatchedAndNonFiniteTensors() throws {
        let policy = try makePolicy()
        try policy.initialize(seed: 2)
        let good = policy.exportTensors()
        let before = policy.exportTensors()

        var missing = good
        missing["actor.heads.1.weight"] = nil
        #expect(throws: NetworksError.missingTensor(name: "actor.heads.1.weight")) { try policy.importTensors(missing) }

        var reshaped = good
        reshaped["actor.trunk.0.weight"] = NamedTensor(shape: [3, 4], values: good["actor.trunk.0.weight"]!.values)
        #expect(throws: NetworksError.self) { try policy.importTensors(reshaped) }

        var poisoned = good
        poisoned["actor.log_std"] = NamedTensor(shape: [2, 2], values: [0, .nan, 0, 0])
        // The first tensors are valid; a failed import must still leave the network unchanged.
        var changed = poisoned
        changed["actor.trunk.0.bias"] = NamedTensor(shape: [4], values: [9, 9, 9, 9])
        #expect(throws: NetworksError.nonFiniteTensor(name: "actor.log_std")) { try policy.importTensors(changed) }
        #expect(policy.exportTensors() == before)
    }

    @Test func errorMessagesNameTheTensor() {
        let error = NetworksError.tensorShapeMismatch(name: "critic.heads.0.weight", expected: [1, 400], found: [1, 256])
        #expect(error.description.contains("critic.heads.0.weight"))
        #expect(error.description.contains("[1, 400]"))
    }
}
