/// basketball-v3: grasp the ball, lift it straight up to 30 cm, then carry it over the ring to
/// where MetaWorld's reward aims, 5 cm above the ring's centre.
public struct BasketballController: ScriptedController {
    public init() {}

    /// Closed on the 6 cm ball the fingers read about 0.65; empty and closed, 0.3.
    static let heldBelow = 0.8
    /// MetaWorld's reward aims at the ring's x-y at this height.
    static let aimZ = 0.3

    /// Fingertips 1 cm below the ball's centre: the pads' faces hold it at its equator.
    static let graspHeight = handAboveTCP - 0.01

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let phase = PuckGrasp.phase(o, heldBelow: Self.heldBelow, height: Self.graspHeight)
        guard phase == .held else { return PuckGrasp.action(phase, o, height: Self.graspHeight) }
        let aim = SIMD3(o.goal.x, o.goal.y, Self.aimZ)
        let horizontal = SIMD2(aim.x - o.object.x, aim.y - o.object.y)
        // Rise to the aim's height before moving toward the hoop, so the ball clears the ring.
        let ballTarget = (horizontal * horizontal).sum() > 0.02 * 0.02 && o.object.z < Self.aimZ - 0.02
            ? SIMD3(o.object.x, o.object.y, Self.aimZ) : aim
        return SIMD4(move(from: o.hand, to: ballTarget + (o.hand - o.object)) * 0.6, 1)
    }
}
