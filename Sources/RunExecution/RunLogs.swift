#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Daemon
import FileIO

/// A run's `train.log`, `metrics.jsonl` and TensorBoard event files while it trains: cut back to
/// the restored iteration at start, then appended to and synced at every iteration boundary.
final class RunLogs {
    let trainLog: LineAppender
    let metrics: LineAppender
    let tensorBoard: RunTensorBoard
    /// The latest evaluation kept in `metrics.jsonl` after the cut (for the log lines).
    private(set) var latestEvaluation: TrainLogLine.LatestEvaluation?
    /// Lines the progress callback also gets.
    private let progress: ((String) -> Void)?

    /// Cuts the files back to iteration `restoredIteration` at `restoredEnvSteps` (the logs by
    /// atomic rewrites, the event files in place), then opens them for appending. The event
    /// files go to `tensorboard/<tensorBoardName>/`.
    init(folder: RunFolder, restoredIteration: Int, restoredEnvSteps: Int, tensorBoardName: String,
         progress: ((String) -> Void)?) throws(DaemonError) {
        self.progress = progress
        latestEvaluation = try Self.cutMetrics(path: folder.metricsPath, after: restoredIteration)
        try Self.cutTrainLog(path: folder.trainLogPath, after: restoredIteration)
        tensorBoard = try RunTensorBoard(directory: try folder.tensorBoardDirectory(named: tensorBoardName),
                                         restoredEnvSteps: restoredEnvSteps)
        trainLog = try DaemonError.mapping { () throws(FileIOError) in try LineAppender(path: folder.trainLogPath) }
        metrics = try DaemonError.mapping { () throws(FileIOError) in try LineAppender(path: folder.metricsPath) }
    }

    /// Appends an event line to `train.log` (and hands it to the progress callback).
    func event(_ line: String) throws(DaemonError) {
        try DaemonError.mapping { () throws(FileIOError) in
            try trainLog.append(line)
            try trainLog.sync()
        }
        progress?(line)
    }

    /// Appends an event line when the disk allows; used on the way out, where a failure to log
    /// must not hide the reason the run stops.
    func eventIfPossible(_ line: String) {
        // The progress callback (a terminal) still gets the line when the disk refuses it.
        do { try event(line) } catch { progress?(line) }
    }

    /// Appends one iteration's metric records (as lines and as events) and its log line, then
    /// syncs the files, so a crash after this keeps the whole iteration.
    func iteration(records: [MetricsLine.Record], logLine: String, evaluation: TrainLogLine.LatestEvaluation?) throws(DaemonError) {
        try DaemonError.mapping { () throws(FileIOError) in for record in records { try metrics.append(record.jsonLine) } }
        try tensorBoard.append(records)
        try DaemonError.mapping { () throws(FileIOError) in
            try trainLog.append(logLine)
            try metrics.sync()
        }
        try tensorBoard.sync()
        try DaemonError.mapping { () throws(FileIOError) in try trainLog.sync() }
        if let evaluation { latestEvaluation = evaluation }
        progress?(logLine)
    }

    func close() {
        try? metrics.close()
        tensorBoard.close()
        try? trainLog.close()
    }

    /// Keeps the complete metric lines whose iteration is at most `iteration` and returns the
    /// latest evaluation among them. Unreadable lines (a torn write) are dropped.
    static func cutMetrics(path: String, after iteration: Int) throws(DaemonError) -> TrainLogLine.LatestEvaluation? {
        guard let lines = try completeLines(path) else { return nil }
        var kept: [String] = []
        var latest: TrainLogLine.LatestEvaluation?
        for line in lines {
            guard let (kind, lineIteration) = MetricsLine.kindAndIteration(of: line), lineIteration <= iteration else { continue }
            kept.append(line)
            if kind == "evaluation", let summary = MetricsLine.evaluationSummary(of: line) { latest = summary }
        }
        if kept != lines { try DaemonError.mapping { () throws(FileIOError) in try AtomicFile.write(text: kept.map { $0 + "\n" }.joined(), to: path) } }
        return latest
    }

    /// Keeps `train.log` up to (not including) the first iteration line past `iteration`; event
    /// lines after it described the discarded iterations.
    static func cutTrainLog(path: String, after iteration: Int) throws(DaemonError) {
        guard let lines = try completeLines(path) else { return }
        let end = lines.firstIndex { (TrainLogLine.iteration(of: $0) ?? 0) > iteration } ?? lines.count
        // A torn final line needs no rewrite: the appender cuts it off when it opens the file.
        if end < lines.count { try DaemonError.mapping { () throws(FileIOError) in try AtomicFile.write(text: lines[..<end].map { $0 + "\n" }.joined(), to: path) } }
    }

    /// The complete lines of `path`, nil when it does not exist.
    private static func completeLines(_ path: String) throws(DaemonError) -> [String]? {
        guard access(path, F_OK) == 0 else { return nil }
        return try DaemonError.mapping { () throws(FileIOError) in try LineReader.completeLines(path: path).lines }
    }
}
