import Foundation
import GRDB
import LedgerCore

/// Where a backup can be made to fail on purpose (tests only).
enum BackupFaultPoint: Sendable, Equatable {
    /// After a step of the page copy that left pages to copy.
    case copying(remainingPages: Int)
    /// After the copy, before it is checked.
    case copied
    /// After the copy was checked and flushed, just before the rename.
    case beforeRename
}

typealias BackupFault = (BackupFaultPoint) throws -> Void

/// A backup stopped on request (`backup(to:shouldStop:)`, the terminal UI's skipped daily backup): nothing was
/// written under `path`.
public struct BackupStopped: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var description: String { "the backup \(path) was stopped before it was written; nothing was written" }
}

/// Facts about the ledger, read in the same read transaction as the page copy, that the copy must match.
struct BackupExpectation {
    var counts: BackupCounts
    var lastAuditHash: String?
}

extension SQLiteLedgerStore {
    /// Backs the ledger up to `path` with SQLite's online backup API (never a file copy: in WAL mode the latest
    /// commits live in the `-wal` file). The copy is written under a temp name in the target folder, switched to
    /// `journal_mode=DELETE` (a single self-contained file), checked (integrity, audit chain, counts equal to the
    /// ledger's at the moment of the copy), flushed, and atomically renamed to `path` (mode 0600). A failure or a
    /// kill at any point leaves nothing under `path` but the previous backup, if there was one.
    ///
    /// Other processes may keep reading and writing the ledger meanwhile: the copy is one read snapshot.
    /// - Throws: `LedgerError.storage` naming `path` and the cause; `.refused` when `path` is the ledger itself.
    /// A manifest (`BackupManifest`: SHA-256 of the whole file, size, counts, audit head) is written beside it.
    public func backup(to path: String) throws -> BackupReport {
        let report = try backup(to: path, pagesPerStep: -1, fault: nil)
        try BackupManifest.write(for: report)
        return report
    }

    /// `backup(to:)` that can be stopped: `shouldStop` is asked before the copy starts, between steps of the page
    /// copy (1,024 pages each) and before the copy is checked; once it answers true the copy is abandoned, nothing
    /// is left under `path` (the temp file is removed) and `BackupStopped` is thrown. Other errors as `backup(to:)`.
    public func backup(to path: String, shouldStop: @escaping () -> Bool) throws -> BackupReport {
        if shouldStop() { throw BackupStopped(path: path) }
        let fault: BackupFault = { point in
            switch point {
            case .copying, .copied: if shouldStop() { throw BackupStopped(path: path) }
            case .beforeRename: break
            }
        }
        do {
            let report = try backup(to: path, pagesPerStep: 1024, fault: fault)
            try BackupManifest.write(for: report)
            return report
        } catch {
            // The stop comes back wrapped (as a failure naming the file): say it was a stop.
            if shouldStop() { throw BackupStopped(path: path) }
            throw error
        }
    }

    /// `nextName`: the copy never replaces a file (see `BackupFiles.placeExclusively`); when `path` is taken by the
    /// time the copy is ready (another process's backup of the same second), `nextName` gives the name to try next.
    func backup(to path: String, pagesPerStep: CInt, fault: BackupFault?,
                nextName: ((String) throws -> String)? = nil) throws -> BackupReport {
        if let ledger = self.path {
            let target = BackupFiles.absolute(path)
            if BackupFiles.sameFile(ledger, target)
                || BackupFiles.sidecarSuffixes.contains(where: { BackupFiles.sameFile(ledger + $0, target) }) {
                throw LedgerError.refused("cannot back the ledger up onto itself (\(path))")
            }
        }
        return try Self.writeVerifiedCopy(to: path, fault: fault, nextName: nextName) { dest in
            do {
                return try writer.read { source in
                    let expected = try Self.expectation(source)
                    try source.backup(to: dest, pagesPerStep: pagesPerStep) { progress in
                        if !progress.isCompleted { try fault?(.copying(remainingPages: progress.remainingPageCount)) }
                    }
                    return expected
                }
            } catch let error as DatabaseError {
                // The backup API reports the destination's failure through the source connection, whose message is
                // then "not an error": name the cause from the result code.
                if error.resultCode == .SQLITE_FULL {
                    throw LedgerError.storage("the disk is full; the backup \(path) was not written")
                }
                if error.resultCode == .SQLITE_IOERR || error.resultCode == .SQLITE_CANTOPEN
                    || error.resultCode == .SQLITE_READONLY {
                    throw LedgerError.storage("cannot write the backup \(path) (\(error.resultCode))")
                }
                throw LedgerError.storage("reading the ledger: \(error.message ?? error.description)")
            }
        }
    }

