import Foundation
import Testing

/// A Unix datagram socket standing in for systemd's notify socket: collects every message the
/// service sends, one datagram each.
final class NotifyListener: @unchecked Sendable {
    let path: String
    private let fd: Int32
    private let lock = NSLock()
    private var received: [String] = []
    private var closed = false

    private var marks = 0

    init(directory: String) throws {
        path = directory + "/notify.sock"
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = try Self.address(path)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0, "bind \(path): errno \(errno)")
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        Thread.detachNewThread { [self] in receiveLoop() }
    }

    deinit { close(fd) }

    private static func address(_ path: String) throws -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path), "socket path too long: \(path)")
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        return address
    }

    private func receiveLoop() {
        var buffer = [UInt8](repeating: 0, count: 8192)
        while !lock.withLock({ closed }) {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { continue }
            let message = String(decoding: buffer[0..<count], as: UTF8.self)
            lock.withLock { received.append(message) }
        }
    }

    func stop() { lock.withLock { closed = true } }

    /// Every message so far, each split into its `KEY=value` lines.
    var lines: [String] { lock.withLock { received.flatMap { $0.split(separator: "\n").map(String.init) } } }

    /// The lines that arrived after the line `first` and, if given, before the line `last`.
    func lines(after first: String, before last: String? = nil) -> [String] {
        let all = lines
        guard let start = all.firstIndex(of: first) else { return [] }
        let rest = all[(start + 1)...]
        return Array(last.flatMap { rest.firstIndex(of: $0) }.map { rest[..<$0] } ?? rest)
    }

    /// Sends a marker datagram (`TEST_MARK=n`, a fresh n each time) to this socket and waits up
    /// to `timeout` seconds for it to arrive; the marker line, or nil if it never came. Datagrams
    /// queue in the order they are sent, so every message sent before this call, by a service
    /// still running or one that has exited, is then in `lines` ahead of the marker, and every
    /// message behind it was sent after the call began: a point in time the test can put
    /// between messages, however late the receiving thread is.
    func mark(timeout: Double = 30) throws -> String? {
        let line = lock.withLock {
            marks += 1
            return "TEST_MARK=\(marks)"
        }
        var address = try Self.address(path)
        let sender = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(sender) }
        let payload = Array(line.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                payload.withUnsafeBytes { sendto(sender, $0.baseAddress, $0.count, 0, address, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
        }
        try #require(sent == payload.count, "sending a marker to \(path): errno \(errno)")
        return waitForLine(timeout: timeout) { $0 == line }
    }

    /// Waits up to `timeout` seconds for a line satisfying `predicate`.
    func waitForLine(timeout: Double, _ predicate: (String) -> Bool) -> String? {
        var found: String?
        _ = waitUntil(timeout: timeout) {
            found = lines.first(where: predicate)
            return found != nil
        }
        return found
    }
}

/// Polls `condition` every 50 ms for up to `timeout` seconds; returns whether it became true.
@discardableResult
func waitUntil(timeout: Double, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.05)
    }
    return try condition()
}

/// A `dratsd` running in the background whose stdout and stderr are collected as they come,
/// so a test can wait on what it has printed so far. Killed (SIGKILL) if still running at the end.
class DratsdProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var outputText = ""
    private var errorText = ""
    private let readers = DispatchGroup()

    init(_ arguments: [String], environment: [String: String]? = nil) throws {
        process.executableURL = DratsdBinary.url
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        collect(output) { $0.outputText += $1 }
        collect(errors) { $0.errorText += $1 }
    }

    private func collect(_ pipe: Pipe, into append: @escaping @Sendable (DratsdProcess, String) -> Void) {
        readers.enter()
        Thread.detachNewThread { [self] in
            let handle = pipe.fileHandleForReading
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                lock.withLock { append(self, String(decoding: data, as: UTF8.self)) }
            }
            readers.leave()
        }
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Standard output so far.
    var stdout: String { lock.withLock { outputText } }
    /// Standard error so far.
    var stderr: String { lock.withLock { errorText } }

    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits up to `timeout` seconds for the process to exit; its status, or nil if still
    /// running. Once it returns a status, `stdout` and `stderr` hold everything it printed.
    func waitForExit(timeout: Double) -> Int32? {
        guard waitUntil(timeout: timeout, { !process.isRunning }) else { return nil }
        process.waitUntilExit()
        _ = readers.wait(timeout: .now() + 30)
        return process.terminationStatus
    }

    /// SIGKILL, then wait for the exit.
    func kill9() {
        send(SIGKILL)
        process.waitUntilExit()
        _ = readers.wait(timeout: .now() + 30)
    }
}

/// A running `dratsd serve` whose stderr (its event log) is collected.
final class ServeProcess: DratsdProcess, @unchecked Sendable {
    init(stateDir: String, arguments: [String] = [], environment extra: [String: String] = [:]) throws {
        var environment = ProcessInfo.processInfo.environment
        for key in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "LOGS_DIRECTORY", "DRATSD_STATE_DIR"] { environment[key] = nil }
        environment.merge(extra) { $1 }
        try super.init(["serve", "--state-dir", stateDir, "--poll-interval-seconds", "0.1"] + arguments, environment: environment)
    }

    /// The event lines logged so far.
    var log: String { stderr }
}
