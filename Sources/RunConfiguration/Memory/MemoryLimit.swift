import Foundation

/// The most memory one run may need (`RunConfig.MemoryEstimate`), and where that figure came
/// from: `--memory-limit` on `submit`, `train` and `serve`, else `$DRATSD_MEMORY_LIMIT`, else 90%
/// of this machine's memory.
///
/// The machine's memory is `MemTotal` from /proc/meminfo, or the process's cgroup memory limit
/// when that is lower (a container, systemd's `MemoryMax=`). Not `MemAvailable`: it moves with
/// the page cache and with whatever else runs, so a config accepted by `submit` would be refused
/// when the service starts it on a busier minute, and the answer would differ between two
/// identical submits; the total is the same at submit and at every start. The 10% left over is
/// for the kernel, the service's own runs beside it (`dratsd serve --max-concurrent` also checks
/// that the runs it starts together fit) and the estimate's error.
public struct MemoryLimit: Sendable, Equatable, CustomStringConvertible {
    /// Where the limit came from.
    public enum Source: Sendable, Equatable {
        /// `--memory-limit` with this text.
        case flag(String)
        /// `$DRATSD_MEMORY_LIMIT` with this text.
        case environment(String)
        /// `machineFraction` of this machine's memory: `MemTotal`, or the cgroup limit below it.
        case machine(MachineMemory)
        /// The machine's memory could not be read (no /proc/meminfo): no limit.
        case unknown
    }

    /// The limit in bytes (`Int.max` for `.unknown`).
    public var bytes: Int
    public var source: Source

    /// The environment variable that sets the limit (below `--memory-limit`).
    public static let environmentVariable = "DRATSD_MEMORY_LIMIT"
    /// The command-line option that sets the limit.
    public static let flagName = "--memory-limit"
    /// The share of the machine's memory a run may use by default.
    public static let machineFraction = 0.9

    public init(bytes: Int, source: Source) {
        self.bytes = bytes
        self.source = source
    }

    /// The limit for this process: `flag` (the option's text) if given, else the environment
    /// variable if set, else `machineFraction` of `machine` (this machine's memory). A value
    /// that is not a size is an error naming where it came from.
    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               machine: () -> MachineMemory? = { MachineMemory.current() }) throws(RunConfigError) -> MemoryLimit {
        if let flag {
            guard let bytes = ByteCount.parse(flag) else { throw .memoryLimit(setting: flagName, value: flag) }
            return MemoryLimit(bytes: bytes, source: .flag(flag))
        }
        if let text = environment[environmentVariable], !text.isEmpty {
            guard let bytes = ByteCount.parse(text) else { throw .memoryLimit(setting: environmentVariable, value: text) }
            return MemoryLimit(bytes: bytes, source: .environment(text))
        }
        return resolve(machine: machine())
    }

    /// The default limit for a machine with `memory` (none when it is unknown).
    public static func resolve(machine memory: MachineMemory?) -> MemoryLimit {
        guard let memory else { return MemoryLimit(bytes: Int.max, source: .unknown) }
        return MemoryLimit(bytes: Int(Double(memory.bytes) * machineFraction), source: .machine(memory))
    }

    /// "21.2 GiB (90% of this machine's 23.5 GiB, MemTotal in /proc/meminfo)", or the setting.
    public var description: String {
        switch source {
        case .flag(let text): "\(ByteCount.text(bytes)) (\(Self.flagName) \(text))"
        case .environment(let text): "\(ByteCount.text(bytes)) (\(Self.environmentVariable)=\(text))"
        case .machine(let memory): "\(ByteCount.text(bytes)) (\(Int(Self.machineFraction * 100))% of this machine's \(memory))"
        case .unknown: "none (this machine's memory cannot be read from /proc/meminfo)"
        }
    }
}

/// How much memory this machine gives the process: `MemTotal`, and the cgroup's limit when one
/// is set below it.
public struct MachineMemory: Sendable, Equatable, CustomStringConvertible {
    /// `MemTotal` from /proc/meminfo, in bytes.
    public var totalBytes: Int
    /// The memory limit of the process's cgroup (v2 `memory.max`, v1 `memory.limit_in_bytes`),
    /// when it is below `totalBytes`.
    public var cgroupBytes: Int?

    public init(totalBytes: Int, cgroupBytes: Int? = nil) {
        self.totalBytes = totalBytes
        self.cgroupBytes = cgroupBytes.flatMap { $0 < totalBytes ? $0 : nil }
    }

    /// The memory the process may use: the lower of the two.
    public var bytes: Int { min(totalBytes, cgroupBytes ?? totalBytes) }

    public var description: String {
        if let cgroupBytes { return "\(ByteCount.text(cgroupBytes)), its cgroup's memory limit (MemTotal is \(ByteCount.text(totalBytes)))" }
        return "\(ByteCount.text(totalBytes)), MemTotal in /proc/meminfo"
    }

    /// This machine's figures, read through `read` (a file's text, nil when it cannot be read);
    /// nil without a readable `MemTotal`.
    public static func current(read: (String) -> String? = { try? String(contentsOfFile: $0, encoding: .utf8) }) -> MachineMemory? {
        guard let meminfo = read("/proc/meminfo"), let total = memTotal(meminfo) else { return nil }
        return MachineMemory(totalBytes: total, cgroupBytes: cgroupLimit(procSelfCgroup: read("/proc/self/cgroup") ?? "", read: read))
    }

    /// `MemTotal: 24683584 kB` in bytes.
    static func memTotal(_ meminfo: String) -> Int? {
        for line in meminfo.split(separator: "\n") where line.hasPrefix("MemTotal:") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2, let kilobytes = Int(fields[1]) else { return nil }
            return fields.count >= 3 && fields[2] == "kB" ? kilobytes.multipliedReportingOverflow(by: 1024).partialValue : kilobytes
        }
        return nil
    }

    /// The process's cgroup memory limit: cgroup v2's `memory.max` of its own group (`0::/path`
    /// in /proc/self/cgroup) or v1's `memory.limit_in_bytes` of its memory group, else the same
    /// file at the hierarchy's root (a container sees its own group there). Nil when none is set
    /// ("max", or v1's page-rounded Int.max).
    static func cgroupLimit(procSelfCgroup: String, read: (String) -> String?) -> Int? {
        var candidates: [String] = []
        for line in procSelfCgroup.split(separator: "\n") {
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let path = fields[2] == "/" ? "" : String(fields[2])
            if fields[0] == "0" && fields[1].isEmpty {
                candidates += ["/sys/fs/cgroup\(path)/memory.max", "/sys/fs/cgroup/memory.max"]
            } else if fields[1].split(separator: ",").contains("memory") {
                candidates += ["/sys/fs/cgroup/memory\(path)/memory.limit_in_bytes", "/sys/fs/cgroup/memory/memory.limit_in_bytes"]
            }
        }
        for path in candidates {
            guard let text = read(path)?.trimmingCharacters(in: .whitespacesAndNewlines) else { continue }
            // "max" (v2) or a value near Int.max (v1) means no limit.
            guard let bytes = Int(text), bytes < Int.max / 2 else { return nil }
            return bytes
        }
        return nil
    }
}
