internal import CNetworkKernels
#if canImport(Glibc)
import Glibc
#endif

/// The door to our own small-batch linear kernel (C, AVX-512F/VL, chosen at run time). For a few
/// rows, BLAS spends most of its time packing the weights; this kernel streams them once.
///
/// `DRATS_SMALL_BATCH_KERNEL=off` in the environment makes every layer use BLAS instead, so the
/// kernel's effect on speed (`dratsd bench ppo`) and on results (`make test-kernels`) can be
/// measured on a CPU that has it.
public enum SmallBatchKernel {
    /// Largest row count for which `Linear.forward` uses the kernel instead of BLAS (training
    /// minibatches are far larger and stay on BLAS).
    public static let maximumRows = 16

    /// The environment variable that switches the kernel off.
    public static let environmentVariable = "DRATS_SMALL_BATCH_KERNEL"

    /// True when this CPU can run the kernel.
    public static let isSupported: Bool = drats_small_linear_available() != 0

    /// True when `Linear.forward` uses the kernel: the CPU supports it and the environment does
    /// not switch it off.
    public static let isEnabled: Bool = {
        guard isSupported else { return false }
        switch setting(getenv(environmentVariable).map { String(cString: $0) }) {
        case .success(let on): return on
        case .failure(let message):
            // Read once, deep inside the network code, where nothing can be thrown to a user:
            // say so on stderr and keep the default rather than fail a run over a tuning knob.
            let line = "warning: \(message); the small-batch kernel stays on\n"
            _ = line.withCString { write(2, $0, strlen($0)) }
            return true
        }
    }()

    /// Whether the environment variable's `value` turns the kernel on (unset, empty or "on") or
    /// off ("off"), or a message naming the variable and the valid values.
    public static func setting(_ value: String?) -> Result<Bool, SettingError> {
        switch value {
        case nil, "", "on": return .success(true)
        case "off": return .success(false)
        case let other?: return .failure(SettingError(description: "\(environmentVariable)='\(other)' is not valid; use 'on' or 'off'"))
        }
    }

    /// A value of `DRATS_SMALL_BATCH_KERNEL` that is neither "on" nor "off".
    public struct SettingError: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// y = x w^T + b for `rows` rows by the kernel itself, whatever `isEnabled` says; false
    /// (nothing written) when the CPU cannot run it. `Linear.forward` calls it only when enabled.
    @inlinable
    public static func linear(
        input: UnsafePointer<Float>, rows: Int, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        inputSize: Int, outputSize: Int, output: UnsafeMutablePointer<Float>
    ) -> Bool {
        call(input, rows, weight, bias, inputSize, outputSize, output)
    }

    @usableFromInline
    static func call(
        _ x: UnsafePointer<Float>, _ rows: Int, _ w: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
        _ inputs: Int, _ outputs: Int, _ y: UnsafeMutablePointer<Float>
    ) -> Bool {
        drats_small_linear(x, Int32(rows), w, b, Int32(inputs), Int32(outputs), y) != 0
    }
}
