/// Dispatch from a MetaWorld task to its v2 reward and success test. Pure, allocation-free, and
/// safe to call from any thread; meant to run once per env step. The switch is exhaustive, so
/// a task's reward is added here when its family lands.
public enum RewardFunctions {
    /// The task's reward and success test at `inputs`. All 50 tasks have one now; the optional
    /// (nil: reward not written, `hasReward`) is kept for the callers that check. Environments
    /// are built only for the tasks whose scene is in `TaskCatalog`.
    @inlinable
    public static func evaluate(_ task: MetaWorldTask, _ inputs: RewardInputs) -> RewardOutput? {
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
        case .buttonPress: ButtonPressReward.evaluate(inputs)
        case .buttonPressWall: ButtonPressWallReward.evaluate(inputs)
        case .buttonPressTopdownWall: ButtonPressTopdownWallReward.evaluate(inputs)
        case .reachWall: ReachWallReward.evaluate(inputs)
        case .pushWall: PushWallReward.evaluate(inputs)
        case .pickPlaceWall: PickPlaceWallReward.evaluate(inputs)
        case .pushBack: PushBackReward.evaluate(inputs)
        case .doorClose: DoorCloseReward.evaluate(inputs)
        case .doorLock: DoorLockReward.evaluate(inputs)
        case .doorUnlock: DoorUnlockReward.evaluate(inputs)
        case .handlePress, .handlePressSide: HandlePressReward.evaluate(inputs)
        case .handlePull: HandlePullReward.evaluate(inputs)
        case .faucetOpen: FaucetReward.open(inputs)
        case .faucetClose: FaucetReward.close(inputs)
        case .coffeeButton: CoffeeButtonReward.evaluate(inputs)
        case .coffeePull, .coffeePush: CoffeeMugReward.evaluate(inputs)
        case .dialTurn: DialTurnReward.evaluate(inputs)
        case .sweep: SweepReward.evaluate(inputs)
        case .shelfPlace: ShelfPlaceReward.evaluate(inputs)
        case .pickOutOfHole: PickOutOfHoleReward.evaluate(inputs)
        case .plateSlide: PlateSlideReward.front(inputs)
        case .plateSlideSide, .plateSlideBack, .plateSlideBackSide: PlateSlideReward.sideOrBack(inputs)
        case .handlePullSide: HandlePullSideReward.evaluate(inputs)
        case .soccer: SoccerReward.evaluate(inputs)
        case .boxClose: BoxCloseReward.evaluate(inputs)
        case .binPicking: BinPickingReward.evaluate(inputs)
        case .stickPush: StickPushReward.evaluate(inputs)
        case .stickPull: StickPullReward.evaluate(inputs)
        case .basketball: BasketballReward.evaluate(inputs)
        case .hammer: HammerReward.evaluate(inputs)
        case .leverPull: LeverPullReward.evaluate(inputs)
        case .pegUnplugSide: PegUnplugSideReward.evaluate(inputs)
        case .handInsert: HandInsertReward.evaluate(inputs)
        case .sweepInto: SweepIntoReward.evaluate(inputs)
        case .assembly: AssemblyReward.evaluate(inputs)
        case .disassemble: DisassembleReward.evaluate(inputs)
        }
    }

    /// Whether `task`'s reward is written.
    public static func hasReward(_ task: MetaWorldTask) -> Bool { evaluate(task, RewardInputs()) != nil }
}
