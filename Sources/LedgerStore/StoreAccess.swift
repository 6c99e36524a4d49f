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

    /// Runs `body` (one write transaction) with a note naming this process beside the ledger, so a writer that
    /// waits can say who it waits for.
    static func withHolderNote<T>(_ ledgerPath: String?, _ body: () throws -> T) rethrows -> T {
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
        FileManager.default.createFile(atPath: path, contents: Data(note.utf8), attributes: [.posixPermissions: 0o600])
        defer { unlink(path) }
        return try body()
    }

    /// Who holds the write lock, as "pid 123 (salesledger import sales big.csv)", or "another program".
    static func holder(_ ledgerPath: String?) -> String {
        guard let ledgerPath, let data = FileManager.default.contents(atPath: holderPath(ledgerPath)),
              let text = String(data: data, encoding: .utf8), let space = text.firstIndex(of: " ") else {
            return "another program"
        }
        return "pid \(text[..<space]) (\(TextSafety.terminalSafe(String(text[text.index(after: space)...]))))"
    }

    /// A busy handler that sleeps 20 ms between tries, reports the holder once after half a second, and gives up
    /// after `limit` seconds (SQLite then returns SQLITE_BUSY, mapped by `ledgerError`).
    static func busyCallback(path: String?, limit: Double) -> Database.BusyCallback {
        let started = Mutex<(Date, Bool)>((Date(), false))
        return { tries in
            let now = Date()
            if tries == 0 { started.withLock { $0 = (now, false) } }
            let (start, reported) = started.withLock { $0 }
            let waited = now.timeIntervalSince(start)
            if waited >= limit { return false }
            if !reported && waited >= 0.5 {
                started.withLock { $0.1 = true }
                StoreAccess.waitReporter?("waiting for the ledger: \(holder(path)) is writing to it "
                                          + "(up to \(Int(limit)) s)")
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
        default:
            return .storage(error.message ?? error.description)
        }
    }
}
