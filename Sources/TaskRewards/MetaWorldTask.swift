/// The 50 MetaWorld v3 tasks in MetaWorld's MT50 order (`metaworld.MT50`, whose one-hot task id
/// is 50 wide); `mt10Index` places the ten MT10 tasks in MT10's own order and one-hot id.
/// A task listed here is a name and two indices, not a simulation: `TaskCatalog` lists the
/// tasks this build simulates.
public enum MetaWorldTask: String, CaseIterable, Sendable {
    case assembly = "assembly-v3"
    case basketball = "basketball-v3"
    case binPicking = "bin-picking-v3"
    case boxClose = "box-close-v3"
    case buttonPressTopdown = "button-press-topdown-v3"
    case buttonPressTopdownWall = "button-press-topdown-wall-v3"
    case buttonPress = "button-press-v3"
    case buttonPressWall = "button-press-wall-v3"
    case coffeeButton = "coffee-button-v3"
    case coffeePull = "coffee-pull-v3"
    case coffeePush = "coffee-push-v3"
    case dialTurn = "dial-turn-v3"
    case disassemble = "disassemble-v3"
    case doorClose = "door-close-v3"
    case doorLock = "door-lock-v3"
    case doorOpen = "door-open-v3"
    case doorUnlock = "door-unlock-v3"
    case handInsert = "hand-insert-v3"
    case drawerClose = "drawer-close-v3"
    case drawerOpen = "drawer-open-v3"
    case faucetOpen = "faucet-open-v3"
    case faucetClose = "faucet-close-v3"
    case hammer = "hammer-v3"
    case handlePressSide = "handle-press-side-v3"
    case handlePress = "handle-press-v3"
    case handlePullSide = "handle-pull-side-v3"
    case handlePull = "handle-pull-v3"
    case leverPull = "lever-pull-v3"
    case pickPlaceWall = "pick-place-wall-v3"
    case pickOutOfHole = "pick-out-of-hole-v3"
    case pickPlace = "pick-place-v3"
    case plateSlide = "plate-slide-v3"
    case plateSlideSide = "plate-slide-side-v3"
    case plateSlideBack = "plate-slide-back-v3"
    case plateSlideBackSide = "plate-slide-back-side-v3"
    case pegInsertSide = "peg-insert-side-v3"
    case pegUnplugSide = "peg-unplug-side-v3"
    case soccer = "soccer-v3"
    case stickPush = "stick-push-v3"
    case stickPull = "stick-pull-v3"
    case push = "push-v3"
    case pushWall = "push-wall-v3"
    case pushBack = "push-back-v3"
    case reach = "reach-v3"
    case reachWall = "reach-wall-v3"
    case shelfPlace = "shelf-place-v3"
    case sweepInto = "sweep-into-v3"
    case sweep = "sweep-v3"
    case windowOpen = "window-open-v3"
    case windowClose = "window-close-v3"

    /// The ten MT10 tasks in MetaWorld's MT10 order (= their MT10 one-hot index).
    public static let mt10: [MetaWorldTask] = [
        .reach, .push, .pickPlace, .doorOpen, .drawerOpen, .drawerClose, .buttonPressTopdown,
        .pegInsertSide, .windowOpen, .windowClose,
    ]

    /// The one-hot index (0-49) MetaWorld's MT50 benchmark gives this task: its position here.
    public var mt50Index: Int { Self.mt50Indices[self]! }

    /// The one-hot index (0-9) MetaWorld's MT10 benchmark gives this task; nil outside MT10.
    public var mt10Index: Int? { Self.mt10.firstIndex(of: self) }

    /// Whether the task belongs to MT10.
    public var isMT10: Bool { mt10Index != nil }

    private static let mt50Indices: [MetaWorldTask: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($0.element, $0.offset) })
}
