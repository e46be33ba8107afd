/// faucet-open-v3 and faucet-close-v3: turn the faucet's handle (docs/tasks.md, 'The faucet
/// family'). Reads `object` (the handle site), `tcp`, `target`, `objectInit` (the base) and
/// `tcpInit`.
public enum FaucetReward {
    /// Success, in-place bound and override radius (m).
    public static let targetRadius = 0.07
    /// The reach term's bound (m).
    public static let reachRadius = 0.01
    /// faucet-open's reward shifts the observed point by this before using it (MetaWorld's
    /// compute_reward); faucet-close uses the point as observed.
    public static let openPointShift = SIMD3<Double>(-0.04, 0, 0.03)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs, shift: SIMD3<Double>) -> RewardOutput {
        let object = inputs.object + shift
        let objectToTarget = norm(object - inputs.target)
        let inPlace = tolerance(
            objectToTarget, lower: 0, upper: targetRadius, margin: abs(norm(inputs.objectInit - inputs.target) - targetRadius))
        let tcpToObject = norm(object - inputs.tcp)
        let reach = tolerance(
            tcpToObject, lower: 0, upper: reachRadius, margin: abs(norm(inputs.objectInit - inputs.tcpInit) - reachRadius),
            sigmoid: .gaussian)
        let reward = objectToTarget <= targetRadius ? 10 : 2 * (2 * reach + 3 * inPlace)
        return RewardOutput(
            reward: reward, success: objectToTarget <= targetRadius, nearObject: tcpToObject <= reachRadius,
            graspSuccess: true, graspReward: reach, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }

    @inlinable public static func open(_ inputs: RewardInputs) -> RewardOutput { evaluate(inputs, shift: openPointShift) }
    @inlinable public static func close(_ inputs: RewardInputs) -> RewardOutput { evaluate(inputs, shift: .zero) }
}
