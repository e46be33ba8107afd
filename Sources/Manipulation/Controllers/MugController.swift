/// coffee-pull-v3 and coffee-push-v3: grasp the mug's cup at its middle as the puck is grasped,
/// lift it 1 cm and carry it to the goal, then set it down. Reads only the observation: the mug's
/// body origin (its bottom) and the goal.
public struct MugController: ScriptedController {
    static let lift = 0.01
    /// Closed on the 5.6 cm cup the gripper reads about 0.65 (open 1, empty 0.3).
    static let heldReading = 0.75

    public init() {}

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let raw = ObservationView(observation)
        // The grasp logic works on the cup's middle, 3.5 cm above the observed bottom.
        let cupMiddle = SIMD3<Double>(0, 0, 0.035)
        let o = ObservationView(hand: raw.hand, gripperOpening: raw.gripperOpening,
                                object: raw.object + cupMiddle, goal: raw.goal + cupMiddle)
        let phase = PuckGrasp.phase(o, heldBelow: Self.heldReading)
        guard phase == .held else { return PuckGrasp.action(phase, o) }
        let horizontal = SIMD2(o.goal.x - o.object.x, o.goal.y - o.object.y)
        let near = (horizontal * horizontal).sum() < 0.015 * 0.015
        let cupTarget = SIMD3(o.goal.x, o.goal.y, o.goal.z + (near ? 0 : Self.lift))
        return SIMD4(move(from: o.hand, to: cupTarget + (o.hand - o.object)), 1)
    }
}

/// sweep-v3: grasp the cube (its middle 2 cm above the observed bottom) as the puck is grasped,
/// lift it 1 cm and carry it to x 0.5, then set it down.
public struct SweepController: ScriptedController {
    public init() {}

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let raw = ObservationView(observation)
        let middle = SIMD3<Double>(0, 0, Cube.halfSide)
        let o = ObservationView(hand: raw.hand, gripperOpening: raw.gripperOpening, object: raw.object + middle, goal: raw.goal)
        let phase = PuckGrasp.phase(o)
        guard phase == .held else { return PuckGrasp.action(phase, o) }
        let horizontal = SIMD2(o.goal.x - o.object.x, o.goal.y - o.object.y)
        let near = (horizontal * horizontal).sum() < 0.015 * 0.015
        let cubeTarget = SIMD3(o.goal.x, o.goal.y, Cube.halfSide + (near ? 0 : 0.01))
        return SIMD4(move(from: o.hand, to: cubeTarget + (o.hand - o.object)), 1)
    }
}

/// shelf-place-v3: grasp the cube as the puck is grasped, lift it until its bottom clears the
/// upper board (0.25) by 3 cm, carry it into the bookcase over the goal and hold it there.
public struct ShelfPlaceController: ScriptedController {
    static let carryHeight = 0.3

    public init() {}

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let phase = PuckGrasp.phase(o)
        guard phase == .held else { return PuckGrasp.action(phase, o) }
        let handOverCube = o.hand - o.object
        let horizontal = SIMD2(o.goal.x - o.object.x, o.goal.y - o.object.y)
        let far = (horizontal * horizontal).sum() > 0.02 * 0.02
        let target: SIMD3<Double>
        if far && o.object.z < Self.carryHeight - 0.015 {
            target = SIMD3(o.hand.x, o.hand.y, Self.carryHeight + handOverCube.z)  // straight up first
        } else {
            target = SIMD3(o.goal.x, o.goal.y, max(o.goal.z, Self.carryHeight)) + handOverCube
        }
        return SIMD4(move(from: o.hand, to: target), 1)
    }
}

/// pick-out-of-hole-v3: grasp the cylinder in the hole as the puck is grasped, lift it straight
/// up until it clears the frame (5.4 cm) by 5 cm, then carry it to the goal.
public struct PickOutOfHoleController: ScriptedController {
    static let clearHeight = 0.13

    public init() {}

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let phase = PuckGrasp.phase(o)
        guard phase == .held else { return PuckGrasp.action(phase, o) }
        let handOverObject = o.hand - o.object
        let horizontal = SIMD2(o.goal.x - o.object.x, o.goal.y - o.object.y)
        let target = (horizontal * horizontal).sum() > 0.03 * 0.03 && o.object.z < Self.clearHeight - 0.02
            ? SIMD3(o.hand.x, o.hand.y, Self.clearHeight + handOverObject.z)
            : o.goal + handOverObject
        return SIMD4(move(from: o.hand, to: target), 1)
    }
}
