import Testing
import Networks

@Suite struct SmallBatchKernelTests {
    /// The kernel agrees with BLAS on shapes with and without 16-wide tails, odd output counts
    /// and every way of splitting rows into its blocks of 1 to 5.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 16], [(1, 1), (5, 3), (16, 2), (17, 7), (49, 400), (400, 8), (400, 5), (33, 6)])
    func matchesBLAS(rows: Int, sizes: (Int, Int)) throws {
        let (inputSize, outputSize) = sizes
        let x = TestData.matrix(rows: rows, columns: inputSize, seed: 91)
        let w = TestData.matrix(rows: outputSize, columns: inputSize, seed: 92)
        let b = TestData.matrix(rows: 1, columns: outputSize, seed: 93)
        let viaKernel = Matrix(rows: rows, columns: outputSize)
        viaKernel.fill(.nan)
        let used = SmallBatchKernel.linear(
            input: x.pointer, rows: rows, weight: w.pointer, bias: b.pointer,
            inputSize: inputSize, outputSize: outputSize, output: viaKernel.pointer)
        #expect(used == SmallBatchKernel.isAvailable)
        guard used else { return }
        let viaBLAS = Matrix(rows: rows, columns: outputSize)
        for row in 0..<rows { viaBLAS.row(row).update(from: b.pointer, count: outputSize) }
        BLAS.gemm(transposeA: false, transposeB: true, m: rows, n: outputSize, k: inputSize, alpha: 1,
                  a: x.pointer, lda: inputSize, b: w.pointer, ldb: inputSize, beta: 1, c: viaBLAS.pointer, ldc: outputSize)
        for index in 0..<viaBLAS.count {
            #expect(abs(viaKernel.pointer[index] - viaBLAS.pointer[index]) <= 1e-4 * max(1, abs(viaBLAS.pointer[index])))
        }
    }
}
