#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Turns SIGINT and SIGTERM into a stop request (no work in a C signal handler: the signals
/// are ignored and delivered to dispatch sources instead). `onSignal` hears of each signal.
public final class SignalStop: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]
    private let signals: [Int32]
    /// The signal that asked for the stop, if one did.
    public var receivedSignal: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return received
    }
    private let lock = NSLock()
    private var received: Int32?

    public init(_ stop: StopSignal, reason: StopReason, signals: [Int32] = [SIGINT, SIGTERM], onSignal: @escaping @Sendable (Int32) -> Void = { _ in }) {
        self.signals = signals
        var sources: [any DispatchSourceSignal] = []
        let queue = DispatchQueue(label: "drats.signals")
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            sources.append(source)
        }
        self.sources = sources
        for (number, source) in zip(signals, sources) {
            source.setEventHandler { [weak self] in
                guard let self else { return }
                lock.lock()
                if received == nil { received = number }
                lock.unlock()
                stop.request(reason)
                onSignal(number)
            }
            source.resume()
        }
    }

    /// Stops listening and restores the default handling of the signals.
    public func cancel() {
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
    }
}
