import Foundation

/// A fresh, empty directory for one test, created with mkdtemp (so parallel tests and test
/// processes never share one) and removed by `remove()` or when the last reference goes.
public final class TestScratch: Sendable {
    /// The directory's absolute path.
    public let path: String

    /// Creates `<temporary directory>/drats-<label>-XXXXXX`.
    public init(_ label: String = "test") throws {
        let base = NSTemporaryDirectory().hasSuffix("/") ? NSTemporaryDirectory() : NSTemporaryDirectory() + "/"
        var template = Array((base + "drats-\(label)-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw TestScratchError(label: label, errno: errno)
        }
        path = String(cString: made)
    }

    deinit { remove() }

    /// The directory as a file URL.
    public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// The path of `name` inside the directory.
    public func path(_ name: String) -> String { path + "/" + name }

    /// The URL of `name` inside the directory.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// The names in the directory, sorted (empty when it is gone).
    public var contents: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    /// Removes the directory and everything in it; safe to call more than once.
    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The temporary directory could not be created.
public struct TestScratchError: Error, CustomStringConvertible {
    public let label: String
    public let errno: Int32
    public var description: String {
        "cannot create a scratch directory for \(label) in \(NSTemporaryDirectory()): \(String(cString: strerror(errno))) (errno \(errno))"
    }
}
