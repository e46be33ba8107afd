/// The fixed wall of push-wall, pick-place-wall and reach-wall (x −0.02-0.22, y 0.74-0.76,
/// 0.12 high), as the wall tasks' controllers route round it. The controllers read only the
/// observation; the wall is a constant of these tasks, like the table.
enum WallDetour {
    /// y beyond which the hand or the puck is past the wall's back face, with room for the
    /// fingers (m).
    static let pastWallY = 0.785
    /// Hand height (m) at which the fingertips (4.5 cm below) clear the wall top with 3.5 cm.
    static let handOverWall = 0.2
    /// Puck x (m) for passing the wall's left end (x −0.02): puck radius and the fingers' and
    /// hand's half width to spare.
    static let besideWallX = -0.09
    /// Puck y (m) in front of the wall at which a push turns to go round its end.
    static let turnY = 0.72
}

/// reach-wall-v3: keep the hand high enough to pass over the wall, then come down to the goal
/// once past it.
public struct ReachWallController: ScriptedController {
    public init() {}

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let goalForHand = o.goal + SIMD3(0, 0, handAboveTCP)
        if o.hand.y < WallDetour.pastWallY {
            let high = max(goalForHand.z, WallDetour.handOverWall)
            // Rise before moving on when low in front of the wall.
            if o.hand.z < high - 0.02 { return SIMD4(move(from: o.hand, to: SIMD3(o.hand.x, o.hand.y, high)), 0) }
            return SIMD4(move(from: o.hand, to: SIMD3(goalForHand.x, goalForHand.y, high)), 0)
        }
        return SIMD4(move(from: o.hand, to: goalForHand), 0)
    }
}

/// push-wall-v3: grasp the puck lightly as push-v3 does and slide it left of the wall, past it
/// and onto the goal.
public struct PushWallController: ScriptedController {
    public init() {}

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let phase = PuckGrasp.phase(o)
        guard phase == .held else { return PuckGrasp.action(phase, o) }
        let height = o.goal.z + 0.005
        let puckTarget: SIMD3<Double>
        if o.object.y < WallDetour.turnY && o.object.x > WallDetour.besideWallX + 0.01 {
            puckTarget = SIMD3(WallDetour.besideWallX, o.object.y, height)
        } else if o.object.y < WallDetour.pastWallY {
            puckTarget = SIMD3(WallDetour.besideWallX, WallDetour.pastWallY + 0.02, height)
        } else {
            puckTarget = SIMD3(o.goal.x, o.goal.y, height)
        }
        // Keep the grasp offset, so that the puck (not the hand) follows the path.
        return SIMD4(move(from: o.hand, to: puckTarget + (o.hand - o.object)), 1)
    }
}

/// pick-place-wall-v3: grasp the puck, lift it until it clears the wall, carry it over and down
/// to the goal.
public struct PickPlaceWallController: ScriptedController {
    /// Puck centre height (m) for crossing: its bottom 2.5 cm over the wall top.
    static let carryHeight = 0.165

    public init() {}

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let phase = PuckGrasp.phase(o)
        guard phase == .held else { return PuckGrasp.action(phase, o) }
        let handOverPuck = o.hand - o.object
        let target: SIMD3<Double>
        if o.object.y < WallDetour.pastWallY {
            let carry = max(Self.carryHeight, o.goal.z)
            target = o.object.z < carry - 0.015
                ? SIMD3(o.hand.x, o.hand.y, carry + handOverPuck.z)  // straight up first
                : SIMD3(o.goal.x, o.goal.y, carry) + handOverPuck
        } else {
            target = o.goal + handOverPuck
        }
        return SIMD4(move(from: o.hand, to: target), 1)
    }
}

/// push-back-v3: grasp the cube as the puck is grasped, lift it 1 cm clear of the table (its
/// friction of 2 under 0.75 kg would fight a drag) and carry it back onto the goal.
public struct PushBackController: ScriptedController {
    static let lift = 0.01

    public init() {}

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let phase = PuckGrasp.phase(o)
        guard phase == .held else { return PuckGrasp.action(phase, o) }
        let horizontal = SIMD2(o.goal.x - o.object.x, o.goal.y - o.object.y)
        let near = (horizontal * horizontal).sum() < 0.02 * 0.02
        let cubeTarget = SIMD3(o.goal.x, o.goal.y, o.goal.z + (near ? 0 : Self.lift))
        return SIMD4(move(from: o.hand, to: cubeTarget + (o.hand - o.object)), 1)
    }
}
