internal import CSystemODE
import Foundation
import Synchronization

/// ODE's process-wide state, in one place: `dInitODE2` exactly once, and message handlers that
/// record what ODE reports instead of printing it.
///
/// ODE's *error* and *debug* handlers cannot return control (the library exits after them), so
/// they write the message to stderr first; the physics layer validates its inputs so that ODE
/// never reaches them.
public enum ODERuntime {
    private static let initialized: Bool = {
        _ = threadMessageKey
        dInitODE2(0)
        dSetMessageHandler(recordMessage)
        dSetErrorHandler(reportFatal)
        dSetDebugHandler(reportFatal)
        return true
    }()

    private static let messages = Mutex<(count: Int, last: String)>((0, ""))

    /// Serialises QuickStep calls, which share ODE's one process-wide random generator.
    private static let quickStepGate = Mutex<Void>(())

    /// `dWorldQuickStep` made a function of the world's state alone. QuickStep shuffles its
    /// constraint rows with ODE's process-wide `dRandInt`, so its result would otherwise depend
    /// on every QuickStep call made before it, in any world, on any thread: a run's numbers
    /// would change with the thread count and with what else the process simulates (two runs
    /// in one service), and a checkpoint's replay would not reproduce the original. Each call
    /// starts the generator from the same seed, under a lock (calls are rare: the exact solver's
    /// fallback).
    static func quickStep(_ world: OpaquePointer, stepSeconds: Double) {
        quickStepGate.withLock { _ in
            dRandSetSeed(0)
            dWorldQuickStep(world, stepSeconds)
        }
    }

    /// Initialises ODE for the process (idempotent, thread-safe) and for the calling thread.
    static func prepareThread() {
        _ = initialized
        dAllocateODEDataForThread(UInt32(bitPattern: dAllocateMaskAll.rawValue))
    }

    /// Per-thread count of ODE messages, stored as the thread-specific pointer value itself so
    /// that counting allocates nothing. ODE reports on the thread that steps, so a world can tell
    /// whether *its* step raised a message even while other worlds step on other threads.
    private static let threadMessageKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// How many messages ODE has reported on the calling thread (e.g. "LCP internal error").
    static var messagesOnThisThread: Int { Int(bitPattern: pthread_getspecific(threadMessageKey)) }

    /// How many warnings ODE has reported in this process, and the last one.
    public static var warnings: (count: Int, last: String) {
        messages.withLock { $0 }
    }

    fileprivate static func record(_ text: String) {
        pthread_setspecific(threadMessageKey, UnsafeRawPointer(bitPattern: messagesOnThisThread + 1))
        messages.withLock { $0 = ($0.count + 1, text) }
    }
}

private func format(_ number: Int32, _ message: UnsafePointer<CChar>?, _ arguments: CVaListPointer?) -> String {
    guard let message, let arguments else { return "ODE message \(number)" }
    var buffer = [CChar](repeating: 0, count: 512)
    _ = vsnprintf(&buffer, buffer.count, message, arguments)
    return "ODE message \(number): " + String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

private func recordMessage(_ number: Int32, _ message: UnsafePointer<CChar>?, _ arguments: CVaListPointer?) {
    ODERuntime.record(format(number, message, arguments))
}

private func reportFatal(_ number: Int32, _ message: UnsafePointer<CChar>?, _ arguments: CVaListPointer?) {
    let text = format(number, message, arguments) + "\n"
    FileHandle.standardError.write(Data(text.utf8))
}
