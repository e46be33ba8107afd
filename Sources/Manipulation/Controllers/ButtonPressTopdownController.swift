/// button-press-topdown-v3: with the gripper closed, move high over the button cap and press it
/// straight down to its stop. Reads only the observation: the cap top.
public struct ButtonPressTopdownController: ScriptedController {
    /// Hand height over the cap top while lining up (m): the fingertips clear it by 5.5 cm.
    static let clearance = 0.1
    /// Lateral error (m) below which the hand presses.
    static let alignment = 0.01
    static let pressingAlignment = 0.025
    /// Cap height above the goal (m) at which the press holds: past the 2.4 cm success band and
    /// 7 mm short of the stop.
    static let heldPress = 0.01

    public init() {}

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let cap = o.object
        let offsetXY = SIMD2(o.hand.x - cap.x, o.hand.y - cap.y)
        // Once the fingertips are down at the cap (hand 4.5 cm above it), anything within the
        // cap's 4.3 cm radius will do; before that, line up tightly.
        let pressing = o.hand.z < cap.z + 0.07
        let lateralLimit = pressing ? Self.pressingAlignment : Self.alignment
        if (offsetXY * offsetXY).sum().squareRoot() > lateralLimit {
            let above = SIMD3(cap.x, cap.y, max(cap.z + Self.clearance, o.hand.z))
            return SIMD4(move(from: o.hand, to: above), 1)
        }
        if cap.z > o.goal.z + Self.heldPress {
            // Press straight down; lateral corrections would only wind up the mocap target
            // while friction on the cap holds the fingers in place.
            return SIMD4(0, 0, -1, 1)
        }
        // Pressed to the stop: hold still rather than let the mocap target run away below the
        // hand (each step's delta accumulates while the hand cannot follow).
        return SIMD4(0, 0, 0, 1)
    }
}
