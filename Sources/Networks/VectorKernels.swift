/// Element-wise kernels written with explicit SIMD16 (one AVX-512 register), so they vectorise
/// even where the compiler cannot prove that the pointers do not alias.
public enum VectorKernels {
    public typealias Vector = SIMD16<Float>

    /// sums[c] += sum over rows of matrix[r, c] (bias gradients).
    @inlinable
    public static func addColumnSums(_ matrix: UnsafePointer<Float>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Float>) {
        let vectorColumns = columns - columns % Vector.scalarCount
        for row in 0..<rows {
            let line = matrix + row * columns
            var column = 0
            while column < vectorColumns {
                let total = load(sums + column) + load(line + column)
                store(total, sums + column)
                column += Vector.scalarCount
            }
            while column < columns {
                sums[column] += line[column]
                column += 1
            }
        }
    }

    /// Each of `rows` rows of `output` (stride `columns`) = `bias`.
    @inlinable
    public static func broadcastRows(_ bias: UnsafePointer<Float>, rows: Int, columns: Int, into output: UnsafeMutablePointer<Float>) {
        for row in 0..<rows { (output + row * columns).update(from: bias, count: columns) }
    }

    /// x = max(x, 0), keeping NaN visible.
    @inlinable
    public static func relu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        let vectorCount = count - count % Vector.scalarCount
        var index = 0
        while index < vectorCount {
            let value = load(x + index)
            store(value.replacing(with: 0, where: value .< 0), x + index)
            index += Vector.scalarCount
        }
        while index < count {
            if x[index] < 0 { x[index] = 0 }
            index += 1
        }
    }

    /// gradient = output > 0 ? gradient : 0.
    @inlinable
    public static func reluBackward(output: UnsafePointer<Float>, gradient: UnsafeMutablePointer<Float>, count: Int) {
        let vectorCount = count - count % Vector.scalarCount
        var index = 0
        while index < vectorCount {
            let g = load(gradient + index)
            store(g.replacing(with: 0, where: .!(load(output + index) .> 0)), gradient + index)
            index += Vector.scalarCount
        }
        while index < count {
            if !(output[index] > 0) { gradient[index] = 0 }
            index += 1
        }
    }

    @inlinable
    static func load(_ pointer: UnsafePointer<Float>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    @inlinable
    static func load(_ pointer: UnsafeMutablePointer<Float>) -> Vector { load(UnsafePointer(pointer)) }

    @inlinable
    static func store(_ value: Vector, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Vector.self)
    }
}
