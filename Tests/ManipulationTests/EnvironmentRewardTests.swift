import Testing
import Physics
import TaskRewards
@testable import Manipulation

/// The env fills `RewardInputs` from the simulation and reports TaskRewards' verdict.
@Suite struct EnvironmentRewardTests {
    @Test func resetRecordsTheReferencePointsRewardsRead() throws {
        let env = try ManipulationEnvironment(task: "pick-place-v3")
        try env.reset(layoutIndex: 2)
        let inputs = env.rewardInputs
        let layout = env.layouts.layouts[2]
        #expect(inputs.objectInit == SIMD3(layout[0], layout[1], layout[2]))
        #expect(inputs.handInit == PickPlaceTask.spec.handInit)
        #expect(length(inputs.tcpInit - (inputs.hand - SIMD3(0, 0, 0.045))) < 0.001)
        #expect(abs(inputs.leftPad.y - inputs.rightPad.y - 0.094) < 0.001)
        #expect(!inputs.touchingObject)

        let push = try ManipulationEnvironment(task: "push-v3")
        push.reset(seed: 1)
        let pushInputs = push.rewardInputs
        #expect(pushInputs.objectInit.z == pushInputs.target.z)
        #expect(abs(pushInputs.objectInit.z - 0.02) < 0.002)
    }

    @Test func rewardsStayInRangeAndReachPaysTenAtTheGoal() throws {
        let env = try ManipulationEnvironment(task: "reach-v3")
        try env.reset(layoutIndex: 0)
        let controller = ReachController()
        var rewards: [Double] = []
        var succeeded = false
        for _ in 0..<200 where !succeeded {
            let outcome = try env.step(env.observation.withUnsafeBufferPointer { controller.action(for: $0) })
            rewards.append(outcome.reward)
            succeeded = outcome.success
        }
        #expect(succeeded)
        #expect(rewards.allSatisfy { $0 >= 0 && $0 <= 10 })
        #expect(abs(rewards.last! - 10) < 1e-9)
        #expect(rewards.first! < rewards.last!)
    }

    @Test func graspingThePuckCountsAsTouchingIt() throws {
        let env = try ManipulationEnvironment(task: "pick-place-v3")
        try env.reset(layoutIndex: 1)
        let controller = PickPlaceController()
        var touched = false, grasped = false
        for _ in 0..<150 where !grasped {
            let outcome = try env.step(env.observation.withUnsafeBufferPointer { controller.action(for: $0) })
            touched = touched || env.rewardInputs.touchingObject
            grasped = outcome.graspSuccess && env.rewardInputs.object.z > 0.03
        }
        #expect(touched)
        #expect(grasped)
    }
}
