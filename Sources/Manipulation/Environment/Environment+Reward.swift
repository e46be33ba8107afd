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
            handInit: spec.handInit, jointPosition: scene.jointPosition(world: world), extra: scene.extraPoint(world: world),
            objectQuaternion: SIMD4(o[7], o[8], o[9], o[10]))
        inputs.secondObject = SIMD3(o[11], o[12], o[13])
        // MetaWorld's `touching_main_object`: both fingers press on the object (it asks each pad
        // for a positive contact force; here each finger's claw or pad touches it).
        let object = scene.mainObjectGeom
        let fingers = arm.fingerGeoms
        let rightFinger = fingers[..<(fingers.count / 2)], leftFinger = fingers[(fingers.count / 2)...]
        inputs.touchingObject = rightFinger.contains { world.areTouching(object, $0) }
            && leftFinger.contains { world.areTouching(object, $0) }
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
