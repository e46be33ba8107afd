import Daemon
import FileIO
import Foundation
import TensorBoardEvents

/// A run's TensorBoard event files in `tensorboard/<sampler>-seed<seed>/`: every `metrics.jsonl`
/// record again as scalars under the same keys, at step = environment steps, so that
/// `tensorboard --logdir <state>/runs` shows each run as `<run id>/tensorboard/<sampler>-seed<N>`.
///
/// Each start of the run (first start or resume) begins a new event file, named after a later
/// second than every file before it, since TensorBoard reads a folder's files in name order. The
/// files before it are first cut back, in place, to the last intact record at or before the
/// restored step, as `metrics.jsonl` is: then every step is on disk once. A TensorBoard that is
/// watching meanwhile sees the repeated steps arrive and drops the ones it had read past the
/// checkpoint (its `purge_orphaned_data`, on by default).
final class RunTensorBoard {
    /// The event file this execution appends to.
    let path: String
    private let appender: FileAppender

    /// Cuts the earlier files back to `restoredEnvSteps` and starts this execution's file.
    init(directory: String, restoredEnvSteps: Int, now: Date = Date()) throws(DaemonError) {
        let earlier: [String]
        do {
            earlier = try FileManager.default.contentsOfDirectory(atPath: directory).filter(EventFileName.isEventFile).sorted()
        } catch {
            throw .io(path: directory, operation: "list", errno: EIO)
        }
        var latestSeconds: Int64 = 0
        for name in earlier {
            let file = directory + "/" + name
            try Self.cut(file, after: Int64(restoredEnvSteps))
            if let seconds = EventFileName.unixSeconds(of: name) { latestSeconds = max(latestSeconds, seconds) }
        }
        let seconds = max(Int64(now.timeIntervalSince1970), latestSeconds + 1)
        path = directory + "/" + EventFileName.make(unixSeconds: seconds, host: ProcessInfo.processInfo.hostName)
        let path = self.path
        let appender = try DaemonError.mapping { () throws(FileIOError) in try FileAppender(path: path) }
        self.appender = appender
        if appender.size == 0 {
            let version = EventRecord.framed(Event(wallTime: now.timeIntervalSince1970, step: 0,
                                                   content: .fileVersion(Event.currentFileVersion)).encoded())
            try DaemonError.mapping { () throws(FileIOError) in
                try appender.append(version)
                try appender.sync()
            }
        }
    }

    /// Appends one event per record (not yet synced; `sync` does that with the other files).
    func append(_ records: [MetricsLine.Record], wallTime: Double = Date().timeIntervalSince1970) throws(DaemonError) {
        for record in records {
            let event = Event(wallTime: wallTime, step: Int64(record.envSteps), content: .scalars(record.tensorBoardScalars))
            let bytes = EventRecord.framed(event.encoded())
            try DaemonError.mapping { () throws(FileIOError) in try appender.append(bytes) }
        }
    }

    func sync() throws(DaemonError) { try DaemonError.mapping { () throws(FileIOError) in try appender.sync() } }

    func close() { try? appender.close() }

    /// Cuts `file` in place after its last intact record whose step is at most `step`: a torn
    /// or corrupt record and everything after it go, and so do the steps the resumed run will
    /// write again. The file-version event (step 0) always stays.
    static func cut(_ file: String, after step: Int64) throws(DaemonError) {
        guard let bytes = try DaemonError.mapping({ () throws(FileIOError) in try FileContents.read(file) }) else { return }
        let (records, _) = EventRecord.records(in: bytes)
        var keep = 0
        var offset = 0
        for record in records {
            offset += record.count + 16
            guard let event = Event.decode(record), event.step <= step else { break }
            keep = offset
        }
        guard keep < bytes.count else { return }
        try DaemonError.mapping { () throws(FileIOError) in
            let appender = try FileAppender(path: file)
            try appender.truncate(to: Int64(keep))
            try appender.close()
        }
    }
}
