/// The plate-slide tasks: push the plate from behind with the fingertips at its mid-height
/// (plate-slide, -side), or press on its top near the leading edge and drag it out by friction
/// (-back, -back-side: the plate starts inside the cabinet). Reads only the observation: the
/// plate centre and the goal.
public struct PlateSlideController: ScriptedController {
    public enum Kind: Sendable {
        case push
        /// plate-slide-side: push left into the turned cabinet, which stays at (−0.3, 0.6) while
        /// the goal moves ±6 cm in y around it (MetaWorld's quirk): the plate is kept within
        /// 3.5 cm of y 0.6, inside the mouth (its posts 9.2 cm either side, the plate 5 cm).
        case pushIntoFixedSideCabinet
        case drag
    }
    static let sideCabinetY = 0.6
    static let sideMouthSlack = 0.035
    public let kind: Kind

    static let travelHeight = 0.1
    /// Push: fingertips at the plate's mid-height, 9 cm behind its centre (4 cm behind its face:
    /// the closed fingers reach 1.8 cm either side of the TCP, and nearer they came down on the
    /// plate's edge). Drag: fingertips 1 cm into the plate's top, 3 cm from its centre toward the goal.
    static let pushHeight = 0.015
    static let pushStandoff = 0.09
    static let dragPress = 0.02
    static let dragOffset = 0.03

    public init(_ kind: Kind) { self.kind = kind }

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let tcp = o.hand - SIMD3(0, 0, handAboveTCP)
        let plate = o.object
        var goal = o.goal
        if kind == .pushIntoFixedSideCabinet {
            goal.y = min(max(goal.y, Self.sideCabinetY - Self.sideMouthSlack), Self.sideCabinetY + Self.sideMouthSlack)
        }
        let toGoal = SIMD2(goal.x - plate.x, goal.y - plate.y)
        let distance = (toGoal * toGoal).sum().squareRoot()
        let direction = distance > 1e-6 ? toGoal / distance : SIMD2(0, 1)
        let contact: SIMD2<Double>
        let height: Double
        switch kind {
        case .push, .pushIntoFixedSideCabinet:
            contact = SIMD2(plate.x, plate.y) - direction * Self.pushStandoff
            height = Self.pushHeight
        case .drag:
            contact = SIMD2(plate.x, plate.y) + direction * Self.dragOffset
            height = Self.dragPress
        }
        let offset = SIMD2(tcp.x - contact.x, tcp.y - contact.y)
        let off = (offset * offset).sum().squareRoot()
        let target: SIMD3<Double>
        if off > 0.03 && tcp.z > height + 0.015 || off > 0.06 {
            // Travel above the plate to the contact point: rise first when low.
            target = tcp.z < Self.travelHeight - 0.02 ? SIMD3(tcp.x, tcp.y, Self.travelHeight) : SIMD3(contact, Self.travelHeight)
        } else if tcp.z > height + 0.01 {
            target = SIMD3(contact, height)
        } else {
            // Engaged: move the contact point on toward where it must be when the plate is at
            // the goal, a little beyond, so the plate keeps moving.
            let end = SIMD2(goal.x, goal.y) + (contact - SIMD2(plate.x, plate.y)) + direction * 0.02
            target = SIMD3(end, height)
        }
        return SIMD4(move(from: tcp, to: target, gain: 10), 1)
    }
}
