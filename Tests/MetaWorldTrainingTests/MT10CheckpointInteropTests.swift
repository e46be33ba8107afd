import ChildProcess
import Foundation
import Manipulation
import SafeTensors
import Testing
import Trainer
@testable import MetaWorldTraining

/// The reference Python `safetensors` package reads a whole-run checkpoint: every tensor with its
/// dtype and shape (including an evaluation slot's empty action list) and the trainer metadata.
@Suite struct MT10CheckpointInteropTests {
    @Test func pythonReadsEveryTensorOfARunCheckpoint() throws {
        let trainer = try MT10Training.makeTrainer(config: MT10CheckpointTests.config(), taskNames: MT10CheckpointTests.tasks)
        _ = try trainer.iterate()
        let file = try trainer.checkpointFile(metadata: ["run_id": "interop"])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drats-run-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("run.safetensors")
        try SafeTensors.write(file, to: url)

        let script = """
        import sys, json
        from safetensors import safe_open
        with safe_open(sys.argv[1], framework="numpy") as f:
            meta = f.metadata()
            for name in sorted(f.keys()):
                t = f.get_tensor(name)
                print(name, t.dtype, "x".join(str(d) for d in t.shape) or "scalar", repr(float(t.astype("float64").sum())))
            print("META", meta["trainer_format"], meta["run_id"], ",".join(json.loads(meta["task_names"])), json.loads(meta["sampler_state"])["config"]["kind"])
        """
        let printed = try ChildProcess.pythonOutput(script, [url.path])
        let lines = printed.split(separator: "\n").map(String.init)
        #expect(lines.last == "META drats-trainer interop \(MT10CheckpointTests.tasks.joined(separator: ",")) drats")
        let dtypes: [DType: String] = [.f32: "float32", .f64: "float64", .i32: "int32", .i64: "int64", .u8: "uint8"]
        var expected: [String] = [], sums: [Double] = []
        for name in file.tensors.keys.sorted() {
            let tensor = file.tensors[name]!
            let sum: Double = switch tensor.dtype {
            case .f32: try tensor.float32Values().reduce(0) { $0 + Double($1) }
            case .f64: try tensor.float64Values().reduce(0, +)
            case .i32: Double(try tensor.int32Values().reduce(0, +))
            case .i64: try tensor.int64Values().reduce(0.0) { $0 + Double($1) }
            default: Double(try tensor.values(as: UInt8.self).reduce(0) { $0 + Int($1) })
            }
            expected.append("\(name) \(dtypes[tensor.dtype] ?? "?") \(tensor.shape.map(String.init).joined(separator: "x"))")
            sums.append(sum)
        }
        let tensorLines = lines.dropLast().map { $0.split(separator: " ") }
        #expect(tensorLines.map { $0.prefix(3).joined(separator: " ") } == expected)
        for (fields, sum) in zip(tensorLines, sums) {
            let read = fields.count == 4 ? Double(fields[3]) : nil
            #expect(read.map { abs($0 - sum) <= 1e-6 * max(1, abs(sum)) } == true, "\(fields) vs \(sum)")
        }
        #expect(expected.contains("trainer.evaluation_slots.0.episode_actions float32 0"))
        #expect(expected.contains("trainer.slots.1.episode_actions float32 200"))
    }
}
