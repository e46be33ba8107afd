import Daemon
import Foundation
import Testing
import TestScratch

@Suite struct SystemdNotifierTests {
    /// A datagram socket standing in for systemd's notify socket.
    private final class Listener {
        let fd: Int32

        init(address rawPath: [UInt8]) throws {
            fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                for (index, byte) in rawPath.enumerated() { raw[index] = byte }
            }
            let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + rawPath.count + (rawPath[0] == 0 ? 0 : 1))
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
            }
            try #require(bound == 0, "bind: errno \(errno)")
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit { close(fd) }

        func receive() -> String? {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            return count < 0 ? nil : String(decoding: buffer[0..<count], as: UTF8.self)
        }
    }

    @Test func withoutNotifySocketEverythingIsANoOp() throws {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isEnabled)
        try notifier.send(.ready, .status("idle"))
        #expect(!SystemdNotifier(environment: ["NOTIFY_SOCKET": ""]).isEnabled)
    }

    @Test func messagesArriveOnAPathSocket() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let path = temp.path + "/notify"
        let listener = try Listener(address: Array(path.utf8))
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path])
        #expect(notifier.socketPath == path)
        try notifier.send(.ready)
        #expect(listener.receive() == "READY=1")
        try notifier.send(.status("2 runs\nrunning"))
        #expect(listener.receive() == "STATUS=2 runs running")
        try notifier.send(.watchdog)
        #expect(listener.receive() == "WATCHDOG=1")
        try notifier.send(.stopping, .status("checkpointing"))
        #expect(listener.receive() == "STOPPING=1\nSTATUS=checkpointing")
    }

    @Test func messagesArriveOnAnAbstractSocket() throws {
        let name = "dratsd-test-notify-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let listener = try Listener(address: [0] + Array(name.utf8))
        try SystemdNotifier(environment: ["NOTIFY_SOCKET": "@" + name]).send(.ready, .status("ready"))
        #expect(listener.receive() == "READY=1\nSTATUS=ready")
    }

    @Test func unusableSocketsAreErrors() {
        #expect(throws: DaemonError.self) { try SystemdNotifier(environment: ["NOTIFY_SOCKET": "relative/path"]).send(.ready) }
        #expect(throws: DaemonError.self) { try SystemdNotifier(environment: ["NOTIFY_SOCKET": "/tmp/dratsd-no-listener-\(getpid())"]).send(.ready) }
        let tooLong = "/" + String(repeating: "x", count: 200)
        #expect(throws: DaemonError.self) { try SystemdNotifier(environment: ["NOTIFY_SOCKET": tooLong]).send(.ready) }
    }

    @Test func watchdogInterval() throws {
        #expect(try SystemdNotifier.watchdogInterval(environment: [:], pid: 10) == nil)
        #expect(try SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "30000000"], pid: 10) == .seconds(15))
        #expect(try SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "10"], pid: 10) == .seconds(15))
        #expect(try SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "11"], pid: 10) == nil)
        for bad in [["WATCHDOG_USEC": "0"], ["WATCHDOG_USEC": "soon"], ["WATCHDOG_USEC": "-5"], ["WATCHDOG_USEC": "1", "WATCHDOG_PID": "x"]] {
            #expect(throws: DaemonError.self) { try SystemdNotifier.watchdogInterval(environment: bad, pid: 10) }
        }
    }
}
