/// The contents of one safetensors file: named tensors plus string-to-string metadata.
public struct SafeTensorsFile: Sendable, Equatable {
    /// Tensors by name. The name `__metadata__` is reserved by the format.
    public var tensors: [String: Tensor]
    /// Free-form metadata (`__metadata__` in the header). Keys starting with `drats.` are reserved.
    public var metadata: [String: String]

    public init(tensors: [String: Tensor] = [:], metadata: [String: String] = [:]) {
        self.tensors = tensors
        self.metadata = metadata
    }
}
