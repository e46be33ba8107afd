#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The service process that holds a running run: its pid, the kernel boot id it runs under, and
/// a lease token unique to this process start. A later service decides a run is orphaned when the
/// boot id differs (the machine rebooted), the pid is gone, or the lease heartbeat is stale (the
/// pid was reused by another program or the owner hung).
public struct RunOwner: Sendable, Equatable, Codable {
    /// Process id of the owning service.
    public var pid: Int32
    /// `/proc/sys/kernel/random/boot_id` when the owner started ("" where the file does not exist).
    public var bootID: String
    /// Random per-process token; the store only lets the holder of the token update the run.
    public var leaseToken: String

    public init(pid: Int32, bootID: String, leaseToken: String) {
        self.pid = pid
        self.bootID = bootID
        self.leaseToken = leaseToken
    }

    /// The owner identity of the calling process.
    public static func current() -> RunOwner {
        var generator = RunIDGenerator()
        let token = (0..<3).map { _ in generator.next(at: Date()).suffix(RunIDGenerator.randomLength) }.joined()
        return RunOwner(pid: getpid(), bootID: currentBootID(), leaseToken: "\(getpid())-" + token)
    }

    /// The owner of a Slurm array task: its pid on the compute node, `slurm:<job id>` in place
    /// of the boot id, and a fresh lease token.
    public static func slurmTask(jobID: String, restartCount: String) -> RunOwner {
        RunOwner(pid: getpid(), bootID: "slurm:" + jobID, leaseToken: "slurm-\(jobID)-\(restartCount)-" + current().leaseToken)
    }

    /// The Slurm job id of a Slurm task's owner (`slurmTask`), nil for a local process.
    public var slurmJobID: String? { bootID.hasPrefix("slurm:") ? String(bootID.dropFirst(6)) : nil }

    /// The kernel's boot id, or "" when unavailable (non-Linux).
    public static func currentBootID() -> String {
        guard let text = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8) else { return "" }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether a process with `pid` exists on this machine (EPERM means it exists but is not ours).
    public static func processExists(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}

extension RunRecord {
    /// A `running` run whose owning process is gone: this machine rebooted since it started, or
    /// its pid no longer exists (a killed `dratsd train` or service). The database still says
    /// running until a service starts and requeues it; `list` and `show` say orphaned. (A pid
    /// reused by another program still looks alive here; the service's lease timeout catches it.)
    public var isOrphaned: Bool {
        guard state == .running, let owner else { return false }
        // A Slurm task's process is on a compute node: Slurm's state says whether it lives.
        if owner.slurmJobID != nil { return false }
        if !owner.bootID.isEmpty, owner.bootID != RunOwner.currentBootID() { return true }
        return !RunOwner.processExists(owner.pid)
    }
}
