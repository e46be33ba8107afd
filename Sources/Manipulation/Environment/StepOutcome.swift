import Physics

/// What one environment step reports besides the observation.
public struct StepOutcome: Sendable, Equatable {
    /// The task's v2 reward for this step, in [0, 10].
    public var reward = 0.0
    /// The task's success test held after this step.
    public var success = false
    /// The episode is over: 500 steps reached or a physics fault.
    public var truncated = false
    /// Set when a physics fault ended the episode; the observation is then the last good one.
    public var fault: PhysicsFault?
    public var nearObject = false
    public var graspSuccess = false
    public var graspReward = 0.0
    public var inPlaceReward = 0.0
    public var objectToTarget = 0.0

    public init(reward: Double = 0, success: Bool = false, truncated: Bool = false, fault: PhysicsFault? = nil) {
        self.reward = reward
        self.success = success
        self.truncated = truncated
        self.fault = fault
    }
}
