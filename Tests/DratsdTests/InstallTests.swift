import ChildProcess
import Foundation
import Testing

/// `make install-files` (the copying part of `make install`) into a DESTDIR: the binary and the
/// unit land under the prefix, ExecStart points at the installed binary, and nothing outside
/// DESTDIR is touched (no user created, no systemd reload).
@Suite struct InstallTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func make(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["make", "--no-print-directory", "-C", Self.repository.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func installIntoADestdirHonoursThePrefix() throws {
        let destdir = FileManager.default.temporaryDirectory.appendingPathComponent("dratsd-install-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: destdir) }
        let result = try make(["install-files", "DESTDIR=\(destdir.path)", "PREFIX=/opt/drats", "BIN=\(DratsdBinary.url.path)"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("DESTDIR set: not creating the dratsd user, not reloading systemd"))

        let binary = destdir.appendingPathComponent("opt/drats/bin/dratsd").path
        #expect(FileManager.default.isExecutableFile(atPath: binary))
        #expect(FileManager.default.contentsEqual(atPath: binary, andPath: DratsdBinary.url.path))
        let unitPath = destdir.appendingPathComponent("etc/systemd/system/dratsd.service").path
        let unit = try String(contentsOfFile: unitPath, encoding: .utf8)
        let lines = unit.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("ExecStart=") } == ["ExecStart=/opt/drats/bin/dratsd serve"])
        for setting in ["Type=notify", "NotifyAccess=main", "Restart=on-failure", "User=dratsd", "StateDirectory=dratsd",
                        "LogsDirectory=dratsd", "KillSignal=SIGTERM", "Environment=DRATSD_STATE_DIR=/var/lib/dratsd"] {
            #expect(lines.contains(setting), "missing \(setting)")
        }
        #expect(lines.contains { $0.hasPrefix("WatchdogSec=") } && lines.contains { $0.hasPrefix("TimeoutStopSec=") })
        let permissions = try FileManager.default.attributesOfItem(atPath: unitPath)[.posixPermissions] as? Int
        #expect(permissions == 0o644)

        // The installed binary runs.
        let version = try DratsdBinary.run(["--version"])
        let installed = Process()
        installed.executableURL = URL(fileURLWithPath: binary)
        installed.arguments = ["--version"]
        let output = Pipe()
        installed.standardOutput = output
        try installed.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        installed.waitUntilExit()
        #expect(installed.terminationStatus == 0 && text == version.stdout)
    }

    /// systemd itself reads the installed unit without complaint (unknown or misspelt
    /// directives, bad values, a missing ExecStart binary are all errors of `verify`).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")))
    func systemdAcceptsTheInstalledUnit() throws {
        let destdir = FileManager.default.temporaryDirectory.appendingPathComponent("dratsd-verify-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: destdir) }
        // PREFIX inside the staging folder, so ExecStart names a binary that exists.
        let prefix = destdir.appendingPathComponent("prefix").path
        let result = try make(["install-files", "DESTDIR=\(destdir.path)/stage", "PREFIX=\(prefix)", "BIN=\(DratsdBinary.url.path)"])
        try #require(result.status == 0, "\(result.output)")
        let staged = destdir.appendingPathComponent("stage" + prefix + "/bin").path
        try FileManager.default.createDirectory(atPath: prefix, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: staged, toPath: prefix + "/bin")
        let unit = destdir.appendingPathComponent("stage/etc/systemd/system/dratsd.service").path

        let verify = Process()
        verify.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
        verify.arguments = ["verify", unit]
        let output = Pipe()
        verify.standardOutput = output
        verify.standardError = output
        try verify.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        verify.waitUntilExit()
        #expect(verify.terminationStatus == 0, "\(text)")
        #expect(!text.contains("dratsd.service:"), "\(text)")
    }

    @Test func installFilesRefusesAMissingBinary() throws {
        let destdir = FileManager.default.temporaryDirectory.appendingPathComponent("dratsd-install-missing-\(getpid())")
        defer { try? FileManager.default.removeItem(at: destdir) }
        let result = try make(["install-files", "DESTDIR=\(destdir.path)", "BIN=/nonexistent/dratsd"])
        #expect(result.status != 0)
        #expect(result.output.contains("/nonexistent/dratsd is not built; run make build first"))
        #expect(!FileManager.default.fileExists(atPath: destdir.path))
    }
}
