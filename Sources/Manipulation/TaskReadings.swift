import Physics

/// The simulator state a task's reward and success test read, in world coordinates (metres).
/// Field meanings match `TaskRewards.RewardInputs`.
public struct TaskReadings: Sendable, Equatable {
    public var hand = SIMD3<Double>.zero
    public var gripperOpening = 0.0
    public var object = SIMD3<Double>.zero
    public var tcp = SIMD3<Double>.zero
    public var leftPad = SIMD3<Double>.zero
    public var rightPad = SIMD3<Double>.zero
    public var target = SIMD3<Double>.zero
    public var action = SIMD4<Double>.zero
    public var objectInit = SIMD3<Double>.zero
    public var tcpInit = SIMD3<Double>.zero
    public var leftPadInit = SIMD3<Double>.zero
    public var rightPadInit = SIMD3<Double>.zero
    public var handInit = SIMD3<Double>.zero
    public var jointPosition = 0.0
    public var extra = SIMD3<Double>.zero

    public init() {}
}

extension ManipulationEnvironment {
    /// The reward inputs of the current state (observation values as observed).
    public var readings: TaskReadings {
        var r = TaskReadings()
        let o = observationBuffer
        r.hand = SIMD3(o[0], o[1], o[2])
        r.gripperOpening = o[3]
        r.object = SIMD3(o[4], o[5], o[6])
        r.tcp = arm.tcp
        r.leftPad = arm.leftPadPosition
        r.rightPad = arm.rightPadPosition
        r.target = SIMD3(o[36], o[37], o[38])
        r.action = lastAction
        r.objectInit = objectInit
        r.tcpInit = tcpInit
        r.leftPadInit = leftPadInit
        r.rightPadInit = rightPadInit
        r.handInit = task.handInit
        r.jointPosition = scene.jointPosition(world: world)
        r.extra = scene.extraPoint(world: world)
        return r
    }

    func evaluateStep() -> StepOutcome {
        // Interim success tests (plain distances, spec 8.1-8.3) until TaskRewards is merged.
        let r = readings
        var outcome = StepOutcome()
        switch task.name {
        case ReachTask.name: outcome.success = length(r.tcp - r.target) <= 0.05
        case PushTask.name: outcome.success = length(r.object - r.target) <= 0.05
        default: outcome.success = length(r.object - r.target) <= 0.07
        }
        return outcome
    }
}
