import Dispatch
import Foundation

/// Turns SIGTERM and SIGINT (or any signals) into calls on a dispatch queue, so no work runs in
/// a C signal handler. Dispatch's signal sources take the signals over while the watcher lives;
/// `cancel()` gives them back.
public final class SignalWatcher: @unchecked Sendable {
    private let sources: [DispatchSourceSignal]

    /// Starts watching `signals`; `handler` gets the signal number on `queue`, once per delivery.
    public init(signals: [Int32], queue: DispatchQueue = DispatchQueue(label: "dratsd.signals"),
                handler: @escaping @Sendable (Int32) -> Void) {
        sources = signals.map { signal in
            #if canImport(Darwin)
            // kqueue's EVFILT_SIGNAL only sees signals whose default action is off.
            Foundation.signal(signal, SIG_IGN)
            #endif
            // On Linux, Dispatch installs its own handler and receives the signal via signalfd;
            // ignoring it (SIG_IGN) there would discard it before Dispatch saw it.
            let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
            source.setEventHandler { handler(signal) }
            source.resume()
            return source
        }
    }

    /// Stops watching.
    public func cancel() {
        for source in sources { source.cancel() }
    }

    deinit { cancel() }
}
