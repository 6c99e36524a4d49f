import Foundation
import GRDB
import LedgerCore
import Synchronization

/// How the store meets the file system and other writers (issue 12): read-only files and media, a full disk, and a
/// write lock held by another program.
public enum StoreAccess {
    /// The longest a writer waits for another program's write lock before failing: 60 seconds.
    public static let defaultWriteWaitSeconds: Double = 60

    /// Told once per wait, after half a second, who holds the lock (the CLI writes it to stderr). Nil: silent.
    nonisolated(unsafe) public static var waitReporter: (@Sendable (String) -> Void)?

    /// Whether an existing ledger must be opened read-only: the file or its folder is not writable (read-only
    /// media, permissions), or the file's owner-write bit is off (a 0400 file — honoured even for root).
    static func isReadOnly(path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        if info.st_mode & S_IWUSR == 0 { return true }
        let folder = (path as NSString).deletingLastPathComponent
        return access(path, W_OK) != 0 || access(folder.isEmpty ? "." : folder, W_OK) != 0
    }

    /// The file beside the ledger naming the program that holds the write lock.
    static func holderPath(_ ledgerPath: String) -> String { ledgerPath + ".writer" }

    /// The longest a writer waits while the holder is a named job (`WriteJob`, e.g. an import) whose process is
    /// still alive: one hour. Such a wait is explained (`ledger busy (import by NAME in progress), waiting…`).
    public static let jobWriteWaitSeconds: Double = 3_600

    /// Runs `body` (one write transaction) with a note naming this process beside the ledger, so a writer that
    /// waits can say who it waits for. `job` (`WriteJob.current`) goes on a second line: `job import by alice`.
    static func withHolderNote<T>(_ ledgerPath: String?, job: String? = nil, _ body: () throws -> T) rethrows -> T {
        guard let ledgerPath else { return try body() }
        // The subcommand words, without the global options and their values (`--db PATH` says nothing new).
        var arguments: [String] = []
        var skipNext = false
        for argument in CommandLine.arguments {
            if skipNext { skipNext = false; continue }
            if ["--db", "--today", "--lang", "--user"].contains(argument) { skipNext = true; continue }
            if argument.hasPrefix("--db=") || argument.hasPrefix("--today=") { continue }
            arguments.append(argument)
        }
        let program = arguments.first.map { ($0 as NSString).lastPathComponent } ?? "salesledger"
        let note = "\(ProcessInfo.processInfo.processIdentifier) "
            + TextSafety.terminalSafe(([program] + arguments.dropFirst().prefix(3)).joined(separator: " "))
        let path = holderPath(ledgerPath)
        let jobLine = job.map { "\njob " + TextSafety.terminalSafe($0) } ?? ""
        FileManager.default.createFile(atPath: path, contents: Data((note + jobLine).utf8),
                                       attributes: [.posixPermissions: 0o600])
        defer { unlink(path) }
        return try body()
    }

    /// Who holds the write lock, as "pid 123 (salesledger import sales big.csv)", or "another program".
    static func holder(_ ledgerPath: String?) -> String {
        guard let note = holderNote(ledgerPath) else { return "another program" }
        return "pid \(note.pid) (\(note.command))"
    }

    /// The holder note: process id, command words and the job it named, if any.
    struct HolderNote { var pid: Int32; var command: String; var job: String? }

    static func holderNote(_ ledgerPath: String?) -> HolderNote? {
        guard let ledgerPath, let data = FileManager.default.contents(atPath: holderPath(ledgerPath)),
              let text = String(data: data, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, let space = first.firstIndex(of: " "), let pid = Int32(first[..<space]) else {
            return nil
        }
        let job = lines.dropFirst().first { $0.hasPrefix("job ") }.map { TextSafety.terminalSafe(String($0.dropFirst(4))) }
        return HolderNote(pid: pid, command: TextSafety.terminalSafe(String(first[first.index(after: space)...])),
                          job: job)
    }

    /// Whether process `pid` exists (EPERM: it exists, owned by someone else).
    static func isAlive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno == EPERM }

    /// A busy handler that sleeps 20 ms between tries, reports the holder once after half a second, and gives up
    /// after `limit` seconds (SQLite then returns SQLITE_BUSY, mapped by `ledgerError`). When the holder named a
    /// job (an import) the report is `ledger busy (import by NAME in progress), waiting…` and the wait goes on while
    /// that process lives, up to `jobWriteWaitSeconds`: a long import is waited for, never failed after an
    /// unexplained timeout.
    static func busyCallback(path: String?, limit: Double) -> Database.BusyCallback {
        let started = Mutex<(Date, Bool)>((Date(), false))
        return { tries in
            let now = Date()
            if tries == 0 { started.withLock { $0 = (now, false) } }
            let (start, reported) = started.withLock { $0 }
            let waited = now.timeIntervalSince(start)
            let note = waited >= 0.5 ? holderNote(path) : nil
            let job = note.flatMap { $0.job != nil && isAlive($0.pid) ? $0.job : nil }
            if waited >= (job == nil ? limit : max(limit, jobWriteWaitSeconds)) { return false }
            if !reported && waited >= 0.5 {
                started.withLock { $0.1 = true }
                if let job {
                    StoreAccess.waitReporter?("ledger busy (\(job) in progress), waiting…")
                } else {
                    StoreAccess.waitReporter?("waiting for the ledger: \(holder(path)) is writing to it "
                                              + "(up to \(Int(limit)) s)")
                }
            }
            usleep(20_000)
            return true
        }
    }

    /// A store error in words: a full disk, a read-only ledger, a lock held too long, else SQLite's message.
    static func ledgerError(_ error: DatabaseError, path: String?, waitLimit: Double) -> LedgerError {
        switch error.resultCode {
        case .SQLITE_FULL:
            return .storage("the disk is full; nothing was written (\(path ?? "ledger"))")
        case .SQLITE_READONLY:
            return .refused("ledger is read-only: \(path ?? "ledger") cannot be written")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .storage("the ledger is busy: \(holder(path)) has been writing to it for more than "
                            + "\(Int(waitLimit)) s; nothing was written, try again when it has finished")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .storage("ledger file damaged: restore a backup with salesledger restore FILE --yes "
                            + "(\(path ?? "ledger"): \(error.message ?? error.description))")
        case .SQLITE_CANTOPEN:
            return .storage("ledger file missing or unreadable: check the path and permissions "
                            + "(\(path ?? "ledger"): \(error.message ?? error.description))")
        default:
            return .storage(error.message ?? error.description)
        }
    }
}
