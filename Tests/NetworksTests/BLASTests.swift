import Testing
@testable import Networks

@Suite struct BLASTests {
    /// Every transpose combination, including the single-row and single-column shapes that
    /// the wrapper sends to GEMV.
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)], [(5, 4), (1, 4), (5, 1), (1, 1)])
    func gemmMatchesNaiveProduct(transposes: (Bool, Bool), shape: (Int, Int)) {
        let (transposeA, transposeB) = transposes
        let (m, n) = shape, k = 3
        let a = TestData.matrix(rows: transposeA ? k : m, columns: transposeA ? m : k, seed: 1)
        let b = TestData.matrix(rows: transposeB ? n : k, columns: transposeB ? k : n, seed: 2)
        let c = TestData.matrix(rows: m, columns: n, seed: 3)
        let original = c.values
        BLAS.gemm(
            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
            alpha: 2, a: a.pointer, lda: a.columns, b: b.pointer, ldb: b.columns,
            beta: 0.5, c: c.pointer, ldc: n)
        for i in 0..<m {
            for j in 0..<n {
                var sum: Float = 0
                for p in 0..<k {
                    sum += (transposeA ? a[p, i] : a[i, p]) * (transposeB ? b[j, p] : b[p, j])
                }
                #expect(abs(c[i, j] - (2 * sum + 0.5 * original[i * n + j])) < 1e-5)
            }
        }
    }

    @Test func emptyInnerDimensionOnlyScalesC() {
        let c = TestData.matrix(rows: 2, columns: 3, seed: 4)
        let before = c.values
        let dummy = Matrix(rows: 1, columns: 1)
        BLAS.gemm(transposeA: false, transposeB: false, m: 2, n: 3, k: 0, alpha: 1, a: dummy.pointer, lda: 1,
                  b: dummy.pointer, ldb: 3, beta: 0.5, c: c.pointer, ldc: 3)
        #expect(c.values == before.map { 0.5 * $0 })
        BLAS.gemm(transposeA: false, transposeB: false, m: 2, n: 3, k: 0, alpha: 1, a: dummy.pointer, lda: 1,
                  b: dummy.pointer, ldb: 3, beta: 0, c: c.pointer, ldc: 3)
        #expect(c.values.allSatisfy { $0 == 0 })
    }

    @Test func orthonormalizedColumnsAreOrthonormal() throws {
        let a = TestData.matrix(rows: 7, columns: 4, seed: 5)
        try BLAS.orthonormalizeColumns(a.pointer, rows: 7, columns: 4)
        for i in 0..<4 {
            for j in 0..<4 {
                var dot: Float = 0
                for r in 0..<7 { dot += a[r, i] * a[r, j] }
                #expect(abs(dot - (i == j ? 1 : 0)) < 1e-5)
            }
        }
    }

    @Test func orthonormalizeRejectsWideMatrix() {
        let a = Matrix(rows: 2, columns: 3)
        #expect(throws: NetworksError.self) { try BLAS.orthonormalizeColumns(a.pointer, rows: 2, columns: 3) }
    }

    @Test func openBLASThreadCountIsControllable() {
        let before = BLAS.threadCount
        #expect(before != nil, "libblas.so.3 should be OpenBLAS on this machine")
        #expect(BLAS.setThreadCount(2))
        #expect(BLAS.threadCount == 2)
        #expect(BLAS.setThreadCount(1))
        #expect(BLAS.threadCount == 1)
        #expect(!BLAS.setThreadCount(0))
        if let before { BLAS.setThreadCount(before) }
    }
}
