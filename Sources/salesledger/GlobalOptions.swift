import ArgumentParser
import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import SalesLedgerApp

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Ledger file (default: $SALESLEDGER_DB, else $XDG_DATA_HOME/salesledger/ledger.sqlite).")
    var db: String?

    @Option(name: .long, help: "Pin today's date, e.g. 2013-06-30 (also $SALESLEDGER_TODAY).")
    var today: String?

    @Option(name: .long, help: "Language of output: en or zh (default from LC_ALL / LC_MESSAGES / LANG).")
    var lang: String?

    @Option(name: .long, help: "Acting user (default: $USER). Once users have passwords it only names who logs in.")
    var user: String?

    @Option(name: .long, help: "Read the password from this file descriptor (scripts), not the terminal.")
    var passwordFd: Int32?

    @Flag(name: .long, help: "CSV output as plain RFC 4180: no formula neutralising (OWASP ') and no UTF-8 BOM.")
    var raw = false

    @Flag(name: .long, help: "Use the practice ledger (练习账套) of training mode beside the ledger (see `train`).")
    var practice = false

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The ledger file: the practice ledger beside the real one with `--practice`.
    var databasePath: String {
        practice ? PracticeLedger.path(forRealLedger: realDatabasePath) : realDatabasePath
    }

    /// The real ledger file (--db, $SALESLEDGER_DB, else the default path).
    var realDatabasePath: String {
        if let db, !db.isEmpty { return db }
        if let env = environment["SALESLEDGER_DB"], !env.isEmpty { return env }
        return SQLiteLedgerStore.defaultPath(environment: environment)
    }

    /// The clock: pinned by --today or SALESLEDGER_TODAY, else the system clock.
    func clock() throws -> any LedgerClock {
        let system = SystemClock()
        guard let text = today ?? environment["SALESLEDGER_TODAY"], !text.isEmpty else { return system }
        do {
            return FixedClock(try DateParser.parse(text, today: system.today()))
        } catch {
            throw UserError("--today: \(error)")
        }
    }

    /// The UI words for a table in `format`: names for people in a table, nil for CSV and JSON (they keep the
    /// machine codes, which programs and `import` read).
    func words(_ format: OutputFormat) -> Strings? { format == .table ? Strings(isChinese ? .zh : .en) : nil }

    var isChinese: Bool {
        if let lang { return lang.lowercased().hasPrefix("zh") }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty { return value.lowercased().hasPrefix("zh") }
        }
        return false
    }

    func validate() throws {
        if raw { CSVOutput.processDefault = .raw }
        if let lang, !["en", "zh"].contains(lang.lowercased()) {
            throw ValidationError("--lang must be en or zh, not '\(lang)'")
        }
    }

    var actor: String { user ?? environment["USER"] ?? "user" }

    /// Opens an existing ledger for a read-only command: a missing file is an error (exit 1) and nothing is
    /// created, so a mistyped `--db` never leaves an empty ledger behind.
    /// - Throws: `UserError` "no ledger at PATH (create one with: salesledger init --db PATH)".
    func openExistingLedger() throws -> (SQLiteLedgerStore, LedgerService) {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw UserError("no ledger at \(databasePath) (create one with: salesledger init --db \(databasePath))")
        }
        return try openLedger()
    }

    /// Opens the ledger (creating it when missing: `init`, writes, samples, the TUI's welcome screen) and a
    /// command service on it. With passwords in use the actor logs in first (`askUser`: the TUI asks for the user
    /// name too); see `Authentication`.
    /// Loose file modes (looser than 0600/0700) are warned about on stderr unless `warnPermissions` is false (the
    /// TUI shows them on its status line).
    func openLedger(askUser: Bool = false, warnPermissions: Bool = true) throws -> (SQLiteLedgerStore, LedgerService) {
        if practice, !FileManager.default.fileExists(atPath: databasePath) {
            throw UserError("no practice ledger at \(databasePath) (start training with: salesledger train)")
        }
        let store = try SQLiteLedgerStore(path: databasePath)
        try PracticeGuard.check(store, path: databasePath, practice: practice)
        if warnPermissions,
           let warning = FilePermissions.warning(FilePermissions.check(ledger: databasePath), ledger: databasePath) {
            let text = (CLIChinese.isOn ? "警告：" : "warning: ") + CLIChinese.message(warning)
            FileHandle.standardError.write(Data("salesledger: \(text)\n".utf8))
        }
        AuditKey.load(into: store, environment: environment)
        // Roles: a ledger without users lets everyone act as admin (first run, single user); once users exist the
        // actor must be an active user and gets that user's role, enforced by the command layer.
        let users = try store.users()
        var role = UserRole.admin
        var name = actor
        var clock = try clock()
        if let pinned = try pinnedByLedger(store) { clock = FixedClock(pinned) }
        if try store.passwordsInUse() {
            if askUser && passwordFd == nil {
                (name, role) = try Authentication.terminalLogin(store: store, askName: user == nil, name: actor,
                                                                clock: clock)
            } else {
                if askUser && user == nil {
                    name = Authentication.readName(prompt: CLIChinese.isOn ? "用户" : "user", default: actor)
                }
                role = try Authentication.login(store: store, name: name, passwordFD: passwordFd, clock: clock)
            }
        } else if !users.isEmpty {
            guard let user = users.first(where: { $0.name == actor }), user.isActive else {
                throw UserError("user: '\(actor)' is not an active user of this ledger (see `salesledger user list`; "
                                + "use --user NAME)")
            }
            role = user.role
        }
        let service = LedgerService(store: store, clock: clock, actor: name, role: role)
        return (store, service)
    }

    /// The ledger's pinned "today" (the IBM sample's 2013-06-30) unless --today or SALESLEDGER_TODAY is given.
    func pinnedByLedger(_ store: SQLiteLedgerStore) throws -> CivilDate? {
        guard (today ?? environment["SALESLEDGER_TODAY"] ?? "").isEmpty else { return nil }
        return try store.ledgerSetting(LedgerSettings.pinnedTodayKey).flatMap(CivilDate.init(iso:))
    }
}

/// A user error (exit code 1) with a message for stderr.
struct UserError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Output format of lists and reports.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
