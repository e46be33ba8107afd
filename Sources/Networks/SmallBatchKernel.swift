internal import CNetworkKernels

/// The door to our own small-batch linear kernel (C, AVX-512F/VL, chosen at run time). For a few
/// rows, BLAS spends most of its time packing the weights; this kernel streams them once.
public enum SmallBatchKernel {
    /// Largest row count for which `Linear.forward` uses the kernel instead of BLAS (training
    /// minibatches are far larger and stay on BLAS).
    public static let maximumRows = 16

    /// True when this CPU can run the kernel (otherwise BLAS is used everywhere).
    public static let isAvailable: Bool = drats_small_linear_available() != 0

    /// y = x w^T + b for `rows` rows; false (nothing written) when the CPU cannot run it.
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
