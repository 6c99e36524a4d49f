import Foundation
import LedgerCore

extension SQLiteLedgerStore {
    /// A manual backup's file name (`salesledger backup` without FILE): `<ledger stem>-YYYY-MM-DD-HHMMSS.sqlite`
    /// (`.sqlite.enc` when encrypted), then `-2`, `-3`, … after the time for `attempt` 2, 3, …. Never a daily
    /// file's name (`day(ofDailyBackupFileName:)` reads none of them), so a manual backup never replaces the day's
    /// start-up backup and is never deleted by the daily rotation.
    /// - Parameter secondsOfDay: the local wall-clock time, 0 ..< 86,400 (clamped).
    public static func manualBackupFileName(for day: CivilDate, secondsOfDay: Int, ledgerStem: String = "ledger",
                                            encrypted: Bool = false, attempt: Int = 1) -> String {
        let s = min(max(secondsOfDay, 0), 86_399)
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let time = pad(s / 3600) + pad(s / 60 % 60) + pad(s % 60)
        let again = attempt > 1 ? "-\(attempt)" : ""
        return "\(ledgerStem)-\(day)-\(time)\(again).sqlite" + (encrypted ? encryptedSuffix : "")
    }

    /// Where a manual backup goes in `directory` (default `<ledger folder>/backups`): the first
    /// `manualBackupFileName` (attempt 1, 2, …) that names no file there yet (plain or encrypted, manifest
    /// included), so a second backup within the same second gets its own name too.
    /// - Throws: `LedgerError.refused` for an in-memory ledger without `directory`.
    public func manualBackupPath(directory: String? = nil, today: CivilDate, secondsOfDay: Int,
                                 encrypted: Bool = false) throws -> String {
        guard let folder = directory ?? defaultBackupDirectory else {
            throw LedgerError.refused("an in-memory ledger has no backup folder: name one")
        }
        let base = BackupFiles.absolute(folder) + "/"
        var attempt = 1
        while true {
            let taken = [false, true].contains { enc in
                let path = base + Self.manualBackupFileName(for: today, secondsOfDay: secondsOfDay,
                                                            ledgerStem: ledgerStem, encrypted: enc, attempt: attempt)
                return FileManager.default.fileExists(atPath: path)
                    || FileManager.default.fileExists(atPath: BackupManifest.path(forBackup: path))
            }
            if !taken {
                return base + Self.manualBackupFileName(for: today, secondsOfDay: secondsOfDay, ledgerStem: ledgerStem,
                                                        encrypted: encrypted, attempt: attempt)
            }
            attempt += 1
        }
    }

    /// Makes a manual backup in `directory` (default `<ledger folder>/backups`, which must exist) named
    /// `manualBackupPath`; the name is claimed only when the verified copy is ready and never replaces a file: when
    /// another process took it meanwhile (two backups in the same second), the next free name (`-2`, `-3`, …) is
    /// taken. `secondsOfDay` is the clock (local wall-clock time), injected for tests.
    /// - Throws: as `backup(to:passphrase:)`; `LedgerError.refused` for an in-memory ledger without `directory`.
    public func manualBackup(directory: String? = nil, today: CivilDate, secondsOfDay: Int,
                             passphrase: String? = nil) throws -> BackupReport {
        let first = try manualBackupPath(directory: directory, today: today, secondsOfDay: secondsOfDay,
                                         encrypted: passphrase != nil)
        return try manualBackup(at: first, directory: directory, today: today, secondsOfDay: secondsOfDay,
                                passphrase: passphrase)
    }

    /// `manualBackup` to the name `first` chosen before (by this or another process): the step two processes race
    /// on, for tests.
    func manualBackup(at first: String, directory: String?, today: CivilDate, secondsOfDay: Int,
                      passphrase: String?) throws -> BackupReport {
        try backup(to: first, passphrase: passphrase) { [self] _ in
            try manualBackupPath(directory: directory, today: today, secondsOfDay: secondsOfDay,
                                 encrypted: passphrase != nil)
        }
    }

    /// The machine's local wall-clock time as seconds since local midnight (for manual backup names).
    public static func localSecondsOfDay(now: time_t = time(nil)) -> Int {
        var t = now
        var parts = tm()
        localtime_r(&t, &parts)
        return Int(parts.tm_hour) * 3600 + Int(parts.tm_min) * 60 + Int(parts.tm_sec)
    }
}
