/// button-press-v3 and button-press-wall-v3: with the gripper closed, rise clear of the wall,
/// pass over it to 2.5 cm in front of the cap, come down until the fingertips face the cap's
/// centre, and push along +y to the stop. Reads only the observation: the cap's front face and
/// the goal. The same path serves the task without a wall (rising costs a few steps).
public struct ButtonPressFrontController: ScriptedController {
    /// Hand height (m) for crossing the wall: its top is 0.15, the fingertips hang 4.5 cm and
    /// more below the hand.
    static let crossingHeight = 0.3
    /// Distance (m) in front of the cap face where the hand comes down: the gap between the
    /// wall's back face (y 0.61) and the cap is 4.6-9.6 cm, and 5 cm in front of the cap the
    /// closed fingertips landed on the wall's top in 11 of 50 layouts.
    static let standoff = 0.025
    static let tolerance = 0.015
    /// Cap distance from the goal (m) at which the press holds: well inside both success bands
    /// (2 and 3 cm) and 6 mm short of the stop.
    static let heldPress = 0.01

    public init() {}

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let cap = o.object
        let pressHeight = cap.z + handAboveTCP
        let approachY = cap.y - Self.standoff
        if o.hand.y < approachY - Self.tolerance {
            // Still short of the cap: first up to the crossing height, then over.
            if o.hand.z < Self.crossingHeight - Self.tolerance {
                return SIMD4(move(from: o.hand, to: SIMD3(cap.x, o.hand.y, Self.crossingHeight)), 1)
            }
            return SIMD4(move(from: o.hand, to: SIMD3(cap.x, approachY, Self.crossingHeight)), 1)
        }
        if o.hand.z > pressHeight + Self.tolerance {
            return SIMD4(move(from: o.hand, to: SIMD3(cap.x, approachY, pressHeight)), 1)
        }
        if o.goal.y - cap.y > Self.heldPress {
            // Push straight in, holding the line and the height.
            let hold = move(from: o.hand, to: SIMD3(cap.x, o.hand.y, pressHeight))
            return SIMD4(hold.x, 1, hold.z, 1)
        }
        // Pressed: hold still rather than wind the mocap target up against the stop.
        return SIMD4(0, 0, 0, 1)
    }
}
