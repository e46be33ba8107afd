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
    private let width: () -> Int
    private let output: (String) -> Void
    private let errorOutput: (String) -> Void
    private var liveLineShown = false

    /// Writes to standard output (and standard error for `print(_:toStandardError:)`).
    public convenience init() {
        self.init(isTerminal: isatty(STDOUT_FILENO) == 1, width: Self.terminalWidth,
                  output: { FileHandle.standardOutput.write(Data($0.utf8)) },
                  errorOutput: { FileHandle.standardError.write(Data($0.utf8)) })
    }

    /// Writes through `output` and `errorOutput`, cutting live lines to `width()` columns.
    init(isTerminal: Bool, width: @escaping () -> Int, output: @escaping (String) -> Void, errorOutput: @escaping (String) -> Void) {
        self.isTerminal = isTerminal
        self.width = width
        self.output = output
        self.errorOutput = errorOutput
    }

    /// Shows one line from the executor.
    public func show(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        if !isTerminal {
            write(line + "\n")
        } else if TrainLogLine.iteration(of: line) != nil {
            write("\r\u{1B}[2K" + String(line.prefix(max(width() - 1, 20))))
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
            errorOutput(line + "\n")
        } else {
            write(line + "\n")
        }
    }

    private func write(_ text: String) { output(text) }

    private static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 120 }
        return Int(size.ws_col)
    }
}
