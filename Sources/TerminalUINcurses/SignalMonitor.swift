import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The last termination signal received (0 = none). Written only by the signal handler.
private let receivedSignal = Atomic<Int32>(0)
/// Set by SIGCONT (and SIGWINCH-free resumes): the screen must be repainted.
private let receivedContinue = Atomic<Bool>(false)

/// Async-signal-safe handlers that only set flags; the runtime polls them between events, then
/// restores the terminal itself. Install before `newterm`, so ncurses keeps our handlers.
public enum SignalMonitor {
    /// The termination signals handled: SIGINT, SIGTERM, SIGHUP, SIGQUIT.
    public static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Installs the flag-setting handlers for termination signals and SIGCONT.
    public static func install() {
        for number in terminationSignals {
            signal(number) { received in receivedSignal.store(received, ordering: .relaxed) }
        }
        signal(SIGCONT) { _ in receivedContinue.store(true, ordering: .relaxed) }
    }

    /// Puts the default actions back (after the UI has ended, so Ctrl-C and SIGTERM stop the process again).
    public static func uninstall() {
        for number in terminationSignals + [SIGCONT] { signal(number, SIG_DFL) }
    }

    /// The termination signal received so far, if any.
    public static func pendingSignal() -> Int32? {
        let value = receivedSignal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    /// Whether SIGCONT arrived since the last call (clears the flag).
    public static func takeContinue() -> Bool {
        receivedContinue.exchange(false, ordering: .relaxed)
    }
}
