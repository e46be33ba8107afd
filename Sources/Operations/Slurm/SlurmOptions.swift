/// How a sweep's job array asks Slurm for resources (`dratsd sweep --backend slurm ...`).
public struct SlurmOptions: Sendable, Equatable {
    /// `--partition`; nil: the cluster's default.
    public var partition: String?
    /// `--time` as Slurm writes it (`MM`, `HH:MM:SS`, `D-HH:MM:SS`); nil: the partition's limit.
    public var time: String?
    /// `--cpus-per-task`; each run gets this many environment threads.
    public var cpusPerTask: Int
    /// The array's `%K` throttle: at most this many runs at once; nil: no throttle.
    public var maxParallel: Int?
    /// Seconds before the time limit at which Slurm sends USR1 (`--signal=B:USR1@N`): the run
    /// checkpoints and requeues itself. Slurm may send it up to a minute early.
    public var signalSeconds: Int
    /// More `sbatch` options, each one argument (`--mem=4G`, `--account=lab`).
    public var extraArguments: [String]

    public init(partition: String? = nil, time: String? = nil, cpusPerTask: Int = 1, maxParallel: Int? = nil,
                signalSeconds: Int = 120, extraArguments: [String] = []) {
        self.partition = partition
        self.time = time
        self.cpusPerTask = cpusPerTask
        self.maxParallel = maxParallel
        self.signalSeconds = signalSeconds
        self.extraArguments = extraArguments
    }

    /// Every problem, each naming the option and what is allowed; empty when the options are usable.
    public func problems() -> [String] {
        var problems: [String] = []
        let nameCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        if let partition, partition.isEmpty || !partition.allSatisfy(nameCharacters.contains) {
            problems.append("--partition is '\(partition)'; give a partition name (letters, digits, '.', '_', '-'), e.g. low")
        }
        if let time, !Self.isSlurmTime(time) {
            problems.append("--time is '\(time)'; give minutes, HH:MM:SS or D-HH:MM:SS, e.g. 04:00:00")
        }
        if !(1...4096).contains(cpusPerTask) { problems.append("--cpus-per-task is \(cpusPerTask); allowed: 1...4096") }
        if let maxParallel, !(1...100_000).contains(maxParallel) { problems.append("--max-parallel is \(maxParallel); allowed: 1...100000") }
        if !(10...86_400).contains(signalSeconds) {
            problems.append("--signal-seconds is \(signalSeconds); allowed: 10...86400 (the run needs the time to finish an iteration and checkpoint)")
        }
        if let time, let seconds = Self.seconds(time), seconds <= signalSeconds + 60 {
            problems.append("--time \(time) leaves no time to train before USR1 comes \(signalSeconds) s before the limit; "
                + "give a --time above --signal-seconds + 60 s")
        }
        for argument in extraArguments {
            let name = String(argument.prefix { $0 != "=" })
            if !argument.hasPrefix("-") || argument.contains(where: { $0.isWhitespace || $0 == "\0" }) {
                problems.append("--sbatch-arg '\(argument)' is not one sbatch option without spaces; give e.g. --sbatch-arg=--mem=4G")
            } else if Self.managedOptions.contains(name) {
                problems.append("--sbatch-arg '\(argument)' sets \(name), which the sweep's script sets itself (array, output, requeue, signal, job name); "
                    + "use the sweep's own options (--max-parallel, --signal-seconds, ...)")
            }
        }
        return problems
    }

    /// The sbatch options the script writes itself; an `--sbatch-arg` may not change them.
    static let managedOptions: Set<String> = ["--array", "-a", "--output", "-o", "--error", "-e", "--open-mode", "--requeue", "--no-requeue",
                                               "--signal", "--job-name", "-J", "--wrap", "--cpus-per-task", "-c", "--partition", "-p", "--time", "-t"]

    /// A Slurm time in seconds (`M`, `M:S`, `H:M:S`, `D-H`, `D-H:M`, `D-H:M:S`), nil when malformed.
    static func seconds(_ text: String) -> Int? {
        guard isSlurmTime(text) else { return nil }
        let dayParts = text.split(separator: "-")
        let days = dayParts.count == 2 ? Int(dayParts[0]) ?? 0 : 0
        let clock = dayParts.last!.split(separator: ":").map { Int($0) ?? 0 }
        let (hours, minutes, secs): (Int, Int, Int)
        if dayParts.count == 2 {
            (hours, minutes, secs) = (clock[0], clock.count > 1 ? clock[1] : 0, clock.count > 2 ? clock[2] : 0)
        } else {
            switch clock.count {
            case 1: (hours, minutes, secs) = (0, clock[0], 0)
            case 2: (hours, minutes, secs) = (0, clock[0], clock[1])
            default: (hours, minutes, secs) = (clock[0], clock[1], clock[2])
            }
        }
        return ((days * 24 + hours) * 60 + minutes) * 60 + secs
    }

    /// Slurm's time formats: `M`, `M:S`, `H:M:S`, `D-H`, `D-H:M`, `D-H:M:S`, all decimal.
    static func isSlurmTime(_ text: String) -> Bool {
        let dayParts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard dayParts.count <= 2, dayParts.allSatisfy({ !$0.isEmpty }) else { return false }
        if dayParts.count == 2, !dayParts[0].allSatisfy(\.isNumber) { return false }
        let clock = dayParts.last!.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(clock.count), clock.allSatisfy({ !$0.isEmpty && $0.count <= 6 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
        return true
    }

    /// The `#SBATCH` lines these options give, for the array of `runCount` runs.
    func directives(runCount: Int, jobName: String, logsPath: String) -> [String] {
        var lines = ["--job-name=\(jobName)", "--array=0-\(runCount - 1)" + (maxParallel.map { "%\($0)" } ?? ""),
                     "--output=\(logsPath)/%A_%a.out", "--open-mode=append", "--requeue",
                     "--signal=B:USR1@\(signalSeconds)", "--cpus-per-task=\(cpusPerTask)"]
        if let partition { lines.append("--partition=\(partition)") }
        if let time { lines.append("--time=\(time)") }
        return lines + extraArguments
    }
}
