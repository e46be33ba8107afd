import Physics
import TaskRewards

extension ManipulationEnvironment {
    /// What the task's reward reads about the current state (observation values as observed).
    public var rewardInputs: RewardInputs {
        let o = observationBuffer
        var inputs = RewardInputs(
            hand: SIMD3(o[0], o[1], o[2]), gripperOpening: o[3], object: SIMD3(o[4], o[5], o[6]),
            tcp: arm.tcp, leftPad: arm.leftPadPosition, rightPad: arm.rightPadPosition,
            target: SIMD3(o[36], o[37], o[38]), action: lastAction,
            objectInit: objectInit, tcpInit: tcpInit,
            handInit: spec.handInit, jointPosition: scene.jointPosition(world: world), extra: scene.extraPoint(world: world))
        let object = scene.mainObjectGeom
        for finger in arm.fingerGeoms where world.areTouching(object, finger) {
            inputs.touchingObject = true
            break
        }
        return inputs
    }

    /// The task's v2 reward and success test for the current state (TaskRewards).
    func evaluateStep() -> StepOutcome {
        // Every task in `TaskCatalog` has a reward (a test checks it).
        let output = RewardFunctions.evaluate(task.task, rewardInputs)!
        var outcome = StepOutcome(reward: output.reward, success: output.success)
        outcome.nearObject = output.nearObject
        outcome.graspSuccess = output.graspSuccess
        outcome.graspReward = output.graspReward
        outcome.inPlaceReward = output.inPlaceReward
        outcome.objectToTarget = output.objectToTarget
        return outcome
    }
}
