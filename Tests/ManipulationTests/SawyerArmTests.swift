import TaskRewards
import Testing
import Physics
@testable import Manipulation

/// Calibration of the ODE arm against MetaWorld's measured dynamics (docs/tasks.md, 'Calibration
/// against MetaWorld').
@Suite struct SawyerArmTests {
    func freshReach() throws -> ManipulationEnvironment {
        let env = try ManipulationEnvironment(task: "reach-v3")
        env.reset(seed: 0)
        return env
    }

    @Test func forwardKinematicsMatchesMetaWorldRestPose() {
        // MetaWorld's settled joints put the hand 4.6/1.4/-4.9 mm off hand_init (docs/tasks.md,
        // 'The reset').
        for (handInit, joints) in SawyerModel.restConfigurations {
            let hand = SawyerModel.forwardKinematics(joints).hand
            #expect(length(hand.position - handInit) < 0.008)
            #expect(hand.rotation.angle(to: SawyerModel.handDown) < 0.1)
        }
    }

    @Test func resetRestsAtHandInitPointingDownWithFingersOpen() throws {
        let env = try freshReach()
        let arm = env.arm
        #expect(length(arm.handPosition - ReachTask.spec.handInit) < 0.006)
        #expect(arm.handPose.rotation.angle(to: SawyerModel.handDown) < 0.02)
        #expect(abs(arm.gripperOpening - 1) < 1e-6)
        let tcpBelowHand = arm.handPosition - arm.tcp
        #expect(abs(tcpBelowHand.z - 0.045) < 0.001)
        #expect(abs(tcpBelowHand.x) < 0.001 && abs(tcpBelowHand.y) < 0.001)
        // Pads' inner faces 0.088 m apart when open: pad origins 0.094 apart.
        #expect(abs(length(arm.leftPadPosition - arm.rightPadPosition) - 0.094) < 0.001)
    }

    @Test func resetAtTheNearHandInitUsesItsOwnRestPose() throws {
        // Button, window and other tasks start the hand at (0, 0.4, 0.2).
        let world = try World()
        let arm = try SawyerArm(world: world)
        let handInit = SIMD3<Double>(0, 0.4, 0.2)
        arm.reset(handInit: handInit)
        #expect(arm.settle(substeps: arm.calibration.settleSubsteps) == nil)
        #expect(length(arm.handPosition - handInit) < 0.008)
        #expect(arm.handPose.rotation.angle(to: SawyerModel.handDown) < 0.02)
    }

    @Test func handSagsAFewMillimetresBelowTheTargetAtRest() throws {
        let env = try freshReach()
        // MetaWorld: (+4.6, +1.4, -4.9) mm from hand_init after its reset.
        let offset = env.arm.handPosition - ReachTask.spec.handInit
        #expect(offset.z < -0.002 && offset.z > -0.007)
        #expect(length(offset) < 0.008)
    }

    @Test func handLagsAboutThreeCentimetresAtFullSpeedAndSettles() throws {
        let env = try freshReach()
        var lags: [Double] = []
        for _ in 0..<16 {
            _ = try env.step(SIMD4(1, 0, 0, 0))
            lags.append(env.arm.mocapTarget.x - env.arm.handPosition.x)
        }
        // MetaWorld: steady speed after ~8 steps, lagging ~3.4 cm.
        #expect(lags[15] > 0.025 && lags[15] < 0.042)
        #expect(abs(lags[15] - lags[9]) < 0.003)
        for _ in 0..<8 { _ = try env.step(SIMD4(0, 0, 0, 0)) }
        #expect(abs(env.arm.mocapTarget.x - env.arm.handPosition.x) < 0.004)
    }

    @Test func gripperClosesInAboutFourteenSteps() throws {
        let env = try freshReach()
        var readings: [Double] = []
        for _ in 0..<20 {
            _ = try env.step(SIMD4(0, 0, 0, 1))
            readings.append(env.observation[3])
        }
        // MetaWorld: 1.0 -> 0.50 after 10 steps, 0.31 after 13, settles at 0.30.
        #expect(abs(readings[9] - 0.50) < 0.06)
        #expect(abs(readings[12] - 0.31) < 0.05)
        #expect(abs(readings[19] - 0.30) < 0.01)
        for _ in 0..<16 { _ = try env.step(SIMD4(0, 0, 0, -1)) }
        #expect(env.observation[3] > 0.97)
    }

    @Test func holdingDownStopsFingertipsJustAboveTable() throws {
        let env = try freshReach()
        for _ in 0..<40 { _ = try env.step(SIMD4(0, 0, -1, -1)) }
        // MetaWorld: mocap z 0.05, hand z 0.0461, TCP z 0.0011.
        #expect(abs(env.arm.mocapTarget.z - 0.05) < 1e-9)
        #expect(abs(env.arm.handPosition.z - 0.046) < 0.005)
        #expect(env.arm.tcp.z > -0.001 && env.arm.tcp.z < 0.006)
    }

    @Test func armReachesTheFarLowCornerOfTheGoalSpace() throws {
        let env = try freshReach()
        let target = SIMD3(0.1, 0.9, 0.065)
        for _ in 0..<120 { _ = try env.step(SIMD4(move(from: env.arm.handPosition, to: target), 0)) }
        #expect(length(env.arm.handPosition - target) < 0.015)
    }
}
