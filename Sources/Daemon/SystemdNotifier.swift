#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The sd_notify protocol without libsystemd: each message is one datagram of `KEY=value`
/// lines sent to the Unix socket named by `$NOTIFY_SOCKET` (a leading `@` means Linux's
/// abstract namespace). With the variable unset (not started by systemd) every call does nothing.
public struct SystemdNotifier: Sendable {
    /// A message the service sends to systemd.
    public enum Message: Sendable, Equatable {
        /// Startup finished (`Type=notify` units are "active" only after this).
        case ready
        /// A one-line status shown by `systemctl status`.
        case status(String)
        /// Keep-alive for `WatchdogSec=`.
        case watchdog
        /// Shutdown began.
        case stopping

        /// The datagram line.
        public var line: String {
            switch self {
            case .ready: "READY=1"
            case let .status(text): "STATUS=" + text.replacingOccurrences(of: "\n", with: " ")
            case .watchdog: "WATCHDOG=1"
            case .stopping: "STOPPING=1"
            }
        }
    }

    /// The socket path from `$NOTIFY_SOCKET`, or nil when not started by systemd.
    public let socketPath: String?

    /// Reads `NOTIFY_SOCKET` from `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let path = environment["NOTIFY_SOCKET"] ?? ""
        socketPath = path.isEmpty ? nil : path
    }

    /// Whether messages go anywhere.
    public var isEnabled: Bool { socketPath != nil }

    /// Sends `messages` in one datagram; a no-op when `$NOTIFY_SOCKET` is unset.
    public func send(_ messages: Message...) throws(DaemonError) {
        try send(messages)
    }

    /// Sends `messages` in one datagram; a no-op when `$NOTIFY_SOCKET` is unset.
    public func send(_ messages: [Message]) throws(DaemonError) {
        guard let socketPath, !messages.isEmpty else { return }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(socketPath.utf8)
        if pathBytes.first == UInt8(ascii: "@") { pathBytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity, socketPath.hasPrefix("/") || socketPath.hasPrefix("@") else {
            throw .systemdNotify(detail: "NOTIFY_SOCKET='\(socketPath)' is not an absolute path or @abstract name shorter than \(capacity) bytes")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in pathBytes.enumerated() { raw[index] = byte }
        }
        // Abstract names are not NUL-terminated: the address length says where they end.
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + pathBytes.count + (pathBytes[0] == 0 ? 0 : 1))

        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .systemdNotify(detail: "socket(): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let payload = Array(messages.map(\.line).joined(separator: "\n").utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sockaddrPointer in
                payload.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), sockaddrPointer, length) }
            }
        }
        guard sent == payload.count else {
            throw .systemdNotify(detail: "sending to NOTIFY_SOCKET=\(socketPath) failed: \(String(cString: strerror(errno)))")
        }
    }

    /// How often to send `WATCHDOG=1`: half of `WATCHDOG_USEC`, as systemd recommends, or nil
    /// when the watchdog is off or meant for another process (`WATCHDOG_PID` differs from `pid`).
    public static func watchdogInterval(environment: [String: String] = ProcessInfo.processInfo.environment,
                                        pid: Int32 = getpid()) throws(DaemonError) -> Duration? {
        guard let usecText = environment["WATCHDOG_USEC"], !usecText.isEmpty else { return nil }
        if let pidText = environment["WATCHDOG_PID"], !pidText.isEmpty {
            guard let watchedPID = Int32(pidText), watchedPID > 0 else {
                throw .systemdNotify(detail: "WATCHDOG_PID='\(pidText)' is not a process id")
            }
            if watchedPID != pid { return nil }
        }
        guard let microseconds = UInt64(usecText), microseconds > 0 else {
            throw .systemdNotify(detail: "WATCHDOG_USEC='\(usecText)' is not a positive number of microseconds")
        }
        return .microseconds(Int64(clamping: microseconds / 2))
    }
}
