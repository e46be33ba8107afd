/// pick-place-v3: lift the puck and hold it at a goal in the air (docs/tasks.md, 'pick-place-v3').
/// Reads `object`, `tcp`, `target`, `objectInit`, `tcpInit`, both pads, `gripperOpening`, the raw
/// gripper action and `touchingObject` (info only).
public enum PickPlaceReward {
    /// In-place radius and reward-override radius (m).
    public static let targetRadius = 0.05
    /// Success radius (m). Quirk kept from MetaWorld: success is looser (0.07) than the radius
    /// at which the reward jumps to 10 (0.05), so a success step can earn a shaped reward.
    public static let successRadius = 0.07

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let objectToTarget = norm(object - inputs.target)
        let tcpToObject = norm(object - inputs.tcp)
        let inPlace = tolerance(
            objectToTarget, lower: 0, upper: targetRadius,
            margin: norm(inputs.objectInit - inputs.target))
        let grasped = caging(inputs)
        var reward = hamacher(grasped, inPlace)
        if tcpToObject < 0.02 && inputs.gripperOpening > 0
            && object.z - 0.01 > inputs.objectInit.z {
            reward += 1 + 5 * inPlace
        }
        if objectToTarget < targetRadius { reward = 10 }

        return RewardOutput(
            reward: reward,
            success: objectToTarget <= successRadius,
            nearObject: tcpToObject <= 0.03,
            graspSuccess: inputs.touchingObject && inputs.gripperOpening > 0
                && object.z - 0.02 > inputs.objectInit.z,
            graspReward: grasped, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }

    /// Pick-place's own caging variant (it overrides the base class): signed pad offsets, pad
    /// margins from the *current* pads to the current object, always high density. MetaWorld
    /// names the pads of the margins `init_left_pad` / `init_right_pad`, but they are numpy views
    /// of MuJoCo's `data.xpos` (`get_body_com`), so they always hold the current pads: the
    /// fixture's rollout records, read from a running MetaWorld, show it.
    @inlinable
    public static func caging(_ inputs: RewardInputs) -> Double {
        let padSuccessMargin = 0.05
        let xzSuccessMargin = 0.005
        let objectRadius = 0.015
        let object = inputs.object
        // Signed: a pad on the wrong side of the puck gets a negative offset, out of bounds.
        let leftOffset = inputs.leftPad.y - object.y
        let rightOffset = object.y - inputs.rightPad.y
        let rightMargin = abs(abs(object.y - inputs.rightPad.y) - padSuccessMargin)
        let leftMargin = abs(abs(object.y - inputs.leftPad.y) - padSuccessMargin)
        let rightCaging = tolerance(
            rightOffset, lower: objectRadius, upper: padSuccessMargin, margin: rightMargin)
        let leftCaging = tolerance(
            leftOffset, lower: objectRadius, upper: padSuccessMargin, margin: leftMargin)
        let yCaging = hamacher(leftCaging, rightCaging)

        let xzMargin = normXZ(inputs.objectInit - inputs.tcpInit) - xzSuccessMargin
        let xzCaging = tolerance(
            normXZ(inputs.tcp - object), lower: 0, upper: xzSuccessMargin, margin: xzMargin)

        // The raw a3 clipped to [0, 1] here, inside the formula.
        let gripperClosed = min(max(0, inputs.gripperAction), 1)
        let caging = hamacher(yCaging, xzCaging)
        let gripping = caging > 0.97 ? gripperClosed : 0
        return (hamacher(caging, gripping) + caging) / 2
    }
}
