#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Shows a run's progress lines on a terminal: on a TTY the iteration lines replace one
/// another on a single live line (cut to the terminal width) and event lines scroll above
/// it; otherwise every line is printed as it comes.
public final class TerminalProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal: Bool
    private var liveLineShown = false

    public init(isTerminal: Bool = isatty(STDOUT_FILENO) == 1) {
        self.isTerminal = isTerminal
    }

    /// Shows one line from the executor.
    public func show(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        if !isTerminal {
            write(line + "\n")
        } else if TrainLogLine.iteration(of: line) != nil {
            write("\r\u{1B}[2K" + String(line.prefix(max(Self.terminalWidth() - 1, 20))))
            liveLineShown = true
        } else {
            write((liveLineShown ? "\r\u{1B}[2K" : "") + line + "\n")
            liveLineShown = false
        }
    }

    /// Prints a line that stays (a message after the run), ending the live line first.
    public func print(_ line: String, toStandardError: Bool = false) {
        lock.lock()
        defer { lock.unlock() }
        if liveLineShown {
            write("\n")
            liveLineShown = false
        }
        if toStandardError {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        } else {
            write(line + "\n")
        }
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    private static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 120 }
        return Int(size.ws_col)
    }
}
