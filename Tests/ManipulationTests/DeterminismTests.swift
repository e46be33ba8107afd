import Testing
@testable import Manipulation
import RandomStreams

/// Fixed seed, fixed actions -> the same simulated state, recorded as a hash of the
/// observation bits. A change here means the simulation changed: update the hash deliberately.
@Suite struct DeterminismTests {
    static func stateHash(task: String) throws -> UInt64 {
        let env = try ManipulationEnvironment(task: task, suiteSeed: 7)
        env.reset(seed: 13)
        var rng = SplitMix64(seed: 99)
        for _ in 0..<100 {
            _ = try env.step(SIMD4(rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1)))
        }
        return env.observationHash
    }

    @Test(arguments: [
        ("reach-v3", UInt64(1_025_632_490_231_435_076)),
        ("push-v3", UInt64(6_058_207_748_120_275_288)),
        ("pick-place-v3", UInt64(7_280_219_748_458_845_214)),
    ])
    func fixedSeedGivesTheRecordedState(task: String, recorded: UInt64) throws {
        let hash = try Self.stateHash(task: task)
        #expect(hash == recorded, "\(task): state hash \(hash)")
        #expect(try Self.stateHash(task: task) == hash)
    }

    @Test func puckRestsStillOnTheTable() throws {
        let env = try ManipulationEnvironment(task: "push-v3")
        let start = env.reset(seed: 3)
        for _ in 0..<400 { _ = try env.step(SIMD4(0, 0, 0, 0)) }
        let end = env.observation
        let drift = ((end[4] - start[4]) * (end[4] - start[4]) + (end[5] - start[5]) * (end[5] - start[5])).squareRoot()
        #expect(drift < 0.002)
        #expect(abs(end[10]) > 0.999)  // w of (x, y, z, w): tilt below ~5 degrees
    }
}
