#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FileIO
import Foundation

/// One checkpoint file of a run.
public struct CheckpointEntry: Sendable, Equatable {
    /// Environment steps done when it was written.
    public var envSteps: Int64
    /// Full path of the file.
    public var path: String

    public init(envSteps: Int64, path: String) {
        self.envSteps = envSteps
        self.path = path
    }
}

/// The checkpoint files in a run's `checkpoints/` folder, named `step-<envSteps>.safetensors`
/// (zero-padded to 12 digits so `ls` sorts them). It names, lists and prunes files; what goes in
/// them and which one is "best" is the trainer's business.
///
/// Loading tries `entries()` newest first and falls back to the next when one fails its checks,
/// which is how a truncated or corrupt checkpoint costs one interval instead of the run.
public struct CheckpointCatalog: Sendable, Equatable {
    /// The `checkpoints/` folder.
    public let directoryPath: String

    public init(folder: RunFolder) { directoryPath = folder.checkpointsPath }

    public init(directoryPath: String) { self.directoryPath = directoryPath }

    /// Where the checkpoint taken at `envSteps` goes (write it with an atomic writer).
    public func path(forEnvSteps envSteps: Int64) -> String {
        let digits = String(envSteps)
        return directoryPath + "/step-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits + ".safetensors"
    }

    /// The checkpoints present, newest (most steps) first. Temporary files of unfinished atomic
    /// writes and unrelated names are ignored.
    public func entries() throws(DaemonError) -> [CheckpointEntry] {
        guard let directory = opendir(directoryPath) else {
            throw .fileSystem(errno, path: directoryPath, operation: "list checkpoints in")
        }
        defer { closedir(directory) }
        var found: [CheckpointEntry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard name.hasPrefix("step-"), name.hasSuffix(".safetensors") else { continue }
            let digits = name.dropFirst("step-".count).dropLast(".safetensors".count)
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let steps = Int64(digits) else { continue }
            found.append(CheckpointEntry(envSteps: steps, path: directoryPath + "/" + name))
        }
        return found.sorted { $0.envSteps > $1.envSteps }
    }

    /// Deletes all but the `keepNewest` newest checkpoints and those at `protectedSteps` (the
    /// best one, milestones), then syncs the folder. Returns what was deleted.
    @discardableResult
    public func prune(keepNewest: Int, protectedSteps: Set<Int64> = []) throws(DaemonError) -> [CheckpointEntry] {
        guard keepNewest >= 1 else {
            throw .invalidField(field: "keepNewest", value: String(keepNewest), allowed: "an integer >= 1 (the newest checkpoint is always kept)")
        }
        let doomed = try entries().dropFirst(keepNewest).filter { !protectedSteps.contains($0.envSteps) }
        for entry in doomed where unlink(entry.path) != 0 && errno != ENOENT {
            throw .fileSystem(errno, path: entry.path, operation: "delete old checkpoint")
        }
        if !doomed.isEmpty { try DaemonError.mapping { () throws(FileIOError) in try FileDescriptorIO.syncDirectory(directoryPath) } }
        return Array(doomed)
    }
}
