/// soccer-v3: carry the ball to a spot 7 cm straight in front of the goal's mouth, let go, then
/// push it from behind so that it rolls straight in. MetaWorld's scripted policy kicks the ball
/// from wherever it lies, which leaves it rolling off line (nothing brakes a rolling ball on
/// either engine) and fails a fifth of its layouts. Carrying it all the way in is not possible:
/// the gripper's palm meets the goal's roof 4 cm before the mouth.
public struct SoccerController: ScriptedController {
    public init() {}

    /// Closed on the 5.2 cm ball the fingers read about 0.6; empty and closed, 0.3.
    static let heldBelow = 0.72
    /// Fingertips 1 cm below the ball's centre: the pads' faces hold it at its equator.
    static let graspHeight = handAboveTCP - 0.01
    /// The spot the ball is carried to, this far in front of the mouth.
    static let stagingDistance = 0.07
    /// Fingertip height while pushing: below the ball's centre (0.026).
    static let pushTCPZ = 0.015

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let mouthY = o.goal.y - SoccerGoal.mouthOffsetY
        let stage = SIMD2(o.goal.x, mouthY - Self.stagingDistance)
        let ball = SIMD2(o.object.x, o.object.y)
        let staged = abs(ball.x - stage.x) < 0.012 && ball.y < mouthY - 0.03 && ball.y > mouthY - 0.12
        let phase = PuckGrasp.phase(o, heldBelow: Self.heldBelow, height: Self.graspHeight)
        if phase == .held {
            let toStage = stage - ball
            if staged && (toStage * toStage).sum() < 0.015 * 0.015 {
                return SIMD4(0, 0, 0, -1)  // let go where it is
            }
            let spot = SIMD3(stage.x, stage.y, SoccerTask.ballRadius + 0.01)
            return SIMD4(move(from: o.hand, to: spot + (o.hand - o.object)) * 0.5, 1)
        }
        guard staged else { return PuckGrasp.action(phase, o, height: Self.graspHeight) }
        // Push from behind with closed fingers.
        let tcp = o.hand - SIMD3(0, 0, handAboveTCP)
        let behind = SIMD2(ball.x, ball.y - 0.05)
        let low = SIMD3(behind.x, behind.y, Self.pushTCPZ)
        let pushing = tcp.z < 0.03 && abs(tcp.x - ball.x) < 0.01 && tcp.y > ball.y - 0.06 && tcp.y < ball.y - 0.02
        if pushing {
            let through = SIMD3(stage.x, mouthY + 0.02, Self.pushTCPZ)
            return SIMD4(move(from: tcp, to: through), 1)
        }
        let offBehind = SIMD2(tcp.x, tcp.y) - behind
        if (offBehind * offBehind).sum() > 0.008 * 0.008 {
            // Rise clear of the ball before moving behind it, then come down there.
            let clearZ = o.object.z + 0.07
            let target = tcp.z < clearZ - 0.01 && tcp.y > ball.y - 0.06
                ? SIMD3(tcp.x, tcp.y, clearZ) : SIMD3(behind.x, behind.y, max(tcp.z, clearZ))
            return SIMD4(move(from: tcp, to: target), 1)
        }
        return SIMD4(move(from: tcp, to: low), 1)
    }
}
