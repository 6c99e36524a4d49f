import Foundation
import LedgerCore

extension SQLiteLedgerStore {
    /// Suffix of an encrypted daily backup (`backup --daily --encrypt`), after `.sqlite`.
    public static let encryptedSuffix = ".enc"

    /// Daily backup files are `<ledger stem>-YYYY-MM-DD.sqlite` (`.sqlite.enc` when encrypted): named after their
    /// ledger, so several ledgers can share one backup folder (`shop.sqlite` → `shop-2026-12-02.sqlite`).
    public static func dailyBackupFileName(for day: CivilDate, ledgerStem: String = "ledger",
                                           encrypted: Bool = false) -> String {
        "\(ledgerStem)-\(day).sqlite" + (encrypted ? encryptedSuffix : "")
    }

    /// The day in a daily backup file name of the ledger `ledgerStem` (plain or encrypted), or nil for any other
    /// name (another ledger's daily files included).
    public static func day(ofDailyBackupFileName name: String, ledgerStem: String = "ledger") -> CivilDate? {
        let plain = name.hasSuffix(encryptedSuffix) ? String(name.dropLast(encryptedSuffix.count)) : name
        let prefix = ledgerStem + "-"
        guard plain.hasPrefix(prefix), plain.hasSuffix(".sqlite"),
        plain.count == prefix.count + "YYYY-MM-DD.sqlite".count
        else { return nil }
        let date = CivilDate(iso: String(plain.dropFirst(prefix.count).dropLast(".sqlite".count)))
        return date.flatMap { dailyBackupFileName(for: $0, ledgerStem: ledgerStem) == plain ? $0 : nil }
    }

    /// The ledger file's name without `.sqlite` (or its last extension): what its daily backups are named after.
    /// `ledger` for an in-memory ledger.
    public var ledgerStem: String { path.map(Self.ledgerStem(ofLedger:)) ?? "ledger" }

    public static func ledgerStem(ofLedger path: String) -> String {
        let name = BackupFiles.name(of: path)
        let stem = (name as NSString).deletingPathExtension
        return stem.isEmpty ? name : stem
    }

    /// `<ledger folder>/backups`, or nil for an in-memory ledger.
    public var defaultBackupDirectory: String? {
        path.map { BackupFiles.folder(of: BackupFiles.absolute($0)) + "/backups" }
    }

    /// Today's daily backup file in `directory` (default: `defaultBackupDirectory`).
    public func dailyBackupPath(directory: String? = nil, today: CivilDate, encrypted: Bool = false) throws -> String {
        guard let folder = directory ?? defaultBackupDirectory else {
            throw LedgerError.refused("an in-memory ledger has no backup folder: name one")
        }
        return BackupFiles.absolute(folder) + "/" + Self.dailyBackupFileName(for: today, ledgerStem: ledgerStem,
                                                                              encrypted: encrypted)
    }

    /// Whether today's daily backup (plain or encrypted) exists in `directory`.
    public func hasDailyBackup(directory: String? = nil, today: CivilDate) -> Bool {
        [false, true].contains { encrypted in
            (try? dailyBackupPath(directory: directory, today: today, encrypted: encrypted))
                .flatMap(BackupFiles.regularFileSize) != nil
        }
    }

    /// Makes today's backup `<ledger stem>-YYYY-MM-DD.sqlite` (`.sqlite.enc` with a passphrase) in `directory`
    /// (default `<ledger folder>/backups`, created with mode 0700) unless it exists (plain or encrypted), then
    /// deletes this ledger's oldest daily files beyond the newest `keep`. Only files named like this ledger's
    /// daily backups are ever deleted.
    /// With `shouldStop` (plain backups only) the copy can be stopped (`backup(to:shouldStop:)`): nothing is
    /// written, nothing rotated.
    /// - Throws: `LedgerError.validation` for `keep` < 1; `.storage` naming the file when the backup fails;
    ///   `BackupStopped` when `shouldStop` said so.
    public func dailyBackupIfDue(directory: String? = nil, today: CivilDate, keep: Int = 14,
                                 passphrase: String? = nil,
                                 shouldStop: (() -> Bool)? = nil) throws -> DailyBackupOutcome {
        guard keep >= 1 else { throw LedgerError.validation([FieldIssue("keep", "must be 1 or more (is \(keep))")]) }
        let target = try dailyBackupPath(directory: directory, today: today, encrypted: passphrase != nil)
        let folder = BackupFiles.folder(of: target)
        try BackupFiles.createPrivateFolder(folder, what: "backup")
        var outcome = DailyBackupOutcome(path: target, created: nil, removed: [])
        if !hasDailyBackup(directory: folder, today: today) {
            if let shouldStop, passphrase == nil {
                outcome.created = try backup(to: target, shouldStop: shouldStop)
            } else {
                outcome.created = try backup(to: target, passphrase: passphrase)
            }
        }
        outcome.removed = Self.rotateDailyBackups(in: folder, keep: keep, ledgerStem: ledgerStem)
        return outcome
    }

