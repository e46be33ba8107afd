import Testing
@testable import TaskRewards

/// Goal (0, 0.6, 0.13), so the block origin is (−0.03, 0.6, 0).
private let goal = SIMD3<Double>(0, 0.6, 0.13)

private func peg(head: SIMD3<Double>, object: SIMD3<Double> = SIMD3(0.1, 0.6, 0.03),
                 tcp: SIMD3<Double> = SIMD3(0, 0.6, 0.2), opening: Double = 1) -> RewardInputs {
    RewardInputs(
        gripperOpening: opening, object: object, tcp: tcp,
        leftPad: tcp + SIMD3(0, 0.044, 0), rightPad: tcp - SIMD3(0, 0.044, 0), target: goal,
        action: SIMD4(0, 0, 0, 0), objectInit: SIMD3(0.1, 0.6, 0.02), tcpInit: SIMD3(0, 0.6, 0.15),
        extra: head)
}

@Suite struct PegInsertSideRewardTests {
    @Test func successUsesTheScaledHeadError() {
        // e = ‖(0.07, 0, 0)·(1, 2, 2)‖ = 0.07 → success and 10.
        let alongX = PegInsertSideReward.evaluate(peg(head: goal + SIMD3(0.07, 0, 0)))
        #expect(alongX.success && alongX.reward == 10)
        #expect(!PegInsertSideReward.evaluate(peg(head: goal + SIMD3(0.0701, 0, 0))).success)
        // y counts double: 3.49 cm off is 0.0698 scaled (success), 3.6 cm is 0.072 (none) although
        // the plain distance 0.036 is well inside 0.07.
        #expect(PegInsertSideReward.evaluate(peg(head: goal + SIMD3(0, 0.0349, 0))).success)
        #expect(!PegInsertSideReward.evaluate(peg(head: goal + SIMD3(0, 0.036, 0))).success)
    }

    @Test func liftedPegEarnsTheBonusMeasuredFromTheConstantHeadInit() {
        // TCP on the grasp site, gripper reading > 0, grasp z 0.05 − 0.01 > 0.02 → lifted,
        // grasp = 1 → reward = H(1, ip) + 1 + 5·ip = 1 + 6·ip. Head (−0.03, 0.6, 0.04):
        // e = ‖(−0.03, 0, −0.18)‖ = √0.0333; it is outside both collision zones (x − box_x = 0).
        // margin = ‖(head_init − goal)·(1, 2, 2)‖ with MetaWorld's constant head_init.
        let object = SIMD3<Double>(0.1, 0.6, 0.05)
        let out = PegInsertSideReward.evaluate(
            peg(head: SIMD3(-0.03, 0.6, 0.04), object: object, tcp: object, opening: 0.3))
        let h = PegInsertSideReward.pegHeadInit
        let margin = ((h.x - 0).squared + (2 * (h.y - 0.6)).squared + (2 * (h.z - 0.13)).squared).squareRoot()
        let u = (0.0333.squareRoot() - 0.07) / margin
        let inPlace = 1 / (1 + 9 * u * u)
        #expect(abs(out.reward - (1 + 6 * inPlace)) < 1e-12)
        #expect(out.graspReward == 1 && out.nearObject)
    }

    @Test func headInsideTheLowerCollisionZoneScalesInPlaceDown() {
        let zones = PegInsertSideReward.collisionZones
        let box = goal - PegInsertSideReward.targetAboveBox
        let head = box + (zones.zone1Zero + zones.zone1One) / 2
        let out = PegInsertSideReward.evaluate(peg(head: head))
        // Midpoint of the zone box → zone factor 0.5³ = 0.125 (zone 2 gives 1 there), so
        // in_place = H(unzoned, H(1, 0.125)) = H(unzoned, 0.125).
        #expect(abs(rectPrismTolerance(head, zero: box + zones.zone1Zero, one: box + zones.zone1One) - 0.125) < 1e-12)
        let h = PegInsertSideReward.pegHeadInit
        let margin = ((h.x - 0).squared + (2 * (h.y - 0.6)).squared + (2 * (h.z - 0.13)).squared).squareRoot()
        let offset = (head - goal) * PegInsertSideReward.errorScale
        let u = ((offset * offset).sum().squareRoot() - 0.07) / margin
        let unzoned = 1 / (1 + 9 * u * u)
        #expect(abs(out.inPlaceReward - unzoned * 0.125 / (unzoned + 0.125 - unzoned * 0.125)) < 1e-12)
    }

    @Test func collisionZoneCornersMatchMetaWorldsSites() {
        // Site minus block position read from MuJoCo after a step (metaworld 3.1.1).
        let zones = PegInsertSideReward.collisionZones
        let expected: [(SIMD3<Double>, SIMD3<Double>)] = [
            (zones.zone1Zero, SIMD3(0.11007959779357515, 0.09991237235500283, 0.01)),
            (zones.zone1One, SIMD3(0.14992031976870188, -0.10011941729979346, 0.096)),
            (zones.zone2Zero, SIMD3(0.11007959779357515, 0.09991237235500283, 0.16)),
            (zones.zone2One, SIMD3(0.16992031342733857, -0.10013534383400813, 0.19)),
        ]
        for (ours, theirs) in expected {
            let d = ours - theirs
            #expect(max(abs(d.x), abs(d.y), abs(d.z)) < 1e-9)
        }
    }
}

private extension Double {
    var squared: Double { self * self }
}
