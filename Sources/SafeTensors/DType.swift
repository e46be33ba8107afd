/// An element type of a tensor, spelled as in the safetensors header (`"F32"`, `"I64"`, ...).
///
/// The case order is the reference implementation's `Dtype` order; `encode` lays tensors out
/// largest rank first, exactly as the reference does, so every tensor's data starts at an offset
/// aligned to its element size and our bytes match the reference byte for byte.
public enum DType: String, Sendable, CaseIterable, Hashable {
    case bool = "BOOL"
    case u8 = "U8"
    case i8 = "I8"
    case f8e5m2 = "F8_E5M2"
    case f8e4m3 = "F8_E4M3"
    case i16 = "I16"
    case u16 = "U16"
    case f16 = "F16"
    case bf16 = "BF16"
    case i32 = "I32"
    case u32 = "U32"
    case f32 = "F32"
    case c64 = "C64"
    case f64 = "F64"
    case i64 = "I64"
    case u64 = "U64"

    /// Bytes per element.
    public var byteSize: Int {
        switch self {
        case .bool, .u8, .i8, .f8e5m2, .f8e4m3: 1
        case .i16, .u16, .f16, .bf16: 2
        case .i32, .u32, .f32: 4
        case .c64, .f64, .i64, .u64: 8
        }
    }

    /// Position in the reference implementation's ordering; higher ranks are laid out first.
    var layoutRank: Int { DType.allCases.firstIndex(of: self)! }

    /// Every dtype name this module accepts, for error messages.
    static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
