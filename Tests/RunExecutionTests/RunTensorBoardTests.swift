import Daemon
import Foundation
@testable import RunExecution
import TensorBoardEvents
import Testing

/// The TensorBoard event files hold what `metrics.jsonl` holds, each step once, also after a
/// crash that lost the newest checkpoint and tore the event file's last record.
@Suite struct RunTensorBoardTests {
    /// The event files of `directory` in name order (as TensorBoard reads them) and their
    /// scalar events, each as its step and tag -> value.
    static func events(_ directory: String) throws -> (files: [String], events: [(step: Int64, values: [String: Float])]) {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter(EventFileName.isEventFile).sorted()
        var events: [(step: Int64, values: [String: Float])] = []
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + "/" + file)))
            let (records, validLength) = EventRecord.records(in: bytes)
            #expect(validLength == bytes.count, "\(file) ends in a torn or corrupt record")
            let decoded = records.compactMap(Event.decode)
            #expect(decoded.count == records.count)
            #expect(decoded.first?.content == .fileVersion(Event.currentFileVersion), "\(file) does not start with its version")
            for event in decoded {
                guard case let .scalars(scalars) = event.content else { continue }
                events.append((event.step, Dictionary(uniqueKeysWithValues: scalars.map { ($0.tag, $0.value) })))
            }
        }
        return (files, events)
    }

    @Test func eventFilesHoldTheMetricsOnceAcrossAResumeFromAnEarlierCheckpoint() throws {
        let scratch = try Scratch()
        let (record, _) = try scratch.start(TinyConfigs.gridWorld())
        scratch.trainAndInterrupt(record.id, atIteration: 5)
        let folder = try scratch.folder(record.id)
        let directory = folder.tensorBoardPath + "/drats-seed5"
        let before = try Self.events(directory)
        #expect(before.files.count == 1)
        #expect(before.events.count == 5 + 2, "five iterations and two evaluations")

        // As if killed after iteration 5 was logged but before its checkpoint landed, with a
        // record half written: the resume restores iteration 4 and redoes iteration 5.
        let checkpoints = try FileManager.default.contentsOfDirectory(atPath: folder.checkpointsPath).sorted()
        try FileManager.default.removeItem(atPath: folder.checkpointsPath + "/" + checkpoints.last!)
        let handle = try #require(FileHandle(forWritingAtPath: directory + "/" + before.files[0]))
        handle.seekToEndOfFile()
        handle.write(Data([0x40, 0, 0, 0, 0, 0, 0, 0, 0x01]))
        try handle.close()
        try scratch.restart(record.id)
        #expect(scratch.executor.execute(runID: record.id, stop: StopSignal()) == .completed)
        #expect(try scratch.lines(folder.trainLogPath).contains { $0.hasPrefix("resume: restored ") && $0.contains("(iteration 4,") })

        let after = try Self.events(directory)
        #expect(after.files.count == 2 && after.files[0] == before.files[0], "a resume starts a second file after the first")
        let metrics = try scratch.jsonLines(folder.metricsPath)
        #expect(after.events.count == metrics.count && metrics.count == 10 + 5)
        var seen = Set<String>()
        for (index, (event, line)) in zip(after.events, metrics).enumerated() {
            #expect(event.step == Int64((line["env_steps"] as! NSNumber).intValue), "event \(index + 1)")
            var expected: [String: Float] = [:]
            for (key, value) in line where !["kind", "iteration", "env_steps", "wall_seconds"].contains(key) {
                if let number = value as? NSNumber { expected[key] = Float(number.doubleValue) }
            }
            #expect(event.values == expected, "event \(index + 1) differs from metrics line \(index + 1)")
            for tag in event.values.keys { #expect(seen.insert("\(tag)@\(event.step)").inserted, "\(tag) twice at step \(event.step)") }
        }
    }

    @Test func aFolderNameThatIsNotOnePlainComponentIsRefused() throws {
        let scratch = try Scratch()
        let (record, _) = try scratch.start(TinyConfigs.gridWorld())
        let folder = try scratch.folder(record.id)
        try folder.create(configText: record.configText)
        for bad in ["", "../x", ".hidden", "a/b", String(repeating: "a", count: 101)] {
            #expect(throws: DaemonError.self) { _ = try folder.tensorBoardDirectory(named: bad) }
        }
        #expect(try folder.tensorBoardDirectory(named: "drats-seed1") == folder.tensorBoardPath + "/drats-seed1")
    }
}
