/// The `run` section: what the run is called, its seed and its step budget.
public struct RunSettings: Codable, Sendable, Equatable {
    /// Human name shown by `dratsd list`; one line. Default: the config file's name without
    /// `.yaml` (or `run` for a config that is not a file).
    public var name: String = "run"
    /// Seed of every random stream of the run (network initialisation, action noise, minibatch
    /// order, task draws, random layouts). Default 1.
    public var seed: UInt64 = 1
    /// Environment steps to train for, over all slots. Default 100,000,000 (the paper's MT10 budget).
    public var totalEnvSteps: Int = 100_000_000

    public init() {}
}
