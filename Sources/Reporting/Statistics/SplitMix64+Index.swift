import Networks
import RandomStreams

extension SplitMix64 {
    /// Uniform integer in 0..<bound by rejection, so no index is favoured (the bootstrap's
    /// resampling; the generator is the project's seeded SplitMix64, so the same runs and seed
    /// give the same confidence intervals).
    mutating func index(below bound: Int) -> Int {
        let limit = UInt64(bound)
        let threshold = (0 &- limit) % limit
        while true {
            let value = next()
            if value >= threshold { return Int(value % limit) }
        }
    }
}
