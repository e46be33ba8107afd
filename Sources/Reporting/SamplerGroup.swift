/// The runs of one sampler (its seeds), in seed order.
public struct SamplerGroup: Sendable, Equatable {
    public var sampler: String
    public var runs: [ReportRun]

    /// The known samplers in a fixed order (uniform first as the baseline, then DRATS and the
    /// other baselines), then any other by name.
    static let canonicalOrder = ["uniform", "drats", "learning-progress", "learning-potential", "hard-first"]

    /// Groups `runs` by sampler; runs with no evaluation are left out (see `ReportBuilder`).
    public static func group(_ runs: [ReportRun]) -> [SamplerGroup] {
        let bySampler = Dictionary(grouping: runs, by: \.sampler)
        let names = bySampler.keys.sorted { a, b in
            let (ia, ib) = (canonicalOrder.firstIndex(of: a) ?? Int.max, canonicalOrder.firstIndex(of: b) ?? Int.max)
            return ia != ib ? ia < ib : a < b
        }
        return names.map { name in
            SamplerGroup(sampler: name, runs: bySampler[name]!.sorted { ($0.seed, $0.id) < ($1.seed, $1.id) })
        }
    }

    /// The colour of this sampler in every figure: fixed per known sampler, so figures agree.
    public static func color(of sampler: String, index: Int) -> RGBColor {
        RGBColor.series(canonicalOrder.firstIndex(of: sampler) ?? (canonicalOrder.count + index))
    }

    /// "3 seeds" / "1 seed".
    var seedsLabel: String { runs.count == 1 ? "1 seed" : "\(runs.count) seeds" }
}
