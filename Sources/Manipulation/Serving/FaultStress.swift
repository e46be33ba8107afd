import TaskRewards
import Foundation
import Physics
import RandomStreams

/// The physics fault rate under held random actions: the hand sweeps its whole box, slams into
/// scenery and keeps pushing while the mocap target runs away (the case that makes ODE contacts
/// fail), as in `TaskRobustnessTests` but over many more episodes. Measured, never asserted.
public enum FaultStress {
    /// One task's count of episodes that ended in a caught physics fault.
    public struct Result: Codable, Sendable {
        public var task: String
        public var episodes: Int
        public var faultedEpisodes: Int
        /// Physics steps the exact solver failed and the iterative solver redid (`World.step`):
        /// each one a fault that did not happen.
        public var solverFallbacks: Int
        /// Body name -> how many faults it caused.
        public var faultsByBody: [String: Int]
        /// The first few fault descriptions, for diagnosis.
        public var examples: [String]

        enum CodingKeys: String, CodingKey {
            case task, episodes
            case faultedEpisodes = "faulted_episodes"
            case solverFallbacks = "solver_fallbacks"
            case faultsByBody = "faults_by_body"
            case examples
        }
    }

    /// Runs `episodes` full episodes of `task`: actions in ±1.5 held for 1-40 steps (the first
    /// of every four episodes i.i.d. per step), layouts drawn at random from `seed`.
    public static func run(task: String, episodes: Int, seed: UInt64 = 0) throws -> Result {
        let env = try ManipulationEnvironment(task: task, layoutMode: .random, seed: seed)
        var rng = SplitMix64(seed: seed ^ SplitMix64.hash(task))
        var result = Result(task: task, episodes: episodes, faultedEpisodes: 0, solverFallbacks: 0, faultsByBody: [:], examples: [])
        for episode in 0..<episodes {
            env.reset()
            var held = SIMD4<Double>.zero, holdUntil = 0
            for step in 0..<ManipulationEnvironment.maxEpisodeSteps {
                if episode % 4 == 0 {
                    held = randomAction(&rng)
                } else if step >= holdUntil {
                    held = randomAction(&rng) * 1.5
                    holdUntil = step + 1 + Int(rng.next() % 40)
                }
                let outcome = try env.step(held)
                if let fault = outcome.fault {
                    result.faultedEpisodes += 1
                    result.faultsByBody[fault.bodyName, default: 0] += 1
                    if result.examples.count < 3 { result.examples.append("episode \(episode) step \(step): \(fault)") }
                    break
                }
                if outcome.truncated { break }
            }
        }
        result.solverFallbacks = env.world.solverFallbackCount
        return result
    }

    static func randomAction(_ rng: inout SplitMix64) -> SIMD4<Double> {
        SIMD4(rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1))
    }

    /// A short human-readable table of results.
    public static func table(_ results: [Result]) -> String {
        var lines = ["task                     episodes  faulted  fallbacks  bodies"]
        for r in results {
            let bodies = r.faultsByBody.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append(r.task.padding(toLength: 25, withPad: " ", startingAt: 0)
                + String(format: "%8d  %7d  %9d  ", r.episodes, r.faultedEpisodes, r.solverFallbacks) + bodies)
        }
        let total = results.reduce(0) { $0 + $1.faultedEpisodes }, episodes = results.reduce(0) { $0 + $1.episodes }
        let fallbacks = results.reduce(0) { $0 + $1.solverFallbacks }
        lines.append("total".padding(toLength: 25, withPad: " ", startingAt: 0) + String(format: "%8d  %7d  %9d", episodes, total, fallbacks))
        return lines.joined(separator: "\n")
    }
}