    /// Checks a backup file without changing it (opened read-only): a readable SQLite header, not truncated,
    /// journal mode `delete` (needs no sidecar files), `PRAGMA integrity_check` = ok, a SalesLedger schema not
    /// newer than this program, the audit hash chain intact; reports the counts. Never throws: every problem is
    /// in `problems`.
    public static func verify(backupAt path: String) -> BackupReport {
        var report = BackupReport(path: path)
        guard let size = BackupFiles.regularFileSize(path) else {
            report.problems.append(BackupFiles.isDirectory(path) ? "\(path) is a folder, not a backup file"
                                                                  : "no backup file at \(path)")
            return report
        }
        report.sizeBytes = size
        guard let header = BackupFiles.head(path, count: 100), header.count == 100,
              header.starts(with: Array("SQLite format 3\0".utf8)) else {
            report.problems.append("\(path) is not an SQLite database (bad or missing header, \(size) bytes)")
            return report
        }
        switch (header[18], header[19]) {
        case (1, 1): report.journalMode = "delete"
        case (2, 2): report.journalMode = "wal"
        default: report.journalMode = "unknown (\(header[18]), \(header[19]))"
        }
        guard report.journalMode == "delete" else {
            report.problems.append("\(path): journal mode is \(report.journalMode), not delete: the file is not "
                                   + "self-contained"
                                   + " (it would need its -wal sidecar)")
            return report
        }
        // Header bytes 16-17: page size (1 = 65536); 28-31: page count, valid when 24-27 equal 92-95.
        let pageSize = header[16] == 0 && header[17] == 1 ? 65536 : Int(header[16]) << 8 | Int(header[17])
        let pageCount = header[28..<32].reduce(0) { $0 << 8 | Int($1) }
        if header[24..<28].elementsEqual(header[92..<96]), pageCount > 0, Int64(pageSize) * Int64(pageCount) > size {
            report.problems.append("\(path) is truncated: \(size) bytes, the header says \(pageCount) pages of "
                                   + "\(pageSize) bytes")
            return report
        }
        do {
            var config = Configuration()
            config.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            try queue.read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check(20)")
                report.integrity = integrity.joined(separator: "; ")
                if integrity != ["ok"] {
                    report.problems.append("\(path): integrity check failed: \(report.integrity)")
                    return
                }
                for table in ["customer", "document", "receipt", "audit_log"] where try !db.tableExists(table) {
                    report.problems.append("\(path) is not a SalesLedger ledger (no \(table) table)")
                    return
                }
                if try Schema.migrator.hasBeenSuperseded(db) {
                    report.problems.append("\(path) was written by a newer SalesLedger (unknown schema migrations)")
                }
                if try db.tableExists("setting") {
                    report.practiceMarker = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?",
                                                                arguments: [PracticeLedger.markerKey])
                }
                let expected = try expectation(db)
                report.counts = expected.counts
                report.lastAuditHash = expected.lastAuditHash
                if let problem = try auditChainProblem(db) {
                    report.auditChainProblem = problem
                    report.problems.append("\(path): audit chain broken at \(problem)")
                }
            }
        } catch let error as DatabaseError {
            report.problems.append("\(path) cannot be read: \(error.message ?? error.description)")
        } catch {
            report.problems.append("\(path) cannot be read: \(error)")
        }
        return report
    }

    static func counts(_ db: Database) throws -> BackupCounts {
        BackupCounts(customers: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customer") ?? 0,
                     documents: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0,
                     receipts: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM receipt") ?? 0,
                     auditEntries: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log") ?? 0)
    }

    static func expectation(_ db: Database) throws -> BackupExpectation {
        BackupExpectation(counts: try counts(db),
                          lastAuditHash: try AuditVerifier.lastHashText(db))
    }

    /// A verified, flushed copy under a temp name next to `finalPath`, not yet renamed.
    struct PreparedCopy {
        var tempPath: String
        var finalPath: String
        var report: BackupReport
    }

    /// Writes, checks and renames: see `backup(to:)`.
    static func writeVerifiedCopy(to finalPath: String, fault: BackupFault?,
                                  nextName: ((String) throws -> String)? = nil,
                                  fill: (Database) throws -> BackupExpectation) throws -> BackupReport {
        let prepared = try prepareVerifiedCopy(to: finalPath, fault: fault, fill: fill)
        var placed = prepared.finalPath
        do {
            try fault?(.beforeRename)
            if let nextName {
                placed = try placeExclusively(prepared.tempPath, at: prepared.finalPath, nextName: nextName)
            } else {
                try commit(prepared)
            }
        } catch {
            BackupFiles.removeWithSidecars(prepared.tempPath)
            throw failure(error, writing: placed)
        }
        var report = prepared.report
        report.path = placed
        return report
    }

    /// Gives the finished file `temp` the name `target`, or the next free one by `nextName` when a file has it
    /// (at most 1,000 names); never replaces a file. Returns the name it got.
    /// - Throws: `LedgerError.storage` when the file cannot be named.
    static func placeExclusively(_ temp: String, at target: String,
                                 nextName: (String) throws -> String) throws -> String {
        var name = target
        for _ in 0..<1000 {
            if try BackupFiles.placeExclusively(temp, at: name) { return name }
            let next = try nextName(name)
            guard next != name else { break }
            name = next
        }
        throw LedgerError.storage("no free backup name after \(target)")
    }

    /// Fills a new private temp file through `fill` (which runs the online backup into the given connection),
    /// switches it to `journal_mode=DELETE`, closes it, checks it against the expectation, and flushes it.
    /// On any failure the temp file is removed and the error names `finalPath`.
    static func prepareVerifiedCopy(to finalPath: String, fault: BackupFault?,
                                    fill: (Database) throws -> BackupExpectation) throws -> PreparedCopy {
        let finalPath = BackupFiles.absolute(finalPath)
        let folder = BackupFiles.folder(of: finalPath)
        guard BackupFiles.isDirectory(folder) else {
            throw LedgerError.storage("cannot write \(finalPath): the folder \(folder) does not exist")
        }
        if BackupFiles.isDirectory(finalPath) {
            throw LedgerError.storage("cannot write \(finalPath): it is a folder")
        }
        BackupFiles.removeStalePartials(in: folder, finalName: BackupFiles.name(of: finalPath))
        let temp = BackupFiles.partialPath(for: finalPath)
        do {
            try BackupFiles.createPrivateFile(temp)
            let queue = try DatabaseQueue(path: temp)
            let expected: BackupExpectation
            do {
                expected = try queue.writeWithoutTransaction { dest in
                    let expected = try fill(dest)
                    try fault?(.copied)
                    // The copy carries the source's WAL flag in its header; make it a rollback-journal file that
                    // needs no sidecar files.
                    let mode = try String.fetchOne(dest, sql: "PRAGMA journal_mode=DELETE")
                    guard mode == "delete" else {
                        throw LedgerError.storage("the copy stayed in journal mode \(mode ?? "?")")
                    }
                    return expected
                }
                try queue.close()
            } catch {
                try? queue.close()
                throw error
            }
            var report = verify(backupAt: temp)
            if report.isGood && report.counts != expected.counts {
                report.problems.append("the copy holds \(report.counts.map(\.description) ?? "nothing"), the ledger "
                                       + "held \(expected.counts)")
            }
            if report.isGood && report.lastAuditHash != expected.lastAuditHash {
                report.problems.append("the copy's last audit entry differs from the ledger's")
            }
            guard report.isGood else {
                throw LedgerError.storage("the copy failed its check: " + report.problems.joined(separator: "; "))
            }
            try BackupFiles.fsyncFile(temp)
            return PreparedCopy(tempPath: temp, finalPath: finalPath, report: report)
        } catch {
            BackupFiles.removeWithSidecars(temp)
            throw failure(error, writing: finalPath)
        }
    }

    /// Renames a prepared copy to its final name (removing stale sidecars of the file it replaces first).
    static func commit(_ prepared: PreparedCopy) throws {
        BackupFiles.removeSidecars(of: prepared.finalPath)
        try BackupFiles.renameAtomically(prepared.tempPath, to: prepared.finalPath)
    }

    static func failure(_ error: any Error, writing path: String) -> LedgerError {
        let cause: String
        switch error {
        case let LedgerError.storage(message): cause = message
        case let error as LedgerError: cause = error.description
        case let error as DatabaseError: cause = error.message ?? error.description
        default: cause = String(describing: error)
        }
        return .storage("writing \(path) failed: \(cause); nothing was written under that name"
                        + " (a previous file there is unchanged)")
    }
}
