internal import CSystemBLAS
#if canImport(Glibc)
import Glibc
#endif

/// The only door to CBLAS and LAPACKE: every `cblas_*` / `LAPACKE_*` call in drats is in this file.
///
/// Matrices are row-major Float32 throughout; the wrappers take raw pointers so that callers can
/// address a block of rows (one task's samples) without copying.
public enum BLAS {
    /// C = alpha * op(A) * op(B) + beta * C, all row-major; op(X) is X or its transpose.
    ///
    /// `m` x `k` is the shape of op(A), `k` x `n` that of op(B); `lda`, `ldb`, `ldc` are row strides.
    @inlinable
    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        rawGemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }

    @usableFromInline
    static func rawGemm(
        _ transposeA: Bool, _ transposeB: Bool, _ m: Int, _ n: Int, _ k: Int,
        _ alpha: Float, _ a: UnsafePointer<Float>, _ lda: Int,
        _ b: UnsafePointer<Float>, _ ldb: Int,
        _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int
    ) {
        if k == 0 {
            // BLAS leaves C untouched for k == 0 only when beta == 1; make the empty product explicit.
            for row in 0..<m {
                let line = c + row * ldc
                for column in 0..<n { line[column] = beta == 0 ? 0 : beta * line[column] }
            }
            return
        }
        // OpenBLAS's sgemm allocates scratch memory on some single-row / single-column shapes,
        // which rollout inference (one row per task head) hits every call; those are GEMVs.
        if m == 1 {
            let aStride = transposeA ? lda : 1
            if transposeB {
                cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(n), Int32(k), alpha, b, Int32(ldb), a, Int32(aStride), beta, c, 1)
            } else {
                cblas_sgemv(CblasRowMajor, CblasTrans, Int32(k), Int32(n), alpha, b, Int32(ldb), a, Int32(aStride), beta, c, 1)
            }
            return
        }
        if n == 1 {
            let bStride = transposeB ? 1 : ldb
            if transposeA {
                cblas_sgemv(CblasRowMajor, CblasTrans, Int32(k), Int32(m), alpha, a, Int32(lda), b, Int32(bStride), beta, c, Int32(ldc))
            } else {
                cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(m), Int32(k), alpha, a, Int32(lda), b, Int32(bStride), beta, c, Int32(ldc))
            }
            return
        }
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// Sum of squares of `count` contiguous values, accumulated in Float64 for a stable norm.
    public static func sumOfSquares(_ x: UnsafePointer<Float>, count: Int) -> Double {
        var total = 0.0
        for index in 0..<count { total += Double(x[index]) * Double(x[index]) }
        return total
    }

    /// Overwrites the `rows` x `columns` row-major matrix `a` (rows >= columns) with a matrix of
    /// orthonormal columns: the Q of its QR factorisation, signed so that R's diagonal is positive
    /// (which makes Q uniformly distributed when `a` is Gaussian).
    public static func orthonormalizeColumns(_ a: UnsafeMutablePointer<Float>, rows: Int, columns: Int) throws(NetworksError) {
        guard rows >= columns, columns > 0 else {
            throw .invalidShape("orthonormalizeColumns needs rows >= columns > 0, got \(rows) x \(columns)")
        }
        var tau = [Float](repeating: 0, count: columns)
        let factorStatus = LAPACKE_sgeqrf(LAPACK_ROW_MAJOR, Int32(rows), Int32(columns), a, Int32(columns), &tau)
        guard factorStatus == 0 else { throw .lapackFailure("sgeqrf", Int(factorStatus)) }
        var diagonalSigns = [Float](repeating: 1, count: columns)
        for index in 0..<columns where a[index * columns + index] < 0 { diagonalSigns[index] = -1 }
        let formStatus = LAPACKE_sorgqr(
            LAPACK_ROW_MAJOR, Int32(rows), Int32(columns), Int32(columns), a, Int32(columns), &tau)
        guard formStatus == 0 else { throw .lapackFailure("sorgqr", Int(formStatus)) }
        for row in 0..<rows {
            for column in 0..<columns { a[row * columns + column] *= diagonalSigns[column] }
        }
    }

    /// The number of threads OpenBLAS uses, or nil when the loaded BLAS is not OpenBLAS.
    public static var threadCount: Int? {
        guard let symbol = lookUp("openblas_get_num_threads") else { return nil }
        typealias Getter = @convention(c) () -> Int32
        return Int(unsafeBitCast(symbol, to: Getter.self)())
    }

    /// Asks OpenBLAS to use `count` threads. Returns false (and changes nothing) when the loaded
    /// BLAS is not OpenBLAS, so callers can report that thread counts are not controllable.
    @discardableResult
    public static func setThreadCount(_ count: Int) -> Bool {
        guard count >= 1, let symbol = lookUp("openblas_set_num_threads") else { return false }
        typealias Setter = @convention(c) (Int32) -> Void
        unsafeBitCast(symbol, to: Setter.self)(Int32(count))
        return true
    }

    /// Resolves a symbol among the libraries already loaded (OpenBLAS serves libblas.so.3).
    private static func lookUp(_ name: String) -> UnsafeMutableRawPointer? {
        guard let handle = dlopen(nil, RTLD_NOW) else { return nil }
        return dlsym(handle, name)
    }
}
