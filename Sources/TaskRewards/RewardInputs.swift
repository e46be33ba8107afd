/// Everything a task's reward reads, as plain values filled by the simulation each step.
///
/// All positions are world frame, metres. "At reset" means after the hand has settled and the
/// objects are placed, i.e. the state the first observation of an episode describes.
/// Fields a task does not read may stay zero; each task's reward file lists what it reads.
public struct RewardInputs: Sendable, Equatable {
    /// obs[0:3]: the `hand` body origin (4.5 cm above the fingertips).
    public var hand: SIMD3<Double>
    /// obs[3]: claw separation / 0.1 clipped to [0, 1]; 1 open, ≈0.3 closed on nothing.
    public var gripperOpening: Double
    /// obs[4:7], the task-specific object point: puck origin, door handle centre, drawer handle
    /// point, button cap top, peg grasp site, window handle site (docs/tasks.md, 'The ten tasks').
    public var object: SIMD3<Double>
    /// Fingertip midpoint (MetaWorld's `tcp_center`).
    public var tcp: SIMD3<Double>
    /// `leftpad` body origin.
    public var leftPad: SIMD3<Double>
    /// `rightpad` body origin.
    public var rightPad: SIMD3<Double>
    /// The goal, obs[36:39].
    public var target: SIMD3<Double>
    /// The raw action, not clipped: MetaWorld's rewards see the policy's gripper value a3 =
    /// `action.w` before MuJoCo clamps the control, and clip it themselves where they use it.
    public var action: SIMD4<Double>
    /// MetaWorld's `obj_init_pos` for the tasks that read it (stick-push and stick-pull: its
    /// `stick_init_pos`; each task's file says which), i.e. where the object was placed
    /// at reset, before any settling: push and pick-place the puck origin as placed (x, y drawn;
    /// z the drawn 0.02 for pick-place, the resting height ≈0.0194 for push); drawer-close the
    /// obs point with the drawer pulled out to −0.15. Peg-insert-side: the peg *body* position
    /// drawn at reset (z = 0.02), not the grasp site obs[4:7] reports (1 cm higher): MetaWorld
    /// compares the grasp site against it, so its "lifted" test passes once the peg is barely
    /// raised.
    /// Window-open: the handle site at reset (closed window); window-close: the handle site at
    /// reset *with the window open* (MetaWorld's `window_handle_pos_init`, not its stale first
    /// observation).
    public var objectInit: SIMD3<Double>
    /// TCP after the hand reset (MetaWorld's `init_tcp`).
    public var tcpInit: SIMD3<Double>
    /// The task's `hand_init_pos` (reach only: its in-place margin is measured from here).
    public var handInit: SIMD3<Double>
    /// The task's joint coordinate: door hinge angle in radians (negative = open; door-open
    /// reads it), drawer slide, button slide or window slide in metres (not read by rewards);
    /// hammer the nail's `NailSlideJoint` qpos (m); lever-pull the `LeverAxis` hinge (rad).
    public var jointPosition: Double
    /// A task-specific second point: the `pegHead` site for peg-insert-side (the peg end that
    /// enters the hole); bin-picking the cube position obs[4:7] at the episode's first step;
    /// stick-pull the `stick_end` site; assembly and disassemble the `RoundNut` site (the nut
    /// ring's centre). Unused by the other tasks.
    public var extra: SIMD3<Double>
    /// Whether the gripper currently touches the task's main object (MetaWorld's
    /// `touching_main_object`, any contact between the object geom and the gripper pads or claws).
    /// Push and pick-place report it in `graspSuccess`; no reward value depends on it.
    public var touchingObject: Bool
    /// obs[7:11], the object's orientation quaternion exactly as the task's observation reports
    /// it: obs[7], obs[8], obs[9], obs[10] in SIMD4's x, y, z, w, whatever the task's convention
    /// (MuJoCo's (w, x, y, z) or scipy's (x, y, z, w); metaworld-mt50.md 15.6).
    /// Read by box-close (the lid `top_link` body), hammer (the `hammer` body), assembly and
    /// disassemble (the `RoundNut` body), all MuJoCo's `xquat`, so x holds w.
    public var objectQuaternion: SIMD4<Double>
    /// obs[11:14], the observation's second object position. Read by stick-push (the thermos
    /// point, `insertion` site + (0, 0.09, 0)) and stick-pull (the `insertion` site).
    public var secondObject: SIMD3<Double>

    /// Every field defaults to zero (and `touchingObject` to false).
    public init(
        hand: SIMD3<Double> = .zero, gripperOpening: Double = 0, object: SIMD3<Double> = .zero,
        tcp: SIMD3<Double> = .zero, leftPad: SIMD3<Double> = .zero, rightPad: SIMD3<Double> = .zero,
        target: SIMD3<Double> = .zero, action: SIMD4<Double> = .zero,
        objectInit: SIMD3<Double> = .zero, tcpInit: SIMD3<Double> = .zero,
        handInit: SIMD3<Double> = .zero, jointPosition: Double = 0, extra: SIMD3<Double> = .zero,
        touchingObject: Bool = false, objectQuaternion: SIMD4<Double> = .zero,
        secondObject: SIMD3<Double> = .zero
    ) {
        self.hand = hand
        self.gripperOpening = gripperOpening
        self.object = object
        self.tcp = tcp
        self.leftPad = leftPad
        self.rightPad = rightPad
        self.target = target
        self.action = action
        self.objectInit = objectInit
        self.tcpInit = tcpInit
        self.handInit = handInit
        self.jointPosition = jointPosition
        self.extra = extra
        self.touchingObject = touchingObject
        self.objectQuaternion = objectQuaternion
        self.secondObject = secondObject
    }

    /// The gripper action a3 as the policy sent it.
    @inlinable public var gripperAction: Double { action.w }
}
