#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Turns signals into a stop request for a run trained by this process (`dratsd train`, a
/// Slurm task), through `SignalWatcher`, the one place that takes signals over. The first
/// signal asks the run to checkpoint after its current iteration; a second SIGINT or SIGTERM
/// while that is under way (Ctrl-C pressed again) does not wait: `onRepeat` runs, by default
/// exiting at once with 128 + the signal, and the run resumes later from its newest checkpoint.
public final class SignalStop: @unchecked Sendable {
    private var watcher: SignalWatcher?
    private let signals: [Int32]
    private let lock = NSLock()
    private var received: Int32?
    private var urgent: Int32?

    /// The signal that asked for the stop, if one did.
    public var receivedSignal: Int32? { lock.withLock { received } }

    /// The signals a second delivery of which escalates a stop under way.
    public static let escalating: Set<Int32> = [SIGINT, SIGTERM]

    public init(_ stop: StopSignal, reason: StopReason, signals: [Int32] = [SIGINT, SIGTERM],
                onSignal: @escaping @Sendable (Int32) -> Void = { _ in },
                onRepeat: @escaping @Sendable (Int32) -> Void = SignalStop.exitAtOnce) {
        self.signals = signals
        watcher = SignalWatcher(signals: signals) { [weak self] number in
            guard let self else { return }
            let repeated: Bool = lock.withLock {
                if received == nil { received = number }
                guard Self.escalating.contains(number) else { return false }
                defer { urgent = urgent ?? number }
                return urgent != nil
            }
            if repeated {
                onRepeat(number)
                return
            }
            stop.request(reason)
            onSignal(number)
        }
    }

    /// Prints why and ends the process with 128 + `signal`, without waiting for the checkpoint
    /// under way (files are replaced atomically, so none is left half-written).
    @Sendable public static func exitAtOnce(_ signal: Int32) {
        let name = signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)"
        FileHandle.standardError.write(Data("\(name) again: exiting now without waiting for the checkpoint; the run resumes from its newest checkpoint\n".utf8))
        _exit(128 + signal)
    }

    /// Stops listening and restores the default handling of the signals.
    public func cancel() {
        watcher?.cancel()
        watcher = nil
        for number in signals { signal(number, SIG_DFL) }
    }
}
