/// window-open-v3 and window-close-v3: our own policy. With the fingers closed into a 3 cm block,
/// the fingertips come in from the robot's side to just beside the handle bar (left of it to
/// open, right of it to close), low enough to overlap the bar but with the gripper base above
/// the bar's top, then push the pane along x until it sits on its stop.
/// Stateless: every decision comes from the current observation.
public struct WindowSlideController: ScriptedController {
    /// +1 pushes the pane right (open), −1 left (close).
    let direction: Double
    /// Fingertip x relative to the observed handle site at the start of the push: the open site
    /// is 2.6 cm left of the bar, the close site 2.4 cm right; a finger reaches 1.5 cm either
    /// side of the fingertip centre and the bar is 8 mm thick.
    let sideOffset: Double
    /// Fingertip x relative to the goal that presses the pane 2 cm onto its stop: open, the pane
    /// stops with its site at goal − 0.04 and the touching fingertips 3 mm right of it; closed,
    /// the site stops at goal + 0.01 with the fingertips 1 mm left of it.
    let pushLimit: Double

    public static let open = WindowSlideController(direction: 1, sideOffset: -0.004, pushLimit: -0.017)
    public static let close = WindowSlideController(direction: -1, sideOffset: 0.006, pushLimit: -0.011)

    /// Fingertips 5 mm above the handle centre: the 9 cm fingers overlap the bar's upper 4.8 cm,
    /// and the gripper base (5.5 cm above the fingertips) clears the bar's top.
    static let heightAboveHandle = 0.005
    /// Standing-off distance in front of the bar (toward the robot) while lining up in x.
    static let standOff = 0.06

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let tcp = o.hand - SIMD3(0, 0, handAboveTCP)
        let beside = SIMD3(o.object.x + sideOffset, o.object.y, o.object.z + Self.heightAboveHandle)
        let lined = abs(tcp.x - beside.x) < 0.015 && abs(tcp.z - beside.z) < 0.02
        let target: SIMD3<Double>
        if !lined && tcp.y < beside.y - 0.03 {
            // Line up in x and z in front of the bar, then go in: never sweep across the bar.
            target = SIMD3(beside.x, beside.y - Self.standOff, beside.z)
        } else if abs(tcp.y - beside.y) > 0.012 || !lined {
            target = beside
        } else {
            // Push: aim 8 cm past the handle, but no further than pressing the pane onto its stop.
            let ahead = o.object.x + sideOffset + 0.08 * direction
            let limit = o.goal.x + pushLimit
            let x = direction > 0 ? min(ahead, limit) : max(ahead, limit)
            target = SIMD3(x, beside.y, beside.z)
        }
        return SIMD4(move(from: tcp, to: target), 1)
    }
}
