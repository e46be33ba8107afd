import Physics

/// The tunable numbers that make the ODE arm behave like MetaWorld's MuJoCo arm. Each default was
/// chosen by measuring against MetaWorld's own behaviour (docs/tasks.md, 'Calibration against
/// MetaWorld', lists the figures); `SawyerArmTests` checks them.
public struct SawyerCalibration: Sendable {
    /// Time constant of the soft weld pulling the hand to the mocap target (MuJoCo solref 0.02 s).
    public var weldTimeConstantSeconds = 0.021
    /// Mass of the hand body, kg, and the mass the weld's spring and damper are scaled for
    /// (MuJoCo scales a weld by the effective mass it moves; ODE's joint softness is absolute).
    /// It stands for the whole arm as the hand feels it: with the weld above it sets the sag at
    /// rest (m g / k = 4.3 mm; MetaWorld 4.9 mm) and the inertia a push or an impact meets. The
    /// arm's seven links were simulated until 2026-12-03 with their MetaWorld masses (18.7 kg in
    /// all) and this same weld; the calibrated behaviours (`SawyerArmTests`) held within their
    /// tolerances without them, at 0.28-0.50 of the physics time (docs/tasks.md, 'The arm and the gripper').
    public var handMassKilograms = 4.0
    /// Radius of gyration of the hand body, metres: its rotational inertia is m r² about every
    /// axis, about that of the gripper with the wrist (the weld's angular rows hold it down).
    public var handRadiusOfGyrationMetres = 0.055
    /// Finger drive: force per unit of gripper effort (MuJoCo kp 400), N.
    public var fingerForcePerEffort = 400.0
    /// Finger joint damping, N·s/m (MuJoCo: 1000).
    public var fingerDamping = 1000.0
    /// Time constant with which the finger drive builds up, standing in for MuJoCo's 100 kg
    /// finger armature (armature / damping = 0.1 s).
    public var fingerDriveTimeConstantSeconds = 0.085
    /// Largest force a finger drive may use, N: it also holds the claw at the ends of its travel.
    public var fingerHoldForceLimit = 2000.0
    /// Physics steps run at reset with the mocap at hand_init and the fingers open.
    public var settleSubsteps = 60
    /// Contact surfaces: gripper claws and pads, scenery, objects.
    public var clawSurface = SurfaceParameters.springDamper(stiffness: 2e5, damping: 2e3, timestepSeconds: 0.0025, friction: 1)
    public var padSurface = SurfaceParameters.springDamper(stiffness: 2e5, damping: 2e3, timestepSeconds: 0.0025, friction: 2)
    public var objectSurface = SurfaceParameters.springDamper(stiffness: 2e5, damping: 2e3, timestepSeconds: 0.0025, friction: 1)
    /// Finger shells (claw and pad as one box) against scenery and fixture parts; those pairs'
    /// softness is set per category pair below, so only the friction counts. The pads' friction,
    /// as the pads are what held fixture handles before the shells took their contacts over.
    public var fingerShellSurface = SurfaceParameters.springDamper(stiffness: 2e5, damping: 2e3, timestepSeconds: 0.0025, friction: 2)
    public var scenerySurface = SurfaceParameters.springDamper(stiffness: 4e5, damping: 4e3, timestepSeconds: 0.0025, friction: 1)
    /// The gripper (base, claws, pads) against static scenery (table, rim, cabinets, drawer case,
    /// button box, window frame, peg block) gets a contact of its own, N/m and N·s/m (ERP 0.2 at
    /// 2.5 ms, like the surfaces above), instead of the softer claw surface (2e5 N/m): when the
    /// hand is blocked the mocap target keeps running away (as in MetaWorld) and the weld pushes
    /// with 1-3 kN, which sank the claws 0.5-1.5 cm into the scenery; at 3e6 N/m it is 1 mm.
    /// ODE applies it implicitly (ERP/CFM), so the stiffness stays stable.
    /// Gripper-vs-movable-object contacts keep `clawSurface`/`padSurface`: the grasp calibration.
    public var gripperSceneryStiffness = 3e6
    public var gripperSceneryDamping = 3e4
    /// Force-dependent friction slip, (m/s)/N, of the gripper's contacts with static scenery and
    /// with the moving parts of fixtures (drawer, door, window, button; never with task objects).
    /// Why: the physics faults under held random actions (26 of 2000 episodes, `dratsd bench
    /// faults`) were not deep contacts flipping. Traced, the arm sat still against a case wall or
    /// housing top with the mocap 30-50 cm away, then within one step a claw reached 1000-4700
    /// rad/s while the hand stayed calm, each time with ODE's "LCP internal error, s <= 0": the
    /// exact solver failed on the many rigid friction rows of coplanar claw and pad contacts
    /// carrying kN loads. Stiffer contacts alone did not change the rate (28 of 2000); slip
    /// regularises the friction rows (11 of 2000 against scenery only, 5 of 2000 with the fixture
    /// parts too). At 1e-3 a contact point carrying 10 N of friction creeps 1 cm/s; only kN pushes slide fast, and
    /// grasps of task objects are untouched. The rest is caught by `World.step`, which redoes a
    /// step the exact solver failed with the iterative one: 0 faulted episodes of 2000 (19 steps
    /// redone in 5 million) with the finger shells of `CollisionGroups` and
    /// `gripperFixtureContactPoints`.
    public var gripperContactFrictionSlip = 1e-3

