import Dispatch
import Foundation

/// Turns SIGTERM and SIGINT (or any signals) into calls on a dispatch queue, so no work runs in
/// a C signal handler. Dispatch's signal sources take the signals over while the watcher lives;
/// `cancel()` stops the calls.
public final class SignalWatcher: @unchecked Sendable {
    private let sources: [DispatchSourceSignal]

    /// Starts watching `signals`; `handler` gets the signal number on `queue`, once per delivery.
    /// When `init` returns the signals are taken over: one sent from then on never runs its
    /// default action (for SIGTERM, ending the process).
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
            // Dispatch coalesces deliveries that arrive before the handler runs; `data` counts
            // them, so two quick SIGINTs are still two calls (a second one escalates a stop).
            // The handler holds its source; `cancel()` drops the handler, ending the cycle.
            source.setEventHandler {
                for _ in 0..<max(1, Int(source.data)) { handler(signal) }
            }
            source.resume()
            return source
        }
        #if os(Linux)
        // Dispatch registers a source, and installs its handler, on its own thread after
        // `resume()`; until then the default action applies. Wait (a few ms at most) for it.
        let deadline = Date().addingTimeInterval(2)
        for signal in signals {
            while !Self.isHandled(signal), Date() < deadline { usleep(500) }
        }
        #endif
    }

    #if os(Linux)
    /// Whether `signal` has a handler (neither the default action nor ignored).
    static func isHandled(_ signal: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(signal, nil, &current) == 0 else { return false }
        let handler = unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
        return handler != unsafeBitCast(SIG_DFL, to: Int.self) && handler != unsafeBitCast(SIG_IGN, to: Int.self)
    }
    #endif

    /// Stops watching.
    public func cancel() {
        for source in sources {
            source.cancel()
            source.setEventHandler(handler: nil)
        }
    }

    deinit { cancel() }
}
