import Foundation
import LedgerCore

extension SQLiteLedgerStore {
    /// Daily backup files are `ledger-YYYY-MM-DD.sqlite`.
    public static func dailyBackupFileName(for day: CivilDate) -> String { "ledger-\(day).sqlite" }

    /// The day in a daily backup file name, or nil for any other name.
    public static func day(ofDailyBackupFileName name: String) -> CivilDate? {
        guard name.hasPrefix("ledger-"), name.hasSuffix(".sqlite"), name.count == "ledger-YYYY-MM-DD.sqlite".count else {
            return nil
        }
        let date = CivilDate(iso: String(name.dropFirst("ledger-".count).dropLast(".sqlite".count)))
        return date.flatMap { dailyBackupFileName(for: $0) == name ? $0 : nil }
    }

    /// `<ledger folder>/backups`, or nil for an in-memory ledger.
    public var defaultBackupDirectory: String? {
        path.map { BackupFiles.folder(of: BackupFiles.absolute($0)) + "/backups" }
    }

    /// Today's daily backup file in `directory` (default: `defaultBackupDirectory`).
    public func dailyBackupPath(directory: String? = nil, today: CivilDate) throws -> String {
        guard let folder = directory ?? defaultBackupDirectory else {
            throw LedgerError.refused("an in-memory ledger has no backup folder: name one")
        }
        return BackupFiles.absolute(folder) + "/" + Self.dailyBackupFileName(for: today)
    }

    /// Makes today's backup `ledger-YYYY-MM-DD.sqlite` in `directory` (default `<ledger folder>/backups`,
    /// created with mode 0700) unless it exists, then deletes the oldest daily files beyond the newest `keep`.
    /// Only files named like daily backups are ever deleted.
    /// - Throws: `LedgerError.validation` for `keep` < 1; `.storage` naming the file when the backup fails.
    public func dailyBackupIfDue(directory: String? = nil, today: CivilDate, keep: Int = 14) throws -> DailyBackupOutcome {
        guard keep >= 1 else { throw LedgerError.validation([FieldIssue("keep", "must be 1 or more (is \(keep))")]) }
        let target = try dailyBackupPath(directory: directory, today: today)
        let folder = BackupFiles.folder(of: target)
        if !BackupFiles.isDirectory(folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw LedgerError.storage("cannot create the backup folder \(folder): \(error.localizedDescription)")
            }
        }
        var outcome = DailyBackupOutcome(path: target, created: nil, removed: [])
        if BackupFiles.regularFileSize(target) == nil {
            outcome.created = try backup(to: target)
        }
        outcome.removed = Self.rotateDailyBackups(in: folder, keep: keep)
        return outcome
    }

    /// Deletes the oldest daily backup files in `folder` beyond the newest `keep`; returns the deleted paths.
    @discardableResult
    public static func rotateDailyBackups(in folder: String, keep: Int) -> [String] {
        let files = dailyBackups(in: folder)
        guard files.count > keep else { return [] }
        var removed: [String] = []
        for file in files.dropFirst(max(keep, 1)) where (try? FileManager.default.removeItem(atPath: file.path)) != nil {
            try? FileManager.default.removeItem(atPath: BackupManifest.path(forBackup: file.path))
            removed.append(file.path)
        }
        return removed
    }

    /// Daily backup files in `folder`, newest day first.
    public static func dailyBackups(in folder: String) -> [BackupFileInfo] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return [] }
        return names.compactMap { name -> BackupFileInfo? in
            guard let day = day(ofDailyBackupFileName: name) else { return nil }
            let path = folder + "/" + name
            guard BackupFiles.regularFileSize(path) != nil else { return nil }
            let modified = (try? fm.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
            return BackupFileInfo(path: path, date: day, modified: modified)
        }.sorted { $0.date > $1.date }
    }

    /// The newest daily backup in `directory`, or nil when there is none.
    public static func lastBackup(directory: String) -> BackupFileInfo? { dailyBackups(in: directory).first }

    /// The day of the newest daily backup in `directory`, or nil when there is none.
    public static func lastBackupDate(directory: String) -> CivilDate? { lastBackup(directory: directory)?.date }

    /// The day of the newest daily backup in `directory` (default `<ledger folder>/backups`), or nil.
    public func lastBackupDate(directory: String? = nil) -> CivilDate? {
        (directory ?? defaultBackupDirectory).flatMap { Self.lastBackupDate(directory: $0) }
    }

    /// For the title bar: true when `directory` holds no daily backup written within `maxAge` seconds of `now`
    /// (default 24 h). Cheap: lists one folder, opens no file.
    public static func backupIsOverdue(directory: String, now: Date = Date(), maxAge: TimeInterval = 86_400) -> Bool {
        guard let last = dailyBackups(in: directory).max(by: { $0.modified < $1.modified }) else { return true }
        return now.timeIntervalSince(last.modified) > maxAge
    }

    /// `backupIsOverdue(directory:)` for this ledger's default backup folder (true for an in-memory ledger).
    public func backupIsOverdue(directory: String? = nil, now: Date = Date(), maxAge: TimeInterval = 86_400) -> Bool {
        guard let folder = directory ?? defaultBackupDirectory else { return true }
        return Self.backupIsOverdue(directory: folder, now: now, maxAge: maxAge)
    }
}
