/// Encodes, decodes, writes and reads the safetensors format (https://github.com/huggingface/safetensors):
/// an 8-byte little-endian header length N, N bytes of JSON header (padded with spaces to a multiple
/// of 8), then the tensors' raw little-endian bytes, tiling the data section in header offset order.
///
/// `encode` reproduces the reference implementation's bytes: metadata keys sorted, tensors laid out by
/// dtype (widest first) then name, which keeps every tensor aligned to its element size.
/// `write`/`read` add and verify a CRC-32C checksum in the metadata and replace files atomically.
public enum SafeTensors {
    /// The reference implementation's limit on the header length.
    public static let maximumHeaderBytes = 100_000_000
    /// The header key holding the string-to-string metadata.
    public static let metadataKey = "__metadata__"

    /// The file's bytes; deterministic for equal inputs. Throws if a tensor's bytes do not match its
    /// shape or a tensor uses the reserved name `__metadata__`.
    public static func encode(_ file: SafeTensorsFile) throws -> [UInt8] {
        try Encoder.encode(file).bytes
    }

    /// The tensors and metadata in `bytes`, after validating the whole layout: header length within
    /// bounds and the file, strict JSON, every tensor with a known dtype, a non-negative shape whose
    /// size matches its byte span, offsets tiling the data section exactly, no trailing bytes.
    /// Metadata is returned as stored, including any `drats.checksum` (which `decode` does not verify).
    public static func decode(_ bytes: [UInt8]) throws -> SafeTensorsFile {
        try Decoder.decode(bytes).file
    }
}
