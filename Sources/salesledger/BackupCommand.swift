import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

/// `salesledger backup [FILE]`, `backup --daily`, `backup verify FILE`.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Back the ledger up (SQLite online backup, checked, atomic), or verify a backup.",
        discussion: """
        The backup is a single self-contained SQLite file (journal mode delete): copy it anywhere, open it with
        sqlite3. Default file: <ledger folder>/backups/ledger-YYYY-MM-DD.sqlite (today's daily file).
        """,
        subcommands: [Create.self, Verify.self], defaultSubcommand: Create.self)

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Write a backup (the default: `salesledger backup [FILE]`).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Backup file (default: today's daily file in <ledger folder>/backups/).") var file: String?
        @Flag(help: "Only if today's daily backup is missing; then keep the newest --keep daily files.") var daily = false
        @Option(help: "Daily backups to keep with --daily.") var keep = 14
        @Option(help: "Backup folder (default: <ledger folder>/backups).") var dir: String?

        func validate() throws {
            if daily && file != nil { throw ValidationError("--daily writes today's daily file: give no FILE (use --dir)") }
            if keep < 1 { throw ValidationError("--keep must be 1 or more") }
        }

        func run() throws {
            let (store, service) = try global.openExistingLedger()
            let today = service.clock.today()
            try service.authorize(.backup, detail: daily ? "daily" : (file ?? "today's file"))
            if daily {
                let outcome = try store.dailyBackupIfDue(directory: dir, today: today, keep: keep)
                if let report = outcome.created {
                    try BackupCommand.record(report, kind: "daily", service: service)
                    BackupCommand.printWritten(report)
                } else {
                    print("skipped: today's backup exists: \(outcome.path)")
                }
                for path in outcome.removed { print("removed old backup: \(path)") }
                return
            }
            let target = try file ?? store.dailyBackupPath(directory: dir, today: today)
            if file == nil {
                let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            }
            let report = try store.backup(to: target)
            try BackupCommand.record(report, kind: "manual", service: service)
            BackupCommand.printWritten(report)
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a backup file: integrity, journal mode, audit chain, counts (exit 1 when bad).")
        @Argument(help: "The backup file.") var file: String

        func run() throws {
            let report = SQLiteLedgerStore.verifyWithManifest(backupAt: file)
            for line in report.summaryLines { print(line) }
            guard report.isGood else {
                throw UserError("backup \(file) is NOT usable: " + report.problems.joined(separator: "; "))
            }
            print("ok: \(file) is a good backup")
        }
    }

    static func record(_ report: BackupReport, kind: String, service: LedgerService) throws {
        let counts = report.counts ?? BackupCounts()
        try service.run(RecordBackup(kind: kind, file: report.path, sizeBytes: report.sizeBytes, customers: counts.customers,
                                     documents: counts.documents, receipts: counts.receipts,
                                     auditEntries: counts.auditEntries))
    }

    static func printWritten(_ report: BackupReport) {
        print("backup written: \(report.path)")
        print("size: \(report.sizeBytes) bytes")
        if let counts = report.counts { print("contents: \(counts)") }
        print("checked: integrity \(report.integrity), journal mode \(report.journalMode), audit chain intact")
    }
}

/// `salesledger restore FILE --yes`: replaces the ledger with a verified backup (admin only).
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Replace the ledger with a backup (checked first; the old ledger is kept).",
        discussion: """
        Refuses without --yes. The current ledger is kept as <ledger>.before-restore-<UTC time>. Close the app
        (and any other salesledger command) on this ledger first: a ledger in use is not replaced.
        """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The backup file to restore.") var file: String
    @Flag(help: "Really replace the ledger.") var yes = false

    func run() throws {
        let ledger = global.databasePath
        // The role is checked against the ledger being replaced, before the backup or the ledger is touched; a
        // refusal is audited in that ledger.
        var floors: [NumberSeriesCounter] = []
        if FileManager.default.fileExists(atPath: ledger) {
            let (store, service) = try global.openLedger()
            try service.authorize(.restore, detail: file)
            floors = try store.numberSeriesCounters()
        }
        let report = SQLiteLedgerStore.verifyWithManifest(backupAt: file)
        guard report.isGood else {
            throw UserError("backup \(file) is NOT usable, nothing was restored: " + report.problems.joined(separator: "; "))
        }
        let counts = report.counts ?? BackupCounts()
        // A practice backup never replaces the real ledger, nor a real backup the practice one.
        if (try SQLiteLedgerStore.practiceMarker(inFile: file) != nil) != global.practice {
            throw UserError(global.practice ? "backup \(file) is of a real ledger: it is never restored as the practice ledger"
                                            : "backup \(file) is of a practice ledger (练习账套): it is never restored as the real ledger")
        }
        guard yes else {
            let current = FileManager.default.fileExists(atPath: ledger) ? "the ledger \(ledger)" : "(no ledger yet at) \(ledger)"
            print("would replace \(current)")
            print("with \(file): \(counts)")
            throw UserError("restore replaces the ledger \(ledger) with \(file): add --yes to do it")
        }
        let restored = try SQLiteLedgerStore.restore(from: file, to: ledger)
        // Recorded in the restored ledger as the admin authorised above (the restored ledger may predate that user);
        // number counters never go back, so no invoice number is issued twice.
        let store = try SQLiteLedgerStore(path: ledger)
        let service = LedgerService(store: store, clock: try global.clock(), actor: global.actor, role: .admin)
        let outcome = try service.run(RecordRestore(
            file: BackupFiles(file).absolute, previousLedgerKeptAt: restored.previousLedgerKeptAt,
            documents: counts.documents, receipts: counts.receipts, auditEntries: counts.auditEntries,
            numberFloors: floors))
        print("restored \(ledger) from \(file): \(counts)")
        if let kept = restored.previousLedgerKeptAt { print("previous ledger kept as \(kept)") }
        if outcome.contains("counters") { print(outcome) }
    }
}

private struct BackupFiles {
    let path: String
    init(_ path: String) { self.path = path }
    var absolute: String { URL(fileURLWithPath: path).standardizedFileURL.path }
}
