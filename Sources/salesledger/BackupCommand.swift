import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

/// `salesledger backup [FILE]`, `backup --daily`, `backup --encrypt`, `backup --to DIR`, `backup verify FILE`.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Back the ledger up (SQLite online backup, checked, atomic), or verify a backup.",
        discussion: """
        The backup is a single self-contained SQLite file (journal mode delete) with a manifest (<file>.manifest:
        SHA-256, size, counts, audit head): copy both anywhere. Default file: <ledger folder>/backups/<ledger
        name>-YYYY-MM-DD-HHMMSS.sqlite (named after the ledger and the time; -2, -3 … when taken), so it never
        replaces the daily file <ledger name>-YYYY-MM-DD.sqlite (written by --daily and the app's first start of
        the day) nor an earlier backup. --encrypt writes it encrypted (AES-256-GCM, key from the passphrase with
        scrypt; .sqlite.enc); the passphrase is asked on the terminal (twice) or read from --passphrase-fd N,
        never from the command line. --to DIR writes the backup into DIR only (a USB disk, a network share);
        with FILE or --daily it writes a verified copy there as well. Every backup, refused or failed one is in
        the audit log.
        """,
        subcommands: [Create.self, Verify.self], defaultSubcommand: Create.self)

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Write a backup (the default: `salesledger backup [FILE]`).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Backup file (default: <ledger name>-YYYY-MM-DD-HHMMSS.sqlite in backups/ or --to DIR).")
        var file: String?
        @Flag(help: "Only if today's daily backup is missing; then keep the newest --keep daily files.")
        var daily = false
        @Option(help: "Daily backups to keep with --daily.") var keep = 14
        @Option(help: "Backup folder (default: <ledger folder>/backups).") var dir: String?
        @Flag(help: "Encrypt the backup (AES-256-GCM; passphrase from the terminal or --passphrase-fd).")
        var encrypt = false
        @Option(help: "Read the passphrase (one line) from this file descriptor.") var passphraseFd: Int32?
        @Option(help: "Write the backup into this folder only (a USB disk); with FILE or --daily, a verified copy.")
        var to: String?

        func validate() throws {
            if daily && file != nil { throw ValidationError("--daily writes today's daily file: give no FILE (use "
                                                            + "--dir)") }
            if keep < 1 { throw ValidationError("--keep must be 1 or more") }
            if passphraseFd != nil && !encrypt { throw ValidationError("--passphrase-fd needs --encrypt") }
            if !daily && file == nil && to != nil && dir != nil {
                throw ValidationError("--to and --dir name two folders: without FILE the backup is written only "
                                      + "into --to's folder")
            }
        }

        func run() throws {
            let (store, service) = try global.openExistingLedger()
            let today = service.clock.today()
            let kind = daily ? "daily" : "manual"
            // A manual backup without FILE gets its own name (the time of day), never today's daily file's: it
            // never replaces a backup. With --to it is written only into that folder.
            let seconds = SQLiteLedgerStore.localSecondsOfDay()
            let target = try daily ? store.dailyBackupPath(directory: dir, today: today, encrypted: encrypt)
                : file ?? store.manualBackupPath(directory: to ?? dir, today: today, secondsOfDay: seconds,
                                                 encrypted: encrypt)
            try service.authorize(.backup, detail: daily ? "daily" : target)
            do {
                let passphrase = encrypt ? try Passphrase.read(fd: passphraseFd, confirm: true) : nil
                if daily {
                    let outcome = try store.dailyBackupIfDue(directory: dir, today: today, keep: keep,
                                                             passphrase: passphrase)
                    if let report = outcome.created {
                        let copy = try to.map { try SQLiteLedgerStore.copyBackup(report.path, toFolder: $0) }
                        if let to { _ = SQLiteLedgerStore.rotateDailyBackups(in: to, keep: keep,
                                                                             ledgerStem: store.ledgerStem) }
                        try BackupCommand.record(report, kind: kind, copy: copy, service: service)
                        BackupCommand.printWritten(report, copy: copy)
                    } else {
                        print("skipped: today's backup exists: \(outcome.path)")
                    }
                    for path in outcome.removed { print("removed old backup: \(path)") }
                    return
                }
                if file == nil {
                    let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                            attributes: [.posixPermissions: 0o700])
                }
                // Without FILE the name is claimed when the copy is ready, never replacing a file: a backup of the
                // same second by another process moves this one on to `-2` (s34-fix).
                let report = try file == nil
                    ? store.manualBackup(directory: to ?? dir, today: today, secondsOfDay: seconds,
                                         passphrase: passphrase)
                    : store.backup(to: target, passphrase: passphrase)
                // A copy only when FILE was named too: without FILE the backup itself is already in --to's folder.
                let copy = try file == nil ? nil
                    : to.map { try SQLiteLedgerStore.copyBackup(report.path, toFolder: $0) }
                try BackupCommand.record(report, kind: kind, copy: copy, service: service)
                BackupCommand.printWritten(report, copy: copy)
            } catch {
                // A backup that was allowed but failed is audited too (nothing else is written).
                _ = try? service.run(RecordBackupFailure(kind: kind, file: target, error: String(describing: error)))
                throw error
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a backup file: manifest SHA-256, integrity, journal mode, audit chain, counts (exit 1 "
                      + "when bad).",
            discussion: "An encrypted backup is decrypted into a private temp file to be checked: the passphrase is "
                        + "asked"
                + " on the terminal or read from --passphrase-fd N. A wrong passphrase or an altered file is refused.")
        @Argument(help: "The backup file.") var file: String
        @Option(help: "Read the passphrase of an encrypted backup from this file descriptor.") var passphraseFd: Int32?

        func run() throws {
            let passphrase = EncryptedBackupFile.isEncrypted(file) ? try Passphrase.read(fd: passphraseFd,
                                                                                         confirm: false) : nil
            let report = SQLiteLedgerStore.verifyWithManifest(backupAt: file, passphrase: passphrase)
            for line in report.summaryLines { print(line) }
            guard report.isGood else {
                throw UserError("backup \(file) is NOT usable: " + report.problems.joined(separator: "; "))
            }
            print("ok: \(file) is a good backup")
        }
    }

    static func record(_ report: BackupReport, kind: String, copy: BackupReport? = nil, service: LedgerService) throws {
        let counts = report.counts ?? BackupCounts()
        try service.run(RecordBackup(kind: kind, file: report.path, sizeBytes: report.sizeBytes,
                                     customers: counts.customers,
                                     documents: counts.documents, receipts: counts.receipts,
                                     auditEntries: counts.auditEntries, encrypted: report.encryption != nil,
                                     offsiteCopy: copy?.path))
    }

    static func printWritten(_ report: BackupReport, copy: BackupReport? = nil) {
        print("backup written: \(report.path)")
        print("size: \(report.sizeBytes) bytes")
        if let counts = report.counts { print("contents: \(counts)") }
        print("checked: integrity \(report.integrity), audit chain intact, manifest "
              + "\(BackupManifest.path(forBackup: report.path))")
        if let encryption = report.encryption { print("encrypted: \(encryption)") }
        if let copy { print("off-site copy written and checked: \(copy.path)") }
    }
}

