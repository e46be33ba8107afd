import Networks
import RandomStreams

/// Seeded random inputs for the tests.
enum TestData {
    static func matrix(rows: Int, columns: Int, seed: UInt64, scale: Double = 1) -> Matrix {
        var generator = Xoshiro256(seed: seed)
        let matrix = Matrix(rows: rows, columns: columns)
        for index in 0..<matrix.count { matrix.pointer[index] = Float(scale * generator.nextGaussian()) }
        return matrix
    }

    static func rows(_ matrix: Matrix) -> [[Double]] {
        (0..<matrix.rows).map { r in (0..<matrix.columns).map { Double(matrix[r, $0]) } }
    }

    /// Random small weights for every parameter of `owner` (so tests do not depend on init).
    static func randomize(_ owner: ParameterOwner, seed: UInt64, scale: Double = 0.5) {
        var generator = Xoshiro256(seed: seed)
        for parameter in owner.parameters {
            for index in 0..<parameter.count { parameter.value.pointer[index] = Float(scale * generator.nextGaussian()) }
        }
    }
}
