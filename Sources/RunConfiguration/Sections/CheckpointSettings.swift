/// The `checkpoint` section: how often the run is saved and which checkpoints are kept.
public struct CheckpointSettings: Codable, Sendable, Equatable {
    /// Write a checkpoint after every this many iterations (PPO updates). Default 1, so a
    /// crash loses at most one iteration.
    public var everyIterations: Int = 1
    /// How many of the newest checkpoints to keep. Default 3.
    public var keepLast: Int = 3
    /// Also keep the checkpoint with the best mean evaluation success. Default true.
    public var keepBest: Bool = true

    public init() {}
}
