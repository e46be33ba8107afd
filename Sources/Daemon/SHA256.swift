import Crypto

/// SHA-256 (FIPS 180-4), used to fingerprint a run's resolved config so two runs with the same
/// settings can be recognised and a run folder's config.yaml checked against its submission.
///
/// The hashing is swift-crypto's (BoringSSL's on Linux, CryptoKit's API): a well-kept library
/// beats our own compression function, and there is less code to keep. Nothing secret is
/// hashed here, so constant-time behaviour does not matter either way. This wrapper keeps the
/// call sites' API: the raw digest bytes and the lowercase hex string stored in the run table.
public enum SHA256 {
    /// The 32-byte digest of `bytes`.
    public static func digest<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        Array(Crypto.SHA256.hash(data: Array(bytes)))
    }

    /// The digest of the UTF-8 bytes of `text` as 64 lowercase hex digits.
    public static func hexDigest(of text: String) -> String {
        digest(Array(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
