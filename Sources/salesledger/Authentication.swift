#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LedgerCore
import LedgerStore

/// Login for ledgers with passwords (issue 13). Without any password the OS user (or `--user`) names the ledger
/// user: a convenience for a single-user ledger, not security. Once any user has a password, every command asks
/// for it — on the terminal (echo off), or from `--password-fd N` for scripts — and no option or environment
/// variable alone grants a role. Failures are counted per user, delayed (1 s per failure so far, at most 5 s)
/// and audited as `access.refused` entries of `auth.login`.
enum Authentication {
    static let maxDelaySeconds = 5

    /// The role of `name` after checking its password. Throws `LedgerError.permissionDenied` on failure.
    static func login(store: SQLiteLedgerStore, name: String, passwordFD: Int32?,
                      clock: any LedgerClock) throws -> UserRole {
        let record = try store.loginRecord(name: name)
        let password = try readSecret(prompt: CLIChinese.isOn ? "\(name) 的密码：" : "password for \(name): ",
                                      fd: passwordFD)
        if let record, record.user.isActive, !record.passwordHash.isEmpty,
           PasswordHash.verify(password, against: record.passwordHash) {
            if record.failedLogins > 0 { try store.setFailedLogins(name: name, count: 0) }
            return record.user.role
        }
        let failures = (record?.failedLogins ?? 0) + 1
        if record != nil { try? store.setFailedLogins(name: name, count: failures) }
        let reason = record == nil ? "no such user" : (record?.passwordHash.isEmpty == true ? "user has no password"
                                                       : (record?.user.isActive == false ? "user inactive"
                                                              : "wrong password"))
        let attempts = "\(failures) failed attempt\(failures == 1 ? "" : "s")"
        let error = LedgerError.permissionDenied("login as \(name) failed (\(attempts))")
        let service = LedgerService(store: store, clock: clock, actor: name, role: .auditor)
        service.auditRefusal(command: "auth.login", payload: AuditJSON.encode(["reason": reason]) ?? "{}", error: error,
                             roleText: "none")
        sleep(UInt32(min(failures, maxDelaySeconds)))
        throw error
    }

    /// How many passwords the terminal UI's login takes before the program ends (s35-fix: one wrong password ended it).
    static let tries = 3

    /// The terminal UI's login: asks for the user (when `askName`, offering the last name typed) and the password up
    /// to `tries` times; each refusal is told on the terminal with the tries left (`…(1 failed attempt); 2 tries
    /// left`), the last one with `3 tries used; the program ends` before the refusal is thrown. Each refusal is
    /// counted, delayed and audited by `login`. A password that cannot be read (end of input) ends at once.
    /// - Returns: the user's name and role.
    /// - Throws: the last `LedgerError.permissionDenied`, or `UserError` when nothing could be read.
    static func terminalLogin(store: SQLiteLedgerStore, askName: Bool, name first: String,
                              clock: any LedgerClock) throws -> (name: String, role: UserRole) {
        var name = first
        for attempt in 1...tries {
            if askName { name = readName(prompt: CLIChinese.isOn ? "用户" : "user", default: name) }
            do {
                return (name, try login(store: store, name: name, passwordFD: nil, clock: clock))
            } catch let error as LedgerError {
                let left = tries - attempt, refusal = CLIChinese.message(error.description)
                let zh = CLIChinese.isOn
                tell(left > 0 ? refusal + (zh ? "；还可再试 \(left) 次" : "; \(left) tr\(left == 1 ? "y" : "ies") left")
                     : (zh ? "已试 \(tries) 次，程序退出" : "\(tries) tries used; the program ends"))
                if left == 0 { throw error }
            }
        }
        throw UserError("login failed")
    }

    /// Writes `line` and a newline to the terminal (nothing without one).
    static func tell(_ line: String) {
        let tty = open("/dev/tty", O_WRONLY | O_CLOEXEC)
        guard tty >= 0 else { return }
        defer { close(tty) }
        _ = (line + "\n").withCString { write(tty, $0, strlen($0)) }
    }

    /// Reads one line from `fd`, else from the terminal with echo off. Throws when neither is available.
    static func readSecret(prompt: String, fd: Int32?) throws -> String {
        if let fd { return try readLine(fd: fd, what: "--password-fd \(fd)") }
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard tty >= 0 else {
            throw UserError("this ledger has passwords: run on a terminal or give --password-fd N")
        }
        defer { close(tty) }
        var saved = termios()
        let hasTermios = tcgetattr(tty, &saved) == 0
        if hasTermios {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(tty, TCSAFLUSH, &quiet)
        }
        defer { if hasTermios { tcsetattr(tty, TCSAFLUSH, &saved) } }
        _ = prompt.withCString { write(tty, $0, strlen($0)) }
        let line = try readLine(fd: tty, what: "the terminal")
        _ = write(tty, "\n", 1)
        return line
    }

    /// Reads one line from `tty` with echo on (a user name).
    static func readName(prompt: String, default fallback: String) -> String {
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard tty >= 0 else { return fallback }
        defer { close(tty) }
        let text = prompt + " [\(fallback)]: "
        _ = text.withCString { write(tty, $0, strlen($0)) }
        let line = ((try? readLine(fd: tty, what: "the terminal")) ?? "").trimmingCharacters(in: .whitespaces)
        return line.isEmpty ? fallback : line
    }

    static func readLine(fd: Int32, what: String) throws -> String {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while bytes.count < 4096 {
            let n = read(fd, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                if bytes.isEmpty { throw UserError("no password could be read from \(what)") }
                break
            }
            if byte == 10 { break }
            bytes.append(byte)
        }
        if bytes.last == 13 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
