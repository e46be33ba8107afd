/// Dispatch from an MT10 task to its v2 reward and success test. Pure, allocation-free, and
/// safe to call from any thread; meant to run once per env step.
public enum RewardFunctions {
    @inlinable
    public static func evaluate(_ task: MT10Task, _ inputs: RewardInputs) -> RewardOutput {
        switch task {
        case .reach: ReachReward.evaluate(inputs)
        case .push: PushReward.evaluate(inputs)
        case .pickPlace: PickPlaceReward.evaluate(inputs)
        case .doorOpen: DoorOpenReward.evaluate(inputs)
        case .drawerOpen: DrawerOpenReward.evaluate(inputs)
        case .drawerClose: DrawerCloseReward.evaluate(inputs)
        case .buttonPressTopdown: ButtonPressTopdownReward.evaluate(inputs)
        case .pegInsertSide: PegInsertSideReward.evaluate(inputs)
        case .windowOpen: WindowOpenReward.evaluate(inputs)
        case .windowClose: WindowCloseReward.evaluate(inputs)
        }
    }
}
