#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GRDB
import LedgerCore

extension SQLiteLedgerStore {
    /// Replaces the ledger at `ledgerPath` with the contents of `backup`.
    ///
    /// 1. The backup is verified (`verify(backupAt:)`); a bad backup changes nothing.
    /// 2. It is copied with the online backup API into a temp file next to the ledger, switched to
    ///    `journal_mode=DELETE`, checked again (counts and last audit hash equal the backup's) and flushed.
    /// 3. The current ledger (if any) is taken over: one connection sets `locking_mode=EXCLUSIVE` and
    ///    `journal_mode=DELETE`. Leaving WAL mode checkpoints every commit of the `-wal` file into the main file
    ///    and deletes `-wal`/`-shm`, and SQLite refuses it while any other connection has the file open — so a
    ///    running app or CLI command makes the restore fail ("in use") instead of writing into a file that is
    ///    being swapped under it. `BEGIN EXCLUSIVE` then holds the file until the swap is done.
    /// 4. The current ledger, now complete in its main file, is kept as `<ledger>.before-restore-<UTC time>`
    ///    (a hard link to the same file; a plain copy where links are not supported, safe here because the
    ///    file is checkpointed, has no `-wal`, and is exclusively locked).
    /// 5. Leftover `-wal`/`-shm`/`-journal` of the ledger name are removed (SQLite would replay a stale `-wal`
    ///    into the new file), and the temp file is renamed over the ledger atomically: at every moment the
    ///    ledger path holds either the whole old ledger or the whole restored one.
    ///
    /// The caller should close its own store on `ledgerPath` first, and record the restore afterwards
    /// (`RecordRestore`, admin only) in the restored ledger.
    /// - Throws: `LedgerError.refused` for a bad backup or a ledger in use; `.storage` naming the file otherwise.
    public static func restore(from backup: String, to ledgerPath: String, now: Date = Date()) throws -> RestoreReport {
        try restore(from: backup, to: ledgerPath, now: now, fault: nil)
    }

    static func restore(from backup: String, to ledgerPath: String, now: Date,
                        fault: BackupFault?) throws -> RestoreReport {
        let ledgerPath = BackupFiles.absolute(ledgerPath)
        if BackupFiles.sameFile(backup, ledgerPath) {
            throw LedgerError.refused("cannot restore \(backup) onto itself")
        }
        let checked = verify(backupAt: backup)
        guard checked.isGood else {
            throw LedgerError.refused("\(backup) is not a usable backup, nothing was restored: "
                                      + checked.problems.joined(separator: "; "))
        }
        let folder = BackupFiles.folder(of: ledgerPath)
        try BackupFiles.createPrivateFolder(folder, what: "ledger")
        let prepared = try prepareVerifiedCopy(to: ledgerPath, fault: fault) { dest in
            var config = Configuration()
            config.readonly = true
            let source = try DatabaseQueue(path: backup, configuration: config)
            defer { try? source.close() }
            return try source.read { db in
                let expected = try expectation(db)
                guard expected.counts == checked.counts, expected.lastAuditHash == checked.lastAuditHash else {
                    throw LedgerError.refused("\(backup) changed while it was being restored")
                }
                try db.backup(to: dest)
                return expected
            }
        }
        do {
            var keptAt: String?
            if FileManager.default.fileExists(atPath: ledgerPath) {
                keptAt = try swapHoldingExclusiveLock(ledgerPath: ledgerPath, prepared: prepared, now: now,
                                                      fault: fault)
            } else {
                try fault?(.beforeRename)
                try commit(prepared)
            }
            // The head file now anchors the restored chain; the replaced ledger's head goes with the kept copy.
            if let keptAt { rename(AuditHeadFile.path(forLedger: ledgerPath), AuditHeadFile.path(forLedger: keptAt)) }
            AuditHeadFile.store(AuditHead(count: prepared.report.counts?.auditEntries ?? 0,
                                          hash: prepared.report.lastAuditHash ?? AuditChain.genesis),
                                ledger: ledgerPath, onlyIfNewer: false)
            var report = RestoreReport(backup: checked, ledgerPath: ledgerPath, previousLedgerKeptAt: keptAt)
            report.backup.path = backup
            return report
        } catch {
            BackupFiles.removeWithSidecars(prepared.tempPath)
            if let error = error as? LedgerError, case .refused = error { throw error }
            throw failure(error, writing: ledgerPath)
        }
    }

    /// Steps 3–5 of `restore`. Returns where the replaced ledger is kept.
    private static func swapHoldingExclusiveLock(ledgerPath: String, prepared: PreparedCopy, now: Date,
                                                 fault: BackupFault?) throws -> String {
        var config = Configuration()
        config.busyMode = .timeout(2)
        let current: DatabaseQueue
        do {
            current = try DatabaseQueue(path: ledgerPath, configuration: config)
        } catch let error as DatabaseError {
            throw LedgerError.storage("cannot open the current ledger \(ledgerPath): "
                                      + "\(error.message ?? error.description)")
        }
        defer { try? current.close() }
        return try current.writeWithoutTransaction { db in
            do {
                try db.execute(sql: "PRAGMA locking_mode=EXCLUSIVE")
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode=DELETE")
                guard mode == "delete" else {
                    throw LedgerError.refused("ledger stayed in journal mode \(mode ?? "?")")
                }
                try db.execute(sql: "BEGIN EXCLUSIVE")
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY
                || error.resultCode == .SQLITE_LOCKED {
                throw LedgerError.refused("the ledger \(ledgerPath) is open in another program (the app or a "
                                          + "salesledger"
                                          + " command): close it, then restore again; nothing was changed")
            }
            defer { try? db.execute(sql: "ROLLBACK") }
            let keptAt = uniquePath(ledgerPath + ".before-restore-" + timestamp(now))
            if link(ledgerPath, keptAt) != 0 {
                do {
                    try FileManager.default.copyItem(atPath: ledgerPath, toPath: keptAt)
                } catch {
                    throw LedgerError.storage("cannot keep the current ledger as \(keptAt): "
                                              + "\(error.localizedDescription)")
                }
            }
            try BackupFiles.fsyncFile(keptAt)
            BackupFiles.fsyncDirectory(BackupFiles.folder(of: keptAt))
            try fault?(.beforeRename)
            try commit(prepared)
            return keptAt
        }
    }

    static func timestamp(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970)
        let day = CivilDate(daysSinceEpoch: Int(seconds.floorDiv(86_400)))
        let rest = Int(seconds - Int64(day.daysSinceEpoch) * 86_400)
        let digits = day.description.replacingOccurrences(of: "-", with: "")
        return digits + "T" + String(format: "%02d%02d%02dZ", rest / 3600, rest / 60 % 60, rest % 60)
    }

    /// `path`, or `path-2`, `path-3` … when taken.
    static func uniquePath(_ path: String) -> String {
        var candidate = path
        var n = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = "\(path)-\(n)"
            n += 1
        }
        return candidate
    }
}

private extension Int64 {
    func floorDiv(_ d: Int64) -> Int64 { self >= 0 ? self / d : -((-self + d - 1) / d) }
}
