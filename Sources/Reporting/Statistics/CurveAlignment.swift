/// Puts the evaluation curves of several seeds on common steps.
///
/// The rule: a sampler's curve has a point at step s only if every one of its runs was
/// evaluated at exactly s. Runs of one config are evaluated at the same steps (the first
/// iteration that crosses each multiple of `evaluation.everyEnvSteps`), so this keeps every
/// evaluation while all seeds are there and ends the curve where the shortest run ends;
/// nothing is interpolated.
public enum CurveAlignment {
    /// The steps at which every curve has a value, ascending.
    public static func sharedSteps(_ curves: [[(step: Int, value: Double)]]) -> [Int] {
        guard var shared = curves.first.map({ Set($0.map(\.step)) }) else { return [] }
        for curve in curves.dropFirst() { shared.formIntersection(curve.map(\.step)) }
        return shared.sorted()
    }

    /// For each shared step, the values of all curves there, in curve order.
    public static func align(_ curves: [[(step: Int, value: Double)]]) -> [(step: Int, values: [Double])] {
        let lookups = curves.map { curve in Dictionary(curve.map { ($0.step, $0.value) }, uniquingKeysWith: { _, last in last }) }
        return sharedSteps(curves).map { step in (step, lookups.map { $0[step]! }) }
    }
}
