import RandomStreams

extension ManipulationEnvironment {
    /// The state of the generator behind `reset()` without a seed (a SplitMix64 state). Saving it
    /// before a reset and setting it back later makes that reset choose the same layout again,
    /// in either layout mode; checkpoints save it to continue a run exactly.
    public var layoutGeneratorState: UInt64 {
        get { rng.state }
        set { rng = SplitMix64(seed: newValue) }
    }
}
