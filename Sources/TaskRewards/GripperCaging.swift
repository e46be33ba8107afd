/// Parameters of MetaWorld's `_gripper_caging_reward` (metaworld: `sawyer_xyz_env.py`).
public struct GripperCagingParameters: Sendable, Equatable {
    /// How the caging and the gripping terms are combined at the end.
    public enum Density: Sendable, Equatable {
        /// H(caging, gripping) alone.
        case plain
        /// (H(caging, gripping) + caging) / 2, used by push and peg-insert-side.
        case high
        /// (H(caging, gripping) + reach) / 2 with reach = tol(‖obj − tcp‖, (0, ρ), …); no MT10
        /// task uses it, it is here so the building block is complete.
        case medium
    }
    /// r: pad-to-object y distance below which a pad is too close (m).
    public var objectRadius: Double
    /// p: pad-to-object y distance within which a pad cages the object (m).
    public var padSuccessThreshold: Double
    /// ρ: TCP-to-object distance that counts as reached (m), read only by `.medium`.
    public var objectReachRadius: Double
    /// ξ: TCP-to-object x-z distance within which the gripper is centred on the object (m).
    public var xzThreshold: Double
    /// e: the gripper action that counts as fully closed.
    public var desiredGripperEffort: Double
    public var density: Density

    public init(
        objectRadius: Double, padSuccessThreshold: Double, objectReachRadius: Double,
        xzThreshold: Double, desiredGripperEffort: Double = 1, density: Density
    ) {
        self.objectRadius = objectRadius
        self.padSuccessThreshold = padSuccessThreshold
        self.objectReachRadius = objectReachRadius
        self.xzThreshold = xzThreshold
        self.desiredGripperEffort = desiredGripperEffort
        self.density = density
    }
}

/// MetaWorld's caging reward in [0, 1]: high when both pads straddle `object` in y, the TCP is
/// centred on it in x-z, and (once caged, > 0.97) the policy closes the gripper.
///
/// Reads `leftPad`, `rightPad`, `tcp`, `objectInit`, `tcpInit` and the raw gripper action from
/// `inputs`. The pad margins are measured from the *initial* object y (MetaWorld's comment calls
/// this accidental; it makes the y term nearly binary before the object moves).
@inlinable
public func gripperCagingReward(
    _ inputs: RewardInputs, object: SIMD3<Double>, parameters p: GripperCagingParameters
) -> Double {
    // 1. y caging, one tolerance per pad.
    @inline(__always) func padCaging(_ padY: Double) -> Double {
        let toObject = abs(padY - object.y)
        let toObjectInit = abs(padY - inputs.objectInit.y)
        return tolerance(
            toObject, lower: p.objectRadius, upper: p.padSuccessThreshold,
            margin: abs(toObjectInit - p.padSuccessThreshold))
    }
    let cagingY = hamacher(padCaging(inputs.leftPad.y), padCaging(inputs.rightPad.y))

    // 2. x-z centring; the margin is the initial x-z offset less the threshold.
    let xzMargin = normXZ(inputs.objectInit - inputs.tcpInit) - p.xzThreshold
    let cagingXZ = tolerance(
        normXZ(inputs.tcp - object), lower: 0, upper: p.xzThreshold, margin: xzMargin)

    // 3. How hard the policy closes, from the raw a3 clipped to [0, e].
    let gripperClosed = min(max(0, inputs.gripperAction), p.desiredGripperEffort)
        / p.desiredGripperEffort

    // 4. Combine.
    let caging = hamacher(cagingY, cagingXZ)
    let gripping = caging > 0.97 ? gripperClosed : 0
    var cagingAndGripping = hamacher(caging, gripping)
    switch p.density {
    case .plain:
        break
    case .high:
        cagingAndGripping = (cagingAndGripping + caging) / 2
    case .medium:
        let reachMargin = abs(norm(inputs.objectInit - inputs.tcpInit) - p.objectReachRadius)
        let reach = tolerance(
            norm(object - inputs.tcp), lower: 0, upper: p.objectReachRadius, margin: reachMargin)
        cagingAndGripping = (cagingAndGripping + reach) / 2
    }
    return cagingAndGripping
}

/// The caging variant of soccer, push-back, sweep-into and sweep (they override MetaWorld's base
/// `_gripper_caging_reward` alike), in [0, 1]: signed pad offsets on either side of the object
/// with margins from the *current* pads (MetaWorld's `init_*_pad` are live views of them, as in
/// pick-place), x-z centring within `xzThreshold`, and, once caged (> 0.95), a gripping term that
/// wants each pad within `gripMargin` of the object instead of the gripper action, which this
/// variant does not read. Returns (caging + gripping) / 2.
@inlinable
public func padGripCagingReward(
    _ inputs: RewardInputs, object: SIMD3<Double>, objectRadius: Double, gripMargin: Double, xzThreshold: Double
) -> Double {
    let padSuccessMargin = 0.05
    let leftOffset = inputs.leftPad.y - object.y
    let rightOffset = object.y - inputs.rightPad.y
    let rightMargin = abs(abs(object.y - inputs.rightPad.y) - padSuccessMargin)
    let leftMargin = abs(abs(object.y - inputs.leftPad.y) - padSuccessMargin)
    let yCaging = hamacher(
        tolerance(rightOffset, lower: objectRadius, upper: padSuccessMargin, margin: rightMargin),
        tolerance(leftOffset, lower: objectRadius, upper: padSuccessMargin, margin: leftMargin))
    let yGripping = hamacher(
        tolerance(rightOffset, lower: objectRadius, upper: gripMargin, margin: rightMargin),
        tolerance(leftOffset, lower: objectRadius, upper: gripMargin, margin: leftMargin))
    let xzMargin = normXZ(inputs.objectInit - inputs.tcpInit) - xzThreshold
    let xzCaging = tolerance(normXZ(inputs.tcp - object), lower: 0, upper: xzThreshold, margin: xzMargin)
    let caging = hamacher(yCaging, xzCaging)
    let gripping = caging > 0.95 ? yGripping : 0
    return (caging + gripping) / 2
}
