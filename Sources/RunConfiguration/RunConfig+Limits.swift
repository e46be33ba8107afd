import PPO
import Samplers

extension RunConfig {
    /// Upper bounds on a config file and on every count in it. No real run comes near them (the
    /// shipped configs are under 3 KB and a few hundred YAML nodes; the paper trains 100M steps on
    /// 10 slots of 10,000 steps). Within them reading a file takes well under a second, and
    /// every quantity computed from the counts (`envStepsPerIteration`, `iterationCount`, buffer
    /// and network sizes in elements and bytes) stays far inside `Int`. Validation refuses a
    /// value beyond its bound with the key, the value and the allowed range.
    public enum Limits {
        /// Largest config file: 1 MiB, checked before the file is parsed.
        public static let fileBytes = 1 << 20
        /// Most YAML nodes a config may expand to, an alias counting as the nodes it repeats;
        /// checked before Yams builds the document (`YAMLPreflight`).
        public static let yamlNodes = 10_000
        /// Most problems a refused config lists; the rest are counted.
        public static let reportedProblems = 40
        /// `run.totalEnvSteps`, `evaluation.everyEnvSteps`, `sampler.updateEveryEnvSteps` and
        /// `checkpoint.everyIterations`: 10^12, 10,000 times the paper's budget.
        public static let envSteps = SamplerConfig.Limits.envSteps
        /// `env.envSlots` (also PPO's `numEnvs`).
        public static let envSlots = PPOConfig.Limits.numEnvs
        /// `env.workerThreads`.
        public static let workerThreads = 256
        /// `evaluation.episodesPerTask`.
        public static let evaluationEpisodes = 100_000
        /// `checkpoint.keepLast`.
        public static let keptCheckpoints = 10_000
        /// Characters of `run.name`.
        public static let nameCharacters = 200

        /// "an integer in `lower`...`upper`", as validation messages give a bound.
        static func range(_ lower: Int, _ upper: Int) -> String { "an integer in \(lower)...\(upper)" }
    }
}
