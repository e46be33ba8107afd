import Physics
import TaskRewards

/// peg-insert-side-v3 (docs/tasks.md, 'peg-insert-side-v3'): pick up the peg lying on the table and
/// push its head into the tunnel of the block. Layout: peg body xyz (z = 0.02, it drops 5 mm),
/// block xyz; goal = block + (0.03, 0, 0.13), 6.6 cm inside the tunnel mouth on its axis.
///
/// Grasp penetration (docs/tasks.md, 'Where ODE differs from MuJoCo'), decided: we keep the arm's
/// stiff pad contacts (2e5 N/m, a few tenths of a millimetre under the 400 N finger force) instead
/// of MuJoCo's soft ones, in which the pads sink until the fingers reach their limits and the peg
/// hangs ~2.5 cm below the hand. Reason: a stiff grasp holds the peg where the fingers close, so
/// the peg neither swings nor slides when it meets the tunnel mouth, and the task is solved the way
/// it is on MetaWorld (grasp, lift, line up with the tunnel, push in). What changes is only the
/// gripper reading of a held peg (≈0.4 here, ≈0.3 there) and how far below the hand it hangs; our
/// controller reads both from the observation instead of assuming MetaWorld's numbers.
public final class PegInsertSideTask: TaskScene {
    public static let task = MetaWorldTask.pegInsertSide
    /// Goal (goal site) relative to the block origin.
    public static let goalAboveBlock = PegInsertSideReward.targetAboveBox

    let peg: Peg
    let block: PegBlock
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public private(set) var blockOrigin = SIMD3<Double>(-0.3, 0.6, 0)
    public var mainObjectGeom: GeomID { peg.geom }

    public init(world: World, surfaces: TaskSurfaces) throws {
        peg = try Peg(world: world, surface: surfaces.freeObject)
        block = try PegBlock(world: world, surface: surfaces.fixture)
    }

    public func place(layout v: [Double], world: World) {
        // RewardInputs.objectInit: the peg body position as drawn (z 0.02), not the grasp site.
        objectInit = SIMD3(v[0], v[1], v[2])
        peg.place(at: objectInit, in: world)
        blockOrigin = SIMD3(v[3], v[4], v[5])
        block.place(at: blockOrigin, in: world)
        goal = blockOrigin + Self.goalAboveBlock
    }

    /// obs[4:7]: the pegGrasp site.
    public func objectPosition(world: World) -> SIMD3<Double> { world.worldPoint(Peg.graspSite, of: peg.body) }
    /// The site's frame is the peg body's: scipy (x, y, z, w), as MetaWorld reports it.
    public func objectQuaternion(world: World) -> SIMD4<Double> { scalarLast(world.pose(of: peg.body).rotation) }
    /// The pegHead site, which the reward measures against the goal.
    public func extraPoint(world: World) -> SIMD3<Double> { world.worldPoint(Peg.headSite, of: peg.body) }
}
