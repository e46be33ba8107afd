/// A contiguous row-major Float32 matrix that owns its memory.
///
/// A reference type on purpose: layers, workspaces and optimisers hold matrices for their whole
/// life and update them in place, so hot loops reach the storage through `pointer` without
/// copy-on-write checks or allocation. Memory is allocated once, zero-filled, in `init`.
public final class Matrix {
    /// Number of rows.
    public let rows: Int
    /// Number of columns; also the row stride.
    public let columns: Int
    /// The first element; element (r, c) is at `pointer[r * columns + c]`.
    public let pointer: UnsafeMutablePointer<Float>

    /// A zero matrix. Negative sizes count as empty.
    public init(rows: Int, columns: Int) {
        self.rows = max(rows, 0)
        self.columns = max(columns, 0)
        let count = self.rows * self.columns
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
    }

    /// A matrix holding `values` in row-major order.
    public convenience init(rows: Int, columns: Int, values: [Float]) throws(NetworksError) {
        guard rows >= 0, columns >= 0, values.count == rows * columns else {
            throw .invalidShape("\(values.count) values cannot fill a \(rows) x \(columns) matrix")
        }
        self.init(rows: rows, columns: columns)
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { pointer.update(from: base, count: values.count) }
        }
    }

    deinit { pointer.deallocate() }

    /// rows x columns.
    @inlinable public var count: Int { rows * columns }

    /// Element access; bounds are checked only in debug builds.
    @inlinable public subscript(row: Int, column: Int) -> Float {
        get { pointer[row * columns + column] }
        set { pointer[row * columns + column] = newValue }
    }

    /// The start of row `row`.
    @inlinable public func row(_ row: Int) -> UnsafeMutablePointer<Float> { pointer + row * columns }

    /// A copy of all elements in row-major order.
    public var values: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    /// Sets every element to `value`.
    public func fill(_ value: Float) { pointer.update(repeating: value, count: count) }

    /// Copies `other`'s elements; the shapes must match.
    public func copy(from other: Matrix) throws(NetworksError) {
        guard other.rows == rows, other.columns == columns else {
            throw .invalidShape("cannot copy a \(other.rows) x \(other.columns) matrix into a \(rows) x \(columns) one")
        }
        pointer.update(from: other.pointer, count: count)
    }
}
