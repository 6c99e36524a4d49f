import ArgumentParser
import Foundation
import LedgerCore
import LedgerInterop
import LedgerReports
import LedgerStore

/// Entry point: runs the command and maps failures to exit codes — 0 ok, 1 validation or user error
/// (message on stderr naming the field or row), 2 usage.
@main
enum Main {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        CLISetup.install(arguments: arguments)
        do {
            var command = try Salesledger.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch let error as LedgerError {
            fail(error.description, code: 1)
        } catch let error as UserError {
            fail(error.description, code: 1)
        } catch let error as InteropError {
            fail(error.description, code: 1)
        } catch {
            let code = Salesledger.exitCode(for: error)
            if code == .success {
                print(Salesledger.fullMessage(for: error))
                exit(0)
            }
            if error is ExitCode { exit(code.rawValue) }
            fail(Salesledger.fullMessage(for: error), code: 2)
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        let text = "salesledger: " + CLIChinese.message(TerminalSafeOutput.lines(message)) + "\n"
        FileHandle.standardError.write(Data(text.utf8))
        exit(code)
    }
}

struct Salesledger: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "salesledger",
        abstract: "A terminal sales ledger: invoices, receipts, receivables, reports.",
        discussion: "Without a subcommand, opens the terminal UI on the ledger.",
        version: "0.1.0",
        subcommands: [InitCommand.self, SummaryCommand.self, SampleCommand.self, CustomerCommand.self,
                      ProductCommand.self, SalespersonCommand.self, InvoiceCommand.self,
                      ReceiptCommand.self, CreditNoteCommand.self, ReportCommand.self, StatementCommand.self,
                      RemindersCommand.self, ReminderRulesCommand.self, ContactCommand.self, RateCommand.self,
                      ClassCommand.self,
                      ImportCommand.self, ExportCommand.self, UserCommand.self, PolicyCommand.self, BackupCommand.self,
                      RestoreCommand.self, AuditCommand.self, FapiaoCommand.self,
                      CommissionCommand.self, ConfirmationCommand.self, TrainCommand.self, SetupCommand.self])

    @OptionGroup var global: GlobalOptions
    @Option(help: "Colour theme: default, dark, light, high-contrast, mono (NO_COLOR picks mono).") var theme: String?

    func run() throws {
        try TUILauncher.run(global: global, theme: theme)
    }
}

enum SummaryText {
    /// The counts, then per currency the sales with tax, net sales and output VAT (`totals`: the sales report's
    /// TOTAL rows, `Reports.salesTotals`; s33-fix: the summary had no net or VAT figure).
    static func render(_ s: LedgerSummary, totals: [SalesTotal] = []) -> String {
        var lines = [
            "customers: \(s.customers)", "products: \(s.products)", "salespeople: \(s.salespeople)",
            "invoices: \(s.invoices) (\(s.invoiceLines) lines)", "credit notes: \(s.creditNotes)",
            "receipts: \(s.receipts)",
        ]
        for (code, minor) in s.salesByCurrency.sorted(by: { $0.key < $1.key }) {
            let digits = Currency.named(code)?.minorDigits ?? 2
            lines.append("sales \(code): \(Money.format(minor, digits: digits, grouping: true))")
            guard let total = totals.first(where: { $0.currency.code == code }) else { continue }
            func shown(_ minor: Int64?) -> String {
                minor.map { Money.format($0, digits: digits, grouping: true) } ?? "too large to sum"
            }
            lines.append("net sales \(code): \(shown(total.net))")
            lines.append("output VAT \(code): \(shown(total.tax))")
        }
        if let first = s.firstDate, let last = s.lastDate { lines.append("dates: \(first) … \(last)") }
        return lines.joined(separator: "\n")
    }
}

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "summary",
                                                    abstract: "Print the ledger's counts and totals.")
    @OptionGroup var global: GlobalOptions
    func run() throws {
        let (store, _) = try global.openExistingLedger()
        print("ledger: \(global.databasePath)")
        print(SummaryText.render(try store.summary(), totals: try Reports(store: store).salesTotals()))
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init",
                                                    abstract: "Create the ledger file (mode 0600) if missing.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Tighten the ledger's files to 0600 and folders to 0700 (admin).") var fixPermissions = false
    func run() throws {
        let (_, service) = try global.openLedger(warnPermissions: !fixPermissions)
        if fixPermissions { try InitCommand.fix(global: global, service: service) }
        print("ledger ready: \(global.databasePath)")
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Audit log checks.",
                                                    subcommands: [Verify.self, AuditKeygenCommand.self]
                                                        + AuditCommand.periodicAudit)
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the audit chain, every covered record (documents, lines, receipts, allocations, users) "
                + "and the anchored head; print the head to keep.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "A head you kept (COUNT:HASH, as printed before) to compare with.") var head: String?
        func run() throws {
            let (store, _) = try global.openExistingLedger()
            let integrity = try store.integrityCheck()
            guard integrity == "ok" else { throw UserError("integrity check: \(Self.summary(integrity))") }
            var anchor: AuditHead?
            if let head {
                let parts = head.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2,
                let count = Int(parts[0]) else { throw UserError("--head: expected COUNT:HASH") }
                anchor = AuditHead(count: count, hash: parts[1])
            }
            let result = try store.auditVerification(anchor: anchor)
            print("head: \(result.entries):\(result.headHash)")
            if let anchored = result.anchoredHead { print("anchored: \(anchored.count):\(anchored.hash)") }
            guard result.isIntact else {
                for problem in result.problems.dropFirst() {
                    FileHandle.standardError.write(Data("  also: \(problem)\n".utf8))
                }
                throw UserError("audit verify: \(result.problems[0])")
            }
            print("ok: \(result.entries) audit entries, chain intact (\(result.keyedEntries) keyed);"
                  + " \(result.coveredRecords) records match their seals; integrity ok")
        }

        /// SQLite's integrity report of a damaged file in a few lines: the first `shown` problems, how many more,
        /// and what to do (tryout s34: hundreds of `On tree page …` lines).
        static func summary(_ report: String, shown: Int = 3) -> String {
            let lines = report.split(separator: "\n").map(String.init)
            guard lines.count > shown else { return report }
            return (lines.prefix(shown) + ["… and \(lines.count - shown) more problems; the ledger file is damaged: "
                                           + "restore a backup with salesledger restore FILE --yes"])
                .joined(separator: "\n")
        }
    }
}
