/// bin-picking-v3: grasp the cube in the start bin, lift it over the walls, carry it over the goal
/// bin and lower it to just above its floor. Like MetaWorld's scripted policy it grasps at a y
/// kept 2.5 cm inside the bin's middle, so that open fingers never land on a wall: closing drags
/// the cube to the grasp point.
public struct BinPickingController: ScriptedController {
    public init() {}

    static let goalBin = SIMD3<Double>(0.12, 0.7, 0)
    /// The grasp point's y stays in this range (the bin centre ± 2.5 cm).
    static let graspY = 0.675...0.725
    /// Cube height (centre) that clears the walls (tops at 0.06) with margin.
    static let carryZ = 0.13

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let tcp = o.hand - SIMD3(0, 0, handAboveTCP)
        let toCube = o.object - tcp
        let held = o.gripperOpening < PuckGrasp.closedReading
            && (toCube.x * toCube.x + toCube.y * toCube.y).squareRoot() < 0.02 && abs(toCube.z) < 0.03
        if held {
            let toBin = SIMD2(Self.goalBin.x - o.object.x, Self.goalBin.y - o.object.y)
            let handOverCube = o.hand - o.object
            var target: SIMD3<Double>
            if (toBin * toBin).sum() > 0.015 * 0.015 {
                // Lift clear first, then carry at height.
                target = o.object.z < Self.carryZ - 0.02
                    ? SIMD3(o.object.x, o.object.y, Self.carryZ)
                    : SIMD3(Self.goalBin.x, Self.goalBin.y, Self.carryZ)
            } else {
                target = SIMD3(Self.goalBin.x, Self.goalBin.y, Bin.floorTop + Cube.halfSide + 0.005)
            }
            target += handOverCube
            return SIMD4(move(from: o.hand, to: target), 1)
        }
        let grasp = SIMD3(o.object.x, min(max(o.object.y, Self.graspY.lowerBound), Self.graspY.upperBound), o.object.z)
        let xy = SIMD2(grasp.x - tcp.x, grasp.y - tcp.y)
        let graspHand = grasp + SIMD3(0, 0, PuckGrasp.graspHeight)
        if (xy * xy).sum() > 0.012 * 0.012 {
            // Stay high until over the grasp point so that the fingers clear the walls.
            let high = max(o.hand.z, grasp.z + PuckGrasp.graspHeight + 0.08)
            let target = (xy * xy).sum() > 0.02 * 0.02 ? SIMD3(grasp.x, grasp.y, high) : graspHand
            return SIMD4(move(from: o.hand, to: target), -1)
        }
        let closing = o.hand.z - graspHand.z < 0.006
        return SIMD4(move(from: o.hand, to: graspHand), closing ? 1 : -1)
    }
}