    /// Friction creep of free task objects (puck, peg) held by the claws and pads, (m/s)/N x kg
    /// (`FrictionCreep`). Why: MuJoCo's friction is a soft constraint, so MetaWorld's grasps are
    /// not rigid: an object held still slides down between the pads (peg 0.44 mm/s, puck 2.0 mm/s,
    /// MuJoCo 3.3.0, held in the air after MetaWorld's scripted grasp), and a hand that closes on
    /// the peg while still descending keeps sinking to its lowest bound. MetaWorld's
    /// peg-insert-side policy waits for exactly that (hand within 2.5 cm of the peg's height)
    /// before lifting; with rigid grasps our hand stayed where the pads first gripped, 0-4 mm too
    /// high, and the policy succeeded in 26% of layouts against MetaWorld's 82% (90% against 87.5%
    /// over 200 layouts with the creep). One coefficient fits both objects: the peg creeps 0.48
    /// mm/s and the puck 1.8 mm/s here (`GraspCreepTests`).
    public var graspCreepCoefficient = 1.5e-3

    /// Contact points per touching pair of a gripper geom (base, finger shell) and scenery or a
    /// fixture part (4 for everything else). The hand's orientation is held by the weld and the
    /// arm, not by these contacts, so two points carry the push as well as four, and each point
    /// dropped takes three rows out of the exact solver: drawer-close, whose random play keeps
    /// the hand on the pulled-out drawer, spent 41% of its time in such steps.
    public var gripperFixtureContactPoints = 2

    /// ODE solver: `nil` for the exact LCP step, else iterations of the iterative QuickStep.
    public var quickStepIterations: Int? = nil

    public init() {}

    /// The contact surfaces of a task's objects and fixtures.
    public var taskSurfaces: TaskSurfaces {
        var free = objectSurface
        free.frictionCreep = FrictionCreep(coefficient: graspCreepCoefficient, againstCategories: CollisionGroups.grasping)
        return TaskSurfaces(object: objectSurface, freeObject: free, fixture: scenerySurface)
    }

    /// The weld as a spring-damper (N/m, N·s/m), critically damped at the time constant.
    public var weldSpringDamper: (stiffness: Double, damping: Double) {
        let m = handMassKilograms, tc = weldTimeConstantSeconds
        return (m / (tc * tc), 2 * m / tc)
    }
}
