/// One training iteration's figures under fixed namespaced keys, in a fixed order:
/// `charts/...` (progress, training episodes, and `charts/environment_faults`: episodes the
/// simulation ended by a physics fault over the run; `charts/sampler_updates`: how many times the
/// sampler's window closed and q was updated), `losses/...` (the PPO update), and for every
/// task `sampler/<task>/probability|score|target|window_mean_return|window_episodes|steps`.
public struct IterationMetrics: Codable, Sendable, Equatable {
    /// Iterations completed, this one included (1 after the first).
    public var iteration: Int
    /// Environment steps taken by the run so far (all slots).
    public var globalStep: Int
    /// Key-value pairs in their fixed order.
    public var entries: [Entry]

    public struct Entry: Codable, Sendable, Equatable {
        public var key: String
        public var value: Double
    }

    public init(iteration: Int, globalStep: Int, entries: [Entry]) {
        self.iteration = iteration
        self.globalStep = globalStep
        self.entries = entries
    }

    /// The value under `key`, or nil if the key is not one of this run's.
    public subscript(key: String) -> Double? { entries.first { $0.key == key }?.value }

    /// The keys, in order.
    public var keys: [String] { entries.map(\.key) }

    /// The keys every iteration carries for tasks named `taskNames`.
    public static func keys(taskNames: [String]) -> [String] {
        chartKeys + lossKeys + taskNames.flatMap { name in samplerFields.map { "sampler/\(name)/\($0)" } }
    }

    static let chartKeys = [
        "charts/iteration", "charts/global_step", "charts/episodes", "charts/episodic_return",
        "charts/episodic_length", "charts/success_rate", "charts/minibatch_updates", "charts/update_epochs",
        "charts/environment_faults", "charts/sampler_updates",
    ]
    static let lossKeys = [
        "losses/policy_loss", "losses/value_loss", "losses/entropy", "losses/old_approx_kl",
        "losses/approx_kl", "losses/clipfrac", "losses/grad_norm", "losses/actor_grad_norm", "losses/critic_grad_norm",
        "losses/explained_variance",
    ]
    static let samplerFields = ["probability", "score", "target", "window_mean_return", "window_episodes", "steps"]
}
