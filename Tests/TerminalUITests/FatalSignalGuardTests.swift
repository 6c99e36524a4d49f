#if canImport(Glibc)
import Glibc
#endif
import Testing
import TerminalUI

/// Issue 12: on a fatal signal the terminal is given back. The handler's body (`restoreTerminal`) runs here on a
/// pseudo-terminal: after the "UI" put it in raw mode, it is canonical with echo again and the reset bytes are sent.
@Suite struct FatalSignalGuardTests {
    @Test func restoreGivesBackTheSavedSettingsAndLeavesFullScreenMode() throws {
        var master: Int32 = -1, slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, nil) == 0 else { Issue.record("no pty"); return }
        defer { close(master); close(slave) }
        var pipeFDs: [Int32] = [0, 0]
        #expect(pipe(&pipeFDs) == 0)
        defer { close(pipeFDs[0]); close(pipeFDs[1]) }

        var before = termios()
        tcgetattr(slave, &before)
        #expect(before.c_lflag & tcflag_t(ICANON) != 0)
        FatalSignalGuard.save(terminalFD: slave, output: pipeFDs[1])
        var raw = before
        cfmakeraw(&raw)
        tcsetattr(slave, TCSANOW, &raw)
        var during = termios()
        tcgetattr(slave, &during)
        #expect(during.c_lflag & tcflag_t(ICANON) == 0)

        FatalSignalGuard.restoreTerminal()

        var after = termios()
        tcgetattr(slave, &after)
        #expect(after.c_lflag & tcflag_t(ICANON) != 0)
        #expect(after.c_lflag & tcflag_t(ECHO) != 0)
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(pipeFDs[0], &buffer, 64)
        #expect(String(decoding: buffer.prefix(max(0, count)), as: UTF8.self) == FatalSignalGuard.resetSequence)
        #expect(FatalSignalGuard.resetSequence.contains("\u{1B}[?1049l") && FatalSignalGuard.resetSequence.contains("\u{1B}[?25h"))
    }
}
