import Testing
import Networks

@Suite struct SmallBatchKernelTests {
    /// The kernel agrees with BLAS on shapes with and without 16-wide tails, odd output counts
    /// and every way of splitting rows into its blocks of 1 to 5. It runs the kernel itself, so
    /// it checks it even where `DRATS_SMALL_BATCH_KERNEL=off` keeps the networks on BLAS.
    @Test(.enabled(if: SmallBatchKernel.isSupported, "this CPU lacks AVX-512F/VL: the networks use BLAS only"),
          arguments: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 16], [(1, 1), (5, 3), (16, 2), (17, 7), (49, 400), (400, 8), (400, 5), (33, 6)])
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
        try #require(used)
        let viaBLAS = Matrix(rows: rows, columns: outputSize)
        for row in 0..<rows { viaBLAS.row(row).update(from: b.pointer, count: outputSize) }
        BLAS.gemm(transposeA: false, transposeB: true, m: rows, n: outputSize, k: inputSize, alpha: 1,
                  a: x.pointer, lda: inputSize, b: w.pointer, ldb: inputSize, beta: 1, c: viaBLAS.pointer, ldc: outputSize)
        for index in 0..<viaBLAS.count {
            #expect(abs(viaKernel.pointer[index] - viaBLAS.pointer[index]) <= 1e-4 * max(1, abs(viaBLAS.pointer[index])))
        }
    }

    /// Where the CPU cannot run the kernel, it says so and writes nothing; the networks use BLAS.
    @Test(.enabled(if: !SmallBatchKernel.isSupported, "this CPU has AVX-512F/VL"))
    func refusesWithoutTheInstructions() {
        let x = TestData.matrix(rows: 2, columns: 3, seed: 91), w = TestData.matrix(rows: 4, columns: 3, seed: 92)
        let b = TestData.matrix(rows: 1, columns: 4, seed: 93), y = Matrix(rows: 2, columns: 4)
        y.fill(.nan)
        #expect(!SmallBatchKernel.linear(input: x.pointer, rows: 2, weight: w.pointer, bias: b.pointer,
                                         inputSize: 3, outputSize: 4, output: y.pointer))
        #expect((0..<y.count).allSatisfy { y.pointer[$0].isNaN })
        #expect(!SmallBatchKernel.isEnabled)
    }

    /// The environment switch: unset, empty or "on" keep the kernel, "off" turns it off, and
    /// anything else is named with the valid values.
    @Test func environmentSetting() {
        #expect(SmallBatchKernel.setting(nil) == .success(true))
        #expect(SmallBatchKernel.setting("") == .success(true))
        #expect(SmallBatchKernel.setting("on") == .success(true))
        #expect(SmallBatchKernel.setting("off") == .success(false))
        guard case .failure(let error) = SmallBatchKernel.setting("0") else { Issue.record("'0' was accepted"); return }
        #expect(error.description == "DRATS_SMALL_BATCH_KERNEL='0' is not valid; use 'on' or 'off'")
    }
}
