import Foundation

/// Temporary-name suffixes: distinct between threads of this process (the pid separates processes).
enum TemporaryNames {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var counter: UInt64 = 0

    static func next() -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        counter += 1
        return counter
    }
}
