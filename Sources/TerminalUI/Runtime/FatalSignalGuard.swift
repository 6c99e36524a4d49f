#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Terminal settings saved before the UI starts, and the bytes that undo full-screen mode; filled by `install`,
/// read by the signal handler (no allocation happens there).
nonisolated(unsafe) private var savedSettings = termios()
nonisolated(unsafe) private var savedTerminalFD: Int32 = -1
nonisolated(unsafe) private var outputFD: Int32 = 1
nonisolated(unsafe) private var resetBytes: UnsafeMutablePointer<UInt8>?
nonisolated(unsafe) private var resetCount = 0
/// The actions in place before `install`, indexed by signal number (allocated once, read by the handler).
nonisolated(unsafe) private var previousActions: UnsafeMutablePointer<sigaction>?

/// Gives the terminal back when the process dies of a fatal signal (a trap such as an integer overflow is SIGILL
/// on Linux, SIGTRAP on arm64; `abort` is SIGABRT; bad memory SIGSEGV/SIGBUS), so a crash never leaves the shell
/// raw, invisible-cursored or in the alternate screen.
///
/// The handler only calls async-signal-safe functions (`write`, `tcsetattr`, `sigaction`, `raise`, POSIX.1-2008
/// §2.4.3): it writes `resetSequence` to standard output, puts back the terminal settings saved by `install`, then
/// re-raises the signal under the previous action (the default, or Swift's backtracer), so the process still dies
/// with the same signal and exit status.
public enum FatalSignalGuard {
    /// SIGILL, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGTRAP.
    public static let fatalSignals: [Int32] = [SIGILL, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGTRAP]

    /// Bracketed paste off, attributes reset, cursor shown, alternate screen left, then a new line.
    public static let resetSequence = "\u{1B}[?2004l\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l\r\n"

    /// Saves the settings of `terminalFD` (call before the UI changes them) and installs the handlers.
    public static func install(terminalFD: Int32 = 0, output: Int32 = 1) {
        save(terminalFD: terminalFD, output: output)
        if previousActions == nil {
            let table = UnsafeMutablePointer<sigaction>.allocate(capacity: 32)
            table.initialize(repeating: sigaction(), count: 32)
            previousActions = table
        }
        for number in fatalSignals {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { signal in FatalSignalGuard.handle(signal) }
            #else
            action.__sigaction_u.__sa_handler = { signal in FatalSignalGuard.handle(signal) }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            var previous = sigaction()
            sigaction(number, &action, &previous)
            if number >= 0 && number < 32 { previousActions?[Int(number)] = previous }
        }
    }

    /// Saves the terminal settings and prepares the reset bytes without installing handlers (tests use it).
    public static func save(terminalFD: Int32, output: Int32) {
        if resetBytes == nil {
            let bytes = Array(resetSequence.utf8)
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
            buffer.initialize(from: bytes, count: bytes.count)
            resetBytes = buffer
            resetCount = bytes.count
        }
        outputFD = output
        savedTerminalFD = tcgetattr(terminalFD, &savedSettings) == 0 ? terminalFD : -1
    }

    /// Writes the reset bytes and puts the saved settings back. Async-signal-safe.
    public static func restoreTerminal() {
        if let bytes = resetBytes { _ = write(outputFD, bytes, resetCount) }
        if savedTerminalFD >= 0 { _ = tcsetattr(savedTerminalFD, TCSANOW, &savedSettings) }
    }

    static func handle(_ signal: Int32) {
        restoreTerminal()
        if signal >= 0 && signal < 32, let table = previousActions {
            sigaction(signal, table + Int(signal), nil)
        }
        raise(signal)
    }
}
