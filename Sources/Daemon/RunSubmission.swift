/// What a user hands the store to queue a run: the resolved config and the facts the queue
/// shows without parsing it. The store adds the id, hash, timestamps and state.
public struct RunSubmission: Sendable, Equatable {
    /// Human name of the run (from the config); one line, not empty.
    public var name: String
    /// The resolved config exactly as it will be written to `config.yaml`.
    public var configText: String
    /// Name of the task sampler the run uses (e.g. `drats`, `uniform`).
    public var samplerName: String
    /// Seed of every random stream in the run.
    public var seed: UInt64
    /// Step budget: environment steps to train for, > 0.
    public var totalEnvSteps: Int64
    /// The sweep the run belongs to; set by `RunStore.submitSweep`, nil otherwise.
    public var sweepID: String?

    public init(name: String, configText: String, samplerName: String, seed: UInt64, totalEnvSteps: Int64, sweepID: String? = nil) {
        self.name = name
        self.configText = configText
        self.samplerName = samplerName
        self.seed = seed
        self.totalEnvSteps = totalEnvSteps
        self.sweepID = sweepID
    }

    /// Checks every field, reporting the first problem with its allowed range.
    func validate() throws(DaemonError) {
        if name.isEmpty || name.contains(where: \.isNewline) {
            throw .invalidField(field: "name", value: "'\(name)'", allowed: "a non-empty single line")
        }
        if samplerName.isEmpty || samplerName.contains(where: \.isNewline) {
            throw .invalidField(field: "samplerName", value: "'\(samplerName)'", allowed: "a non-empty single line")
        }
        if totalEnvSteps <= 0 {
            throw .invalidField(field: "totalEnvSteps", value: String(totalEnvSteps), allowed: "an integer > 0")
        }
    }
}
