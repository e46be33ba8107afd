import RandomStreams

/// A fully connected layer y = x W^T + b over a block of rows, with W stored [output, input]
/// as in PyTorch's nn.Linear (so checkpoints read naturally there).
///
/// Works on raw row pointers so a caller can run it on one task's rows of a batch; the
/// forward pass and each backward product are single GEMMs. The layout also keeps narrow
/// heads off OpenBLAS's non-transposed small-N GEMM path, which allocates on every call.
public final class Linear: ParameterOwner {
    public let inputSize: Int
    public let outputSize: Int
    /// W, shape [outputSize, inputSize].
    public let weight: Parameter
    /// b, shape [outputSize].
    public let bias: Parameter

    public var parameters: [Parameter] { [weight, bias] }

    public init(name: String, inputSize: Int, outputSize: Int) {
        self.inputSize = inputSize
        self.outputSize = outputSize
        weight = Parameter(name: name + ".weight", rows: outputSize, columns: inputSize)
        bias = Parameter(name: name + ".bias", rows: 1, columns: outputSize, shape: [outputSize])
    }

    /// Orthogonal weights scaled by `gain`, zero bias (the initialisation CleanRL's PPO uses).
    public func initializeOrthogonal(gain: Float, using generator: inout Xoshiro256) throws(NetworksError) {
        let tall = max(inputSize, outputSize), narrow = min(inputSize, outputSize)
        let scratch = Matrix(rows: tall, columns: narrow)
        for index in 0..<scratch.count { scratch.pointer[index] = Float(generator.nextGaussian()) }
        try BLAS.orthonormalizeColumns(scratch.pointer, rows: tall, columns: narrow)
        for i in 0..<inputSize {
            for o in 0..<outputSize {
                let q = inputSize >= outputSize ? scratch[i, o] : scratch[o, i]
                weight.value[o, i] = gain * q
            }
        }
        bias.value.fill(0)
    }

    /// output[rows, outputSize] = input[rows, inputSize] W^T + b.
    @inlinable
    public func forward(input: UnsafePointer<Float>, rows: Int, output: UnsafeMutablePointer<Float>) {
        guard rows > 0 else { return }
        if rows <= SmallBatchKernel.maximumRows, SmallBatchKernel.isEnabled, SmallBatchKernel.linear(
            input: input, rows: rows, weight: weight.value.pointer, bias: bias.value.pointer,
            inputSize: inputSize, outputSize: outputSize, output: output) {
            return
        }
        let width = outputSize
        VectorKernels.broadcastRows(bias.value.pointer, rows: rows, columns: width, into: output)
        BLAS.gemm(
            transposeA: false, transposeB: true, m: rows, n: width, k: inputSize,
            alpha: 1, a: input, lda: inputSize, b: weight.value.pointer, ldb: inputSize,
            beta: 1, c: output, ldc: width)
    }

    /// Accumulates dW += g^T x and db += column sums of g; writes dx = g W when
    /// `inputGradient` is given (the first layer of a network does not need it).
    @inlinable
    public func backward(
        input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>, rows: Int,
        inputGradient: UnsafeMutablePointer<Float>?
    ) {
        guard rows > 0 else { return }
        let width = outputSize
        BLAS.gemm(
            transposeA: true, transposeB: false, m: width, n: inputSize, k: rows,
            alpha: 1, a: outputGradient, lda: width, b: input, ldb: inputSize,
            beta: 1, c: weight.gradient.pointer, ldc: inputSize)
        VectorKernels.addColumnSums(outputGradient, rows: rows, columns: width, into: bias.gradient.pointer)
        if let inputGradient {
            BLAS.gemm(
                transposeA: false, transposeB: false, m: rows, n: inputSize, k: width,
                alpha: 1, a: outputGradient, lda: width, b: weight.value.pointer, ldb: inputSize,
                beta: 0, c: inputGradient, ldc: inputSize)
        }
    }
}
