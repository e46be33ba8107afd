/// A Swift scalar stored in a tensor as a fixed-width little-endian bit pattern.
public protocol TensorElement: Sendable {
    associatedtype Bits: FixedWidthInteger & UnsignedInteger
    /// The dtype this Swift type is stored as.
    static var dtype: DType { get }
    var tensorBits: Bits { get }
    init(tensorBits: Bits)
}

extension Float: TensorElement {
    public static var dtype: DType { .f32 }
    public var tensorBits: UInt32 { bitPattern }
    public init(tensorBits: UInt32) { self.init(bitPattern: tensorBits) }
}

extension Double: TensorElement {
    public static var dtype: DType { .f64 }
    public var tensorBits: UInt64 { bitPattern }
    public init(tensorBits: UInt64) { self.init(bitPattern: tensorBits) }
}

extension Int64: TensorElement {
    public static var dtype: DType { .i64 }
    public var tensorBits: UInt64 { UInt64(bitPattern: self) }
    public init(tensorBits: UInt64) { self.init(bitPattern: tensorBits) }
}

extension Int32: TensorElement {
    public static var dtype: DType { .i32 }
    public var tensorBits: UInt32 { UInt32(bitPattern: self) }
    public init(tensorBits: UInt32) { self.init(bitPattern: tensorBits) }
}

extension UInt64: TensorElement {
    public static var dtype: DType { .u64 }
    public var tensorBits: UInt64 { self }
    public init(tensorBits: UInt64) { self = tensorBits }
}

extension UInt8: TensorElement {
    public static var dtype: DType { .u8 }
    public var tensorBits: UInt8 { self }
    public init(tensorBits: UInt8) { self = tensorBits }
}

extension Tensor {
    /// A tensor of `T.dtype` holding `values` in row-major order; throws when the count does not match `shape`.
    public init<T: TensorElement>(values: [T], shape: [Int]) throws {
        let count = try Tensor.elementCount(shape: shape)
        guard count == values.count else {
            throw SafeTensorsError.invalidTensor(
                reason: "shape \(shape) holds \(count) elements but \(values.count) values were given")
        }
        let width = MemoryLayout<T.Bits>.size
        let bytes = [UInt8](unsafeUninitializedCapacity: count * width) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            for (index, value) in values.enumerated() {
                raw.storeBytes(of: value.tensorBits.littleEndian, toByteOffset: index * width, as: T.Bits.self)
            }
            initialized = count * width
        }
        try self.init(dtype: T.dtype, shape: shape, bytes: bytes)
    }

    /// The elements as `T`, row-major; throws unless the tensor's dtype is `T.dtype`.
    public func values<T: TensorElement>(as type: T.Type = T.self) throws -> [T] {
        guard dtype == T.dtype else {
            throw SafeTensorsError.invalidTensor(
                reason: "tensor holds \(dtype.rawValue), not \(T.dtype.rawValue); read it with the matching type")
        }
        let expected = try Tensor.byteCount(dtype: dtype, shape: shape)
        guard expected == bytes.count else {
            throw SafeTensorsError.invalidTensor(
                reason: "shape \(shape) of \(dtype.rawValue) needs \(expected) bytes, but the tensor holds \(bytes.count)")
        }
        let width = MemoryLayout<T.Bits>.size
        let count = bytes.count / width
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { index in
                T(tensorBits: T.Bits(littleEndian: raw.loadUnaligned(fromByteOffset: index * width, as: T.Bits.self)))
            }
        }
    }

    /// An `F32` tensor.
    public init(float32 values: [Float], shape: [Int]) throws { try self.init(values: values, shape: shape) }
    /// An `F64` tensor.
    public init(float64 values: [Double], shape: [Int]) throws { try self.init(values: values, shape: shape) }
    /// An `I64` tensor.
    public init(int64 values: [Int64], shape: [Int]) throws { try self.init(values: values, shape: shape) }
    /// An `I32` tensor.
    public init(int32 values: [Int32], shape: [Int]) throws { try self.init(values: values, shape: shape) }

    /// The elements of an `F32` tensor.
    public func float32Values() throws -> [Float] { try values() }
    /// The elements of an `F64` tensor.
    public func float64Values() throws -> [Double] { try values() }
    /// The elements of an `I64` tensor.
    public func int64Values() throws -> [Int64] { try values() }
    /// The elements of an `I32` tensor.
    public func int32Values() throws -> [Int32] { try values() }
}
