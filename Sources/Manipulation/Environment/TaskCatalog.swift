/// The tasks this build simulates: MT10's ten in MetaWorld's MT10 order, then the MT50 tasks
/// built so far in MT50 order.
public enum TaskCatalog {
    nonisolated(unsafe) public static let all: [any TaskScene.Type] = [
        ReachTask.self,
        PushTask.self,
        PickPlaceTask.self,
        DoorOpenTask.self,
        DrawerOpenTask.self,
        DrawerCloseTask.self,
        ButtonPressTopdownTask.self,
        PegInsertSideTask.self,
        WindowOpenTask.self,
        WindowCloseTask.self,
        BasketballTask.self,
        BinPickingTask.self,
        BoxCloseTask.self,
        ButtonPressTopdownWallTask.self,
        ButtonPressTask.self,
        ButtonPressWallTask.self,
        CoffeeButtonTask.self,
        CoffeePullTask.self,
        CoffeePushTask.self,
        DialTurnTask.self,
        DoorCloseTask.self,
        DoorLockTask.self,
        DoorUnlockTask.self,
        FaucetOpenTask.self,
        FaucetCloseTask.self,
        HandlePressSideTask.self,
        HandlePressTask.self,
        HandlePullSideTask.self,
        HandlePullTask.self,
        PickPlaceWallTask.self,
        PickOutOfHoleTask.self,
        PlateSlideTask.self,
        PlateSlideSideTask.self,
        PlateSlideBackTask.self,
        PlateSlideBackSideTask.self,
        PegUnplugSideTask.self,
        SoccerTask.self,
        StickPushTask.self,
        StickPullTask.self,
        PushWallTask.self,
        PushBackTask.self,
        ReachWallTask.self,
        ShelfPlaceTask.self,
        SweepTask.self,
    ]

    public static var names: [String] { all.map { $0.name } }

    /// The task called `name`, or an error listing the valid names.
    public static func task(named name: String) throws(EnvironmentError) -> any TaskScene.Type {
        guard let found = all.first(where: { $0.name == name }) else {
            throw .unknownTask(name: name, valid: names)
        }
        return found
    }
}