/// Reading a backup passphrase: one line from a file descriptor (scripts), else the terminal with echo off
/// (asked twice when it sets the passphrase). Never from the command line or the environment.
enum Passphrase {
    static func read(fd: Int32?, confirm: Bool) throws -> String {
        let first = try Authentication.readSecret(prompt: CLIChinese.isOn ? "备份口令：" : "backup passphrase: ", fd: fd)
        if fd == nil && confirm {
            let again = try Authentication.readSecret(
                prompt: CLIChinese.isOn ? "再输入一次备份口令：" : "backup passphrase again: ", fd: nil)
            guard again == first else { throw UserError("the two passphrases differ: nothing was written") }
        }
        guard first.count >= SQLiteLedgerStore.minimumPassphraseLength else {
            throw UserError("passphrase: must have at least \(SQLiteLedgerStore.minimumPassphraseLength) characters")
        }
        return first
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
    @Option(help: "Read the passphrase of an encrypted backup from this file descriptor.") var passphraseFd: Int32?

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
        let passphrase = EncryptedBackupFile.isEncrypted(file) ? try Passphrase.read(fd: passphraseFd,
                                                                                     confirm: false) : nil
        let report = SQLiteLedgerStore.verifyWithManifest(backupAt: file, passphrase: passphrase)
        guard report.isGood else {
            throw UserError("backup \(file) is NOT usable, nothing was restored: "
                            + report.problems.joined(separator: "; "))
        }
        let counts = report.counts ?? BackupCounts()
        // A practice backup never replaces the real ledger, nor a real backup the practice one.
        if (report.practiceMarker != nil) != global.practice {   // read by the verification above, no second decrypt
            throw UserError(global.practice ? "backup \(file) is of a real ledger: it is never restored as the "
                                              + "practice ledger"
                                            : "backup \(file) is of a practice ledger (练习账套): it is never "
                                              + "restored as the real ledger")
        }
        guard yes else {
            let current = FileManager.default.fileExists(atPath: ledger) ? "the ledger \(ledger)" : "(no ledger yet "
                                                                                                    + "at) \(ledger)"
            print("would replace \(current)")
            print("with \(file): \(counts)")
            throw UserError("restore replaces the ledger \(ledger) with \(file): add --yes to do it")
        }
        let restored = try SQLiteLedgerStore.restore(from: file, to: ledger, passphrase: passphrase)
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
        // Only the counters' part: the rest of the outcome repeats the lines above (tryout s34, in English).
        if let counters = outcome.range(of: "number counters raised") {
            print(String(outcome[counters.lowerBound...]))
        }
    }
}

private struct BackupFiles {
    let path: String
    init(_ path: String) { self.path = path }
    var absolute: String { URL(fileURLWithPath: path).standardizedFileURL.path }
}

extension InitCommand {
    /// `init --fix-permissions`: admin only (audited refusal), then every loose file 0600 and folder 0700.
    static func fix(global: GlobalOptions, service: LedgerService) throws {
        try service.authorize(.fixPermissions, detail: global.databasePath)
        let fixed = try FilePermissions.fix(ledger: global.databasePath)
        for item in fixed {
            print("tightened \(item.path): \(LoosePermission.octal(item.mode)) → "
                  + "\(LoosePermission.octal(item.expected))")
        }
        if fixed.isEmpty { print("permissions ok: files 0600, folders 0700") }
    }
}
