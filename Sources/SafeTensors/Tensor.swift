/// One tensor: element type, shape (row-major, outermost first) and its raw little-endian bytes.
///
/// Equality compares bytes, so two tensors holding NaN with the same bit pattern are equal.
public struct Tensor: Sendable, Equatable {
    public var dtype: DType
    /// Dimensions, outermost first; `[]` is a scalar (one element), a zero dimension is an empty tensor.
    public var shape: [Int]
    /// Little-endian element bytes, row-major.
    public var bytes: [UInt8]

    /// A tensor from raw little-endian bytes; throws when `bytes.count` is not `shape` × `dtype.byteSize`.
    public init(dtype: DType, shape: [Int], bytes: [UInt8]) throws {
        let expected = try Tensor.byteCount(dtype: dtype, shape: shape)
        guard expected == bytes.count else {
            throw SafeTensorsError.invalidTensor(
                reason: "shape \(shape) of \(dtype.rawValue) needs \(expected) bytes, got \(bytes.count)")
        }
        self.dtype = dtype
        self.shape = shape
        self.bytes = bytes
    }

    /// Number of elements: the product of `shape` (1 for a scalar); 0 for an invalid (negative or overflowing) shape.
    public var elementCount: Int { (try? Tensor.elementCount(shape: shape)) ?? 0 }

    /// Elements in `shape`, rejecting negative dimensions and overflow.
    static func elementCount(shape: [Int]) throws -> Int {
        var count = 1
        for dimension in shape {
            guard dimension >= 0 else {
                throw SafeTensorsError.invalidTensor(reason: "shape \(shape) has a negative dimension \(dimension)")
            }
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow else {
                throw SafeTensorsError.invalidTensor(reason: "shape \(shape) has more elements than fit in memory")
            }
            count = product
        }
        return count
    }

    /// Bytes `shape` of `dtype` occupies, rejecting negative dimensions and overflow.
    static func byteCount(dtype: DType, shape: [Int]) throws -> Int {
        let (bytes, overflow) = try elementCount(shape: shape).multipliedReportingOverflow(by: dtype.byteSize)
        guard !overflow else {
            throw SafeTensorsError.invalidTensor(reason: "shape \(shape) of \(dtype.rawValue) has more bytes than fit in memory")
        }
        return bytes
    }
}
