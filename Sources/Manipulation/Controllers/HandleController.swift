/// The handle tasks: press the grip down from above, or grasp and lift. Reads only the
/// observation: the handle site and the goal.
public struct HandleController: ScriptedController {
    public enum Kind: Sendable {
        /// Press handleStart (the grip's top) down: handle-press, handle-press-side.
        case press
        /// Grasp the grip 5 cm right of its centre (clear of the arm behind it) and lift: the
        /// observed handleRight site is 1.4 cm above that point (handle-pull).
        case pullGrip
        /// Grasp the turned box's arm across its width at the observed handleCenter and lift
        /// (handle-pull-side: the grip runs along y, the fingers' closing direction).
        case pullArm
    }
    public let kind: Kind

    /// Reading below which the closing fingers hold the grip (4.4 cm: they stop at about 0.56)
    /// or the arm (6.4 cm: about 0.76); open is 1, closed on nothing 0.3.
    var heldReading: Double { kind == .pullGrip ? 0.6 : 0.8 }
    /// Lifting speed while held (m per step): the slide's damper (30 N·s/m) and the grip's
    /// friction; at full speed the grip slipped out of the fingers.
    static let liftStep = 0.004

    public init(_ kind: Kind) { self.kind = kind }

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let tcp = o.hand - SIMD3(0, 0, handAboveTCP)
        let site = o.object
        switch kind {
        case .press:
            let offset = SIMD2(tcp.x - site.x, tcp.y - site.y)
            if (offset * offset).sum().squareRoot() > 0.012 {
                return SIMD4(move(from: tcp, to: SIMD3(site.x, site.y, max(tcp.z, site.z + 0.04))), 1)
            }
            return SIMD4(move(from: tcp, to: SIMD3(site.x, site.y, site.z - 0.03)), 1)
        case .pullGrip, .pullArm:
            let grasp = kind == .pullGrip ? site - SIMD3(0, 0, 0.014) : site
            let offset = SIMD2(tcp.x - grasp.x, tcp.y - grasp.y)
            let lateral = (offset * offset).sum().squareRoot()
            if lateral > 0.012 && abs(tcp.z - grasp.z) > 0.01 || lateral > 0.03 {
                // Travel above the handle, fingers open.
                return SIMD4(move(from: tcp, to: SIMD3(grasp.x, grasp.y, max(tcp.z, grasp.z + 0.06))), -1)
            }
            if tcp.z > grasp.z + 0.008 && o.gripperOpening > heldReading {
                return SIMD4(move(from: tcp, to: grasp), -1)
            }
            if o.gripperOpening > heldReading {
                return SIMD4(move(from: tcp, to: grasp), 1)  // close where it is
            }
            // Held: lift slowly past the goal height.
            let up = min(Self.liftStep, max(0, o.goal.z + 0.03 - grasp.z))
            return SIMD4(move(from: tcp, to: SIMD3(grasp.x, grasp.y, tcp.z + up)), 1)
        }
    }
}
