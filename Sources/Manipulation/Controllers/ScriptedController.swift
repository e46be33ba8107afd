/// A hand-written policy that reads only the 39-d observation (like MetaWorld's scripted
/// policies) and returns an action. Used to prove each task is solvable on our physics.
public protocol ScriptedController: Sendable {
    func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double>
}

/// Named views into the 39-d observation.
struct ObservationView {
    let hand: SIMD3<Double>
    let gripperOpening: Double
    let object: SIMD3<Double>
    let goal: SIMD3<Double>

    init(hand: SIMD3<Double>, gripperOpening: Double, object: SIMD3<Double>, goal: SIMD3<Double>) {
        self.hand = hand
        self.gripperOpening = gripperOpening
        self.object = object
        self.goal = goal
    }

    init(_ o: UnsafeBufferPointer<Double>) {
        hand = SIMD3(o[0], o[1], o[2])
        gripperOpening = o[3]
        object = SIMD3(o[4], o[5], o[6])
        goal = SIMD3(o[36], o[37], o[38])
    }
}

/// The hand origin sits this far above the fingertip midpoint when the hand points down.
let handAboveTCP = 0.045

/// Proportional move toward `target`, saturating at full speed (1 cm per step per axis).
func move(from position: SIMD3<Double>, to target: SIMD3<Double>, gain: Double = 25) -> SIMD3<Double> {
    ((target - position) * gain).clamped(lowerBound: SIMD3(repeating: -1), upperBound: SIMD3(repeating: 1))
}

/// The scripted controller for a task name, if there is one.
public func scriptedController(for taskName: String) -> (any ScriptedController)? {
    switch taskName {
    case ReachTask.name: return ReachController()
    case PushTask.name: return PushController()
    case PickPlaceTask.name: return PickPlaceController()
    case DoorOpenTask.name: return DoorOpenController()
    case DrawerOpenTask.name: return DrawerOpenController()
    case DrawerCloseTask.name: return DrawerCloseController()
    case ButtonPressTopdownTask.name: return ButtonPressTopdownController()
    case PegInsertSideTask.name: return PegInsertSideController()
    case WindowOpenTask.name: return WindowSlideController.open
    case WindowCloseTask.name: return WindowSlideController.close
    case ButtonPressTopdownWallTask.name: return ButtonPressTopdownController()
    case ButtonPressTask.name, ButtonPressWallTask.name: return ButtonPressFrontController()
    case PickPlaceWallTask.name: return PickPlaceWallController()
    case PushWallTask.name: return PushWallController()
    case PushBackTask.name: return PushBackController()
    case DoorCloseTask.name: return DoorCloseController()
    case DoorLockTask.name: return LockLeverController(.lock)
    case DoorUnlockTask.name: return LockLeverController(.unlock)
    case HandlePressTask.name, HandlePressSideTask.name: return HandleController(.press)
    case HandlePullTask.name: return HandleController(.pullGrip)
    case HandlePullSideTask.name: return HandleController(.pullArm)
    case FaucetOpenTask.name: return FaucetController(opening: true)
    case FaucetCloseTask.name: return FaucetController(opening: false)
    case CoffeeButtonTask.name: return ButtonPressFrontController()
    case CoffeePullTask.name, CoffeePushTask.name: return MugController()
    case DialTurnTask.name: return DialTurnController()
    case SweepTask.name: return SweepController()
    case ShelfPlaceTask.name: return ShelfPlaceController()
    case PickOutOfHoleTask.name: return PickOutOfHoleController()
    case PlateSlideTask.name: return PlateSlideController(.push)
    case PlateSlideSideTask.name: return PlateSlideController(.pushIntoFixedSideCabinet)
    case PlateSlideBackTask.name, PlateSlideBackSideTask.name: return PlateSlideController(.drag)
    case ReachWallTask.name: return ReachWallController()
    case BinPickingTask.name: return BinPickingController()
    case SoccerTask.name: return SoccerController()
    case BoxCloseTask.name: return BoxCloseController()
    case BasketballTask.name: return BasketballController()
    case StickPushTask.name: return StickPushController()
    case StickPullTask.name: return StickPullController()
    case PegUnplugSideTask.name: return PegUnplugSideController()
    default: return nil
    }
}
