import ChildProcess
import Foundation
import Testing
import TestScratch
@testable import SafeTensors

/// Our files against the reference implementation (`pip install safetensors numpy`, done by `make deps`).
@Suite struct PythonInteropTests {
    @Test func pythonLoadsWhatWeWrite() throws {
        let directory = try TestScratch("safetensors-py-read")
        defer { directory.remove() }
        let url = directory.file("ours.safetensors")
        let file = SafeTensorsFile(
            tensors: [
                "policy.weight": try Tensor(float32: [0.5, -1.25, 3, 1e-8, -0.0, 7], shape: [2, 3]),
                "value.bias": try Tensor(float64: [.pi], shape: [1]),
                "step": try Tensor(int64: [-9_000_000_000], shape: []),
                "mask": try Tensor(values: [UInt8(0), 1, 255], shape: [3]),
                "empty": try Tensor(int32: [], shape: [0, 4]),
            ],
            metadata: ["task": "reach-v3"])
        try SafeTensors.write(file, to: url)
        let script = """
            import sys, numpy as np
            from safetensors import safe_open
            from safetensors.numpy import load_file
            t = load_file(sys.argv[1])
            assert sorted(t) == ["empty", "mask", "policy.weight", "step", "value.bias"], sorted(t)
            w = t["policy.weight"]
            assert w.dtype == np.float32 and w.shape == (2, 3)
            assert w.tolist() == np.array([[0.5, -1.25, 3], [1e-8, -0.0, 7]], dtype=np.float32).tolist()
            assert t["value.bias"].dtype == np.float64 and t["value.bias"][0] == np.pi
            assert t["step"].dtype == np.int64 and t["step"].shape == () and int(t["step"]) == -9000000000
            assert t["mask"].dtype == np.uint8 and t["mask"].tolist() == [0, 1, 255]
            assert t["empty"].dtype == np.int32 and t["empty"].shape == (0, 4)
            with safe_open(sys.argv[1], "np") as f:
                m = f.metadata()
            assert m["task"] == "reach-v3" and m["drats.checksum"].startswith("crc32c:"), m
            print("ok")
            """
        #expect(try ChildProcess.pythonOutput(script, [url.path]) == "ok\n")
    }

    @Test func weLoadWhatPythonWrites() throws {
        let directory = try TestScratch("safetensors-py-write")
        defer { directory.remove() }
        let url = directory.file("theirs.safetensors")
        let script = """
            import sys, numpy as np
            from safetensors.numpy import save_file
            save_file({
                "a": np.arange(6, dtype=np.float32).reshape(2, 3) / 4,
                "b": np.array([1.5, -2.5], dtype=np.float64),
                "c": np.array([[-3, 4]], dtype=np.int64),
                "d": np.array([True, False]),
                "e": np.array(65535, dtype=np.uint16),
            }, sys.argv[1], metadata={"source": "python"})
            """
        _ = try ChildProcess.pythonOutput(script, [url.path])
        #expect(safeTensorsError { _ = try SafeTensors.read(from: url) } == .checksumMissing(path: url.path, reason: "no drats.checksum metadata"))
        let file = try SafeTensors.read(from: url, requireChecksum: false)
        #expect(file.metadata == ["source": "python"])
        #expect(try file.tensors["a"]?.float32Values() == [0, 0.25, 0.5, 0.75, 1, 1.25])
        #expect(file.tensors["a"]?.shape == [2, 3])
        #expect(try file.tensors["b"]?.float64Values() == [1.5, -2.5])
        #expect(try file.tensors["c"]?.int64Values() == [-3, 4])
        #expect(file.tensors["c"]?.shape == [1, 2])
        #expect(file.tensors["d"]?.dtype == .bool && file.tensors["d"]?.bytes == [1, 0])
        #expect(file.tensors["e"]?.dtype == .u16 && file.tensors["e"]?.shape == [] && file.tensors["e"]?.bytes == [0xFF, 0xFF])
        // Our encoder reproduces the reference bytes exactly (one metadata key, so its order is fixed).
        #expect(try SafeTensors.encode(file) == [UInt8](Data(contentsOf: url)))
    }

    @Test func pythonLoadsTheGoldenFile() throws {
        let script = """
            import sys
            from safetensors.numpy import load_file
            t = load_file(sys.argv[1])
            print(t["step"].tolist(), t["weight"].tolist(), t["flags"].tolist())
            """
        #expect(try ChildProcess.pythonOutput(script, [Golden.committedURL.path]) == "7 [[1.0, -2.0], [0.5, 3.25]] [1, 0, 255]\n")
    }
}
