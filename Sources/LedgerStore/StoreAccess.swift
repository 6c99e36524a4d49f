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

    /// Writes the note naming this process beside the ledger (once the write lock is ours), so a writer that waits
    /// can say who it waits for. `job` (`WriteJob.current`) goes on a second line: `job import by alice`. The
    /// holder removes it (`removeHolderNote`) only after its commit has finished.
    static func writeHolderNote(_ ledgerPath: String?, job: String? = nil) {
        guard let ledgerPath else { return }
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
        let jobLine = job.map { "\njob " + TextSafety.terminalSafe($0) } ?? ""
        _ = FileManager.default.createFile(atPath: holderPath(ledgerPath), contents: Data((note + jobLine).utf8),
                                           attributes: [.posixPermissions: 0o600])
    }

    static func removeHolderNote(_ ledgerPath: String?) {
        guard let ledgerPath else { return }
        unlink(holderPath(ledgerPath))
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
        let job = lines.dropFirst().first { $0.hasPrefix("job ") }
            .map { TextSafety.terminalSafe(String($0.dropFirst(4))) }
        return HolderNote(pid: pid, command: TextSafety.terminalSafe(String(first[first.index(after: space)...])),
                          job: job)
    }

    /// Whether process `pid` exists (EPERM: it exists, owned by someone else).
    static func isAlive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno == EPERM }

    /// What a busy handler knows of the current wait.
    struct Wait {
        var start = Date()
        /// Since when the wait has not been explained by a live job (nil: it is explained now).
        var unexplainedSince: Date? = Date()
        /// The process of the job (an import) seen holding the lock during this wait.
        var jobPID: Int32?
        var reportedJob = false
        var reportedPlain = false
    }

    /// A busy handler that sleeps 20 ms between tries and, after half a second, reports once who holds the lock.
    /// When the holder named a job (an import, `WriteJob`) the report is `ledger busy (import by NAME in progress),
    /// waiting…` and the writer waits as long as that process holds the lock — also while its note is gone but
    /// the process lives (its commit of a long transaction still holds the lock; a wait of over a minute used to
    /// fail right then). A wait not explained by a live job fails after `limit` seconds of it (SQLite then returns
    /// SQLITE_BUSY, mapped by `ledgerError`).
    static func busyCallback(path: String?, limit: Double) -> Database.BusyCallback {
        let state = Mutex(Wait())
        return { tries in
            let now = Date()
            if tries == 0 { state.withLock { $0 = Wait(start: now, unexplainedSince: now) } }
            let started = state.withLock { $0.start }
            // The note is read after half a second (or at the limit, if that is shorter).
            if now.timeIntervalSince(started) >= min(0.5, limit) {
                let note = holderNote(path)
                let (giveUp, message): (Bool, String?) = state.withLock { wait in
                    if let note, let job = note.job, isAlive(note.pid) {
                        wait.jobPID = note.pid
                        wait.unexplainedSince = nil
                        if !wait.reportedJob {
                            wait.reportedJob = true
                            return (false, "ledger busy (\(job) in progress), waiting…")
                        }
                        return (false, nil)
                    }
                    if note == nil, let pid = wait.jobPID, isAlive(pid) {
                        wait.unexplainedSince = nil  // the job's process commits: its lock, no note any more
                        return (false, nil)
                    }
                    wait.jobPID = nil
                    let since = wait.unexplainedSince ?? now
                    wait.unexplainedSince = since
                    if now.timeIntervalSince(since) >= limit { return (true, nil) }
                    if !wait.reportedPlain && !wait.reportedJob {
                        wait.reportedPlain = true
                        return (false, "waiting for the ledger: \(holder(path)) is writing to it "
                                       + "(up to \(Int(limit)) s)")
                    }
                    return (false, nil)
                }
                if giveUp { return false }
                if let message { StoreAccess.waitReporter?(message) }
            }
            usleep(20_000)
            return true
        }
    }

    /// Whether the file at `path` has content that does not start with SQLite's header (a CSV given as --db).
    static func isNotSQLite(_ path: String) -> Bool {
        guard let file = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? file.close() }
        let head = (try? file.read(upToCount: 16)) ?? Data()
        return !head.isEmpty && head != Data("SQLite format 3\0".utf8)
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
        case .SQLITE_NOTADB where path.map(isNotSQLite) ?? false:
            return .storage("not a ledger: \(path ?? "") is not a SalesLedger file (not an SQLite database); "
                            + "check the path given with --db")
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
