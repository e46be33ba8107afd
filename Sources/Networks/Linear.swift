/// A fully connected layer y = x W + b over a block of rows, with W stored [input, output].
///
/// Works on raw row pointers so a caller can run it on one task's rows of a batch; the
/// forward pass and each backward product are single GEMMs.
public final class Linear: ParameterOwner {
    public let inputSize: Int
    public let outputSize: Int
    /// W, shape [inputSize, outputSize].
    public let weight: Parameter
    /// b, shape [outputSize].
    public let bias: Parameter

    public var parameters: [Parameter] { [weight, bias] }

    public init(name: String, inputSize: Int, outputSize: Int) {
        self.inputSize = inputSize
        self.outputSize = outputSize
        weight = Parameter(name: name + ".weight", rows: inputSize, columns: outputSize)
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
                weight.value[i, o] = gain * q
            }
        }
        bias.value.fill(0)
    }

    /// output[rows, outputSize] = input[rows, inputSize] W + b.
    @inlinable
    public func forward(input: UnsafePointer<Float>, rows: Int, output: UnsafeMutablePointer<Float>) {
        guard rows > 0 else { return }
        let b = bias.value.pointer, width = outputSize
        for row in 0..<rows {
            let line = output + row * width
            for column in 0..<width { line[column] = b[column] }
        }
        BLAS.gemm(
            transposeA: false, transposeB: false, m: rows, n: width, k: inputSize,
            alpha: 1, a: input, lda: inputSize, b: weight.value.pointer, ldb: width,
            beta: 1, c: output, ldc: width)
    }

    /// Accumulates dW += x^T g and db += column sums of g; writes dx = g W^T when
    /// `inputGradient` is given (the first layer of a network does not need it).
    @inlinable
    public func backward(
        input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>, rows: Int,
        inputGradient: UnsafeMutablePointer<Float>?
    ) {
        guard rows > 0 else { return }
        let width = outputSize
        BLAS.gemm(
            transposeA: true, transposeB: false, m: inputSize, n: width, k: rows,
            alpha: 1, a: input, lda: inputSize, b: outputGradient, ldb: width,
            beta: 1, c: weight.gradient.pointer, ldc: width)
        let db = bias.gradient.pointer
        for row in 0..<rows {
            let line = outputGradient + row * width
            for column in 0..<width { db[column] += line[column] }
        }
        if let inputGradient {
            BLAS.gemm(
                transposeA: false, transposeB: true, m: rows, n: inputSize, k: width,
                alpha: 1, a: outputGradient, lda: width, b: weight.value.pointer, ldb: width,
                beta: 0, c: inputGradient, ldc: inputSize)
        }
    }
}