    /// Deletes the oldest daily backup files in `folder` beyond the newest `keep`; returns the deleted paths.
    @discardableResult
    public static func rotateDailyBackups(in folder: String, keep: Int, ledgerStem: String = "ledger") -> [String] {
        let files = dailyBackups(in: folder, ledgerStem: ledgerStem)
        guard files.count > keep else { return [] }
        var removed: [String] = []
        for file in files.dropFirst(max(keep,
                                        1)) where (try? FileManager.default.removeItem(atPath: file.path)) != nil {
            try? FileManager.default.removeItem(atPath: BackupManifest.path(forBackup: file.path))
            removed.append(file.path)
        }
        return removed
    }

    /// The daily backup files of the ledger `ledgerStem` in `folder`, newest day first.
    public static func dailyBackups(in folder: String, ledgerStem: String = "ledger") -> [BackupFileInfo] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return [] }
        return names.compactMap { name -> BackupFileInfo? in
            guard let day = day(ofDailyBackupFileName: name, ledgerStem: ledgerStem) else { return nil }
            let path = folder + "/" + name
            guard BackupFiles.regularFileSize(path) != nil else { return nil }
            let modified = (try? fm.attributesOfItem(atPath: path)[.modificationDate] as? Date)
                ?? Date(timeIntervalSince1970: 0)
            return BackupFileInfo(path: path, date: day, modified: modified)
        }.sorted { ($0.date, $0.path) > ($1.date, $1.path) }
    }

    /// The newest daily backup in `directory`, or nil when there is none.
    public static func lastBackup(directory: String, ledgerStem: String = "ledger") -> BackupFileInfo? {
        dailyBackups(in: directory, ledgerStem: ledgerStem).first
    }

    /// The day of the newest daily backup in `directory`, or nil when there is none.
    public static func lastBackupDate(directory: String, ledgerStem: String = "ledger") -> CivilDate? {
        lastBackup(directory: directory, ledgerStem: ledgerStem)?.date
    }

    /// The day of the newest daily backup in `directory` (default `<ledger folder>/backups`), or nil.
    public func lastBackupDate(directory: String? = nil) -> CivilDate? {
        (directory ?? defaultBackupDirectory).flatMap { Self.lastBackupDate(directory: $0, ledgerStem: ledgerStem) }
    }

    /// For the title bar: true when `directory` holds no daily backup written within `maxAge` seconds of `now`
    /// (default 24 h). Cheap: lists one folder, opens no file.
    public static func backupIsOverdue(directory: String, ledgerStem: String = "ledger", now: Date = Date(),
                                       maxAge: TimeInterval = 86_400) -> Bool {
        guard let last = dailyBackups(in: directory, ledgerStem: ledgerStem)
            .max(by: { $0.modified < $1.modified }) else { return true }
        return now.timeIntervalSince(last.modified) > maxAge
    }

    /// `backupIsOverdue(directory:)` for this ledger's default backup folder (true for an in-memory ledger).
    public func backupIsOverdue(directory: String? = nil, now: Date = Date(), maxAge: TimeInterval = 86_400) -> Bool {
        guard let folder = directory ?? defaultBackupDirectory else { return true }
        return Self.backupIsOverdue(directory: folder, ledgerStem: ledgerStem, now: now, maxAge: maxAge)
    }
}
