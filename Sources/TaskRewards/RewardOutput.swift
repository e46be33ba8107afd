/// One step's reward and MetaWorld's info values (the `info` dict of `step`).
///
/// `graspReward`, `inPlaceReward` and `objectToTarget` carry exactly what MetaWorld puts in
/// `grasp_reward`, `in_place_reward` and `obj_to_target` for the task, oddities included (reach
/// reports a distance as its grasp reward; door-open reports 0 as its object distance).
/// `nearObject` and `graspSuccess` are MetaWorld's 0/1 flags; where MetaWorld puts a float in
/// those slots (reach, door-open) the task file documents the test used instead.
public struct RewardOutput: Sendable, Equatable {
    /// The step reward, in [0, 10] for every MT10 task.
    public var reward: Double
    /// MetaWorld's success test for the task (docs/tasks.md, 'Success tests at a glance').
    public var success: Bool
    /// MetaWorld's `near_object`.
    public var nearObject: Bool
    /// MetaWorld's `grasp_success`.
    public var graspSuccess: Bool
    /// MetaWorld's `grasp_reward`.
    public var graspReward: Double
    /// MetaWorld's `in_place_reward`.
    public var inPlaceReward: Double
    /// MetaWorld's `obj_to_target`, the distance the success test thresholds (task-specific).
    public var objectToTarget: Double

    public init(
        reward: Double, success: Bool, nearObject: Bool, graspSuccess: Bool,
        graspReward: Double, inPlaceReward: Double, objectToTarget: Double
    ) {
        self.reward = reward
        self.success = success
        self.nearObject = nearObject
        self.graspSuccess = graspSuccess
        self.graspReward = graspReward
        self.inPlaceReward = inPlaceReward
        self.objectToTarget = objectToTarget
    }
}
