import TaskRewards
/// The `env` section: the suite, its tasks and how the environment slots are stepped.
public struct EnvSettings: Codable, Sendable, Equatable {
    /// Task family. Default `mt10`.
    public var suite: EnvSuite = .mt10
    /// Tasks to train on, each once. Default: every task of the suite in its canonical order
    /// (all ten MT10 tasks in MetaWorld's order).
    public var tasks: [String] = EnvSuite.mt10.taskNames
    /// Seed fixing the suite's layouts (MetaWorld's 50 per task). Default 0.
    public var suiteSeed: UInt64 = 0
    /// How resets pick a layout: `suite` (the fixed layouts, as MetaWorld's benchmark) or
    /// `random`. Default `suite`.
    public var layoutMode: LayoutMode = .suite
    /// Environment slots stepped in parallel; each draws its task from the sampler at every
    /// episode reset. Default: one per task (the paper's setting). Also PPO's `numEnvs`.
    public var envSlots: Int = EnvSuite.mt10.taskNames.count
    /// Threads stepping the slots' physics; 0 means one per available core, decided when the
    /// run starts. Default 0.
    public var workerThreads: Int = 0

    public init() {}
}
