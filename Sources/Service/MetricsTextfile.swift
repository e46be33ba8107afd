import Daemon
import FileIO
import Foundation
import JSONLines

/// `dratsd serve --metrics-textfile PATH`: the service's state in Prometheus's text exposition
/// format, rewritten atomically every few seconds, for node_exporter's textfile collector
/// (Debian's `prometheus-node-exporter` reads `*.prom` in `/var/lib/prometheus/node-exporter`).
/// No port is opened: the systemd unit keeps `PrivateNetwork=yes`.
///
/// A lab engineer alerts on a run that stopped progressing
/// (`dratsd_run_seconds_since_progress > 900`), on failed runs, or on a service that died
/// (node_exporter's `node_textfile_mtime_seconds` stops moving; a clean stop writes
/// `dratsd_service_up 0`).
final class MetricsTextfile {
    let path: String
    /// Where each running run's `metrics.jsonl` was read up to, and its latest evaluation, so a
    /// write reads only the lines added since the last one.
    private var tails: [String: Tail] = [:]

    struct Tail {
        var offset: Int64 = 0
        var evaluation: Evaluation?
    }

    /// The figures of a run's latest evaluation line.
    struct Evaluation: Equatable {
        var envSteps: Double
        var meanSuccessRate: Double
        var worstSuccessRate: Double
    }

    init(path: String) { self.path = path }

    /// The path is one node_exporter reads (`*.prom`) in a directory that exists.
    static func check(path: String) throws(ServiceError) {
        guard path.hasSuffix(".prom"), !path.hasSuffix("/.prom") else {
            throw .invalidSetting(name: "--metrics-textfile", value: "'\(path)'",
                                  allowed: "a file name ending in .prom (node_exporter's textfile collector reads only those)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.isEmpty ? "." : directory, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw .invalidSetting(name: "--metrics-textfile", value: "'\(path)'",
                                  allowed: "a file in an existing directory (for node_exporter: /var/lib/prometheus/node-exporter)")
        }
    }

    /// Reads the store and the running runs' new metric lines, and replaces the file.
    func write(store: RunStore, stateDirectory: StateDirectory, status: ServiceStatus, up: Bool,
               now: Date = Date()) throws(DaemonError) {
        var counts: [(RunState, Int)] = []
        for state in RunState.allCases { counts.append((state, try store.count(in: state))) }
        let running = try store.list(states: [.running])
        var evaluations: [String: Evaluation] = [:]
        for record in running {
            var tail = tails[record.id] ?? Tail()
            if let folder = try? RunFolder(stateDirectory: stateDirectory, runID: record.id),
               let read = try? LineReader.completeLines(path: folder.metricsPath, from: tail.offset) {
                for line in read.lines where line.contains("\"kind\":\"evaluation\"") {
                    if let evaluation = Self.evaluation(of: line) { tail.evaluation = evaluation }
                }
                tail.offset = read.nextOffset
            }
            tails[record.id] = tail
            evaluations[record.id] = tail.evaluation
        }
        tails = tails.filter { id, _ in running.contains { $0.id == id } }
        let text = Self.render(counts: counts, running: running, evaluations: evaluations, status: status, up: up, now: now)
        try DaemonError.mapping { () throws(FileIOError) in try AtomicFile.write(text: text, to: path, permissions: 0o644) }
    }

    /// The exposition text (pure, for tests).
    static func render(counts: [(RunState, Int)], running: [RunRecord], evaluations: [String: Evaluation],
                       status: ServiceStatus, up: Bool, now: Date) -> String {
        var out = ""
        func family(_ name: String, _ help: String, _ samples: [(labels: String, value: Double)]) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
            for sample in samples { out += "\(name)\(sample.labels) \(number(sample.value))\n" }
        }
        family("dratsd_service_up", "1 while the dratsd service that writes this file is serving, 0 once it stopped cleanly.",
               [("", up ? 1 : 0)])
        family("dratsd_service_stopping", "1 while the service is checkpointing its runs to stop.", [("", status.stopping ? 1 : 0)])
        family("dratsd_service_running_runs", "Runs this service is training.", [("", Double(status.running))])
        family("dratsd_runs", "Runs in the run database, by state (running includes those of other services and of dratsd train).",
               counts.map { ("{state=\"\($0.0.rawValue)\"}", Double($0.1)) })
        let labels = running.map { record in
            "{run=\"\(escaped(record.id))\",name=\"\(escaped(record.name))\",sampler=\"\(escaped(record.samplerName))\",seed=\"\(record.seed)\"}"
        }
        func perRun(_ name: String, _ help: String, _ value: (RunRecord) -> Double?) {
            family(name, help, zip(running, labels).compactMap { record, label in value(record).map { (label, $0) } })
        }
        perRun("dratsd_run_env_steps", "Environment steps a running run has done.") { Double($0.envSteps) }
        perRun("dratsd_run_total_env_steps", "A running run's step budget.") { Double($0.totalEnvSteps) }
        perRun("dratsd_run_steps_per_second", "A running run's throughput over its last iteration.") { $0.stepsPerSecond }
        perRun("dratsd_run_seconds_since_progress",
               "Seconds since a running run last completed an iteration (or was claimed); alert when it grows.") {
            max(0, now.timeIntervalSince($0.updatedAt))
        }
        perRun("dratsd_run_faults", "Faults (NaN losses, unreadable checkpoints) since the run was last queued.") { Double($0.faultCount) }
        perRun("dratsd_run_eval_mean_success_rate", "Mean success over tasks at a running run's latest evaluation.") {
            evaluations[$0.id]?.meanSuccessRate
        }
        perRun("dratsd_run_eval_worst_success_rate", "Worst task's success at a running run's latest evaluation.") {
            evaluations[$0.id]?.worstSuccessRate
        }
        perRun("dratsd_run_eval_env_steps", "Environment steps at a running run's latest evaluation.") { evaluations[$0.id]?.envSteps }
        return out
    }

    static func evaluation(of line: String) -> Evaluation? {
        guard let record = MetricsRecord(line: line), let steps = record.numbers["env_steps"],
              let mean = record.numbers["eval/mean_success_rate"], let worst = record.numbers["eval/worst_success_rate"] else { return nil }
        return Evaluation(envSteps: steps, meanSuccessRate: mean, worstSuccessRate: worst)
    }

    /// A label value as the exposition format wants it: backslash, double quote and line feed escaped.
    static func escaped(_ value: String) -> String {
        var out = ""
        for character in value.unicodeScalars {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
