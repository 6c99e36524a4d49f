import Foundation

/// Keeps the keys typed while the terminal UI waits for another program's write lock at start-up off the screen
/// (s34-fix3, tryout defect 10: `^G^[OS^[[15~` echoed raw during the 60 s wait, before curses starts). `hush`
/// turns the terminal's echo off (the wait's notice is on stderr); `restore` puts the settings back and discards
/// what was typed blind, so those keys do not act on the first screen either. Nothing happens when stdin is not a
/// terminal.
final class QuietTerminal: @unchecked Sendable {
    private let lock = NSLock()
    private var saved: termios?

    /// Turns echo off on stdin, once (later calls do nothing).
    func hush() {
        lock.lock()
        defer { lock.unlock() }
        guard saved == nil, isatty(STDIN_FILENO) == 1 else { return }
        var settings = termios()
        guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return }
        saved = settings
        settings.c_lflag &= ~tcflag_t(ECHO)
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &settings)
    }

    /// Restores the settings `hush` changed and drops the input typed since; nothing when it was not hushed.
    func restore() {
        lock.lock()
        defer { lock.unlock() }
        guard var settings = saved else { return }
        _ = tcflush(STDIN_FILENO, TCIFLUSH)
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &settings)
        saved = nil
    }
}
