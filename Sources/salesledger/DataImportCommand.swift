import ArgumentParser
import Foundation
import LedgerCore
import LedgerInterop

extension ReceiptFormat: ExpressibleByArgument {}

/// Options of `import customers|products|receipts|opening`.
struct DataImportOptions: ParsableArguments {
    @Argument(help: "The file (CSV, semicolon or tab separated; UTF-8, UTF-8 BOM, GB18030 or UTF-16 with BOM).")
    var file: String
    @Flag(help: ArgumentHelp("Check every row and print the report (and the rejected rows as CSV), writing nothing; "
                              + "exit 1 when rows are rejected (unless --skip-invalid).")) var dryRun = false
    @Flag(help: "Update records whose code exists instead of refusing them (customers, products).") var update = false
    @Flag(help: "Amounts use a decimal comma and dot grouping: 1.234,50.") var decimalComma = false
    @Option(help: "Date order: ymd, dmy or mdy.") var dateFormat: DateParser.Format = .yearMonthDay
    @Option(help: "Currency when the file has no currency column.") var currency = "CNY"
    @Option(help: "Write the rejected rows (with their problems) to this CSV file.") var rejected: String?
}

/// Runs one import: read and check every row, then post all rows in one transaction or nothing.
enum DataImportRunner {
    static func run(_ kind: ImportKind, _ global: GlobalOptions, _ options: DataImportOptions,
                    format: ReceiptFormat = .generic, skipUnmatched: Bool = false, skipInvalid: Bool = false,
                    review: Bool = false) throws {
        ImportMemory.oneArena()
        guard let cur = Currency.parse(options.currency) else {
            throw UserError("currency: unknown currency code \(options.currency)")
        }
        var settings = ImportSettings()
        settings.decimalComma = options.decimalComma
        settings.update = options.update
        settings.dateFormat = options.dateFormat
        settings.today = try global.clock().today()
        settings.currency = cur
        settings.format = format
        settings.skipUnmatched = skipUnmatched
        settings.skipInvalid = skipInvalid
        // Progress after the first second: a bar on a terminal, plain lines per tenth otherwise.
        let progress = LoadProgress(label: options.file, quietSeconds: 1)
        let file = try DelimitedFile.read(path: options.file, headerStart: DataImport.headerStart(for: format))
        let plan = try DataImport(file: file, kind: kind, settings: settings) { read, total in
            progress.report("checking", read, total, unit: .bytes)
        }
        if review { progress.finish() }
        if review && plan.rejected.isEmpty && !plan.entries.isEmpty {
            // The proposals on the review screen; nothing is written before the user writes them there (^S).
            let name = (options.file as NSString).lastPathComponent
            try TUILauncher.run(global: global, theme: nil, prepare: { app in
                try app.openReceiptReview(plan, fileName: name, exitAfter: true)
            }, finish: { app in
                switch app.reviewResult {
                case .some(.some(let summary)):
                    print(summary)
                    return 0
                default:
                    let text = "salesledger: " + (CLIChinese.isOn ? "\(options.file)：已取消核对；未导入任何数据\n"
                                                  : "\(options.file): review cancelled; nothing imported\n")
                    FileHandle.standardError.write(Data(text.utf8))
                    return 1
                }
            })
        }
        let (_, service) = try global.openLedger()
        let result = try plan.run(service: service, dryRun: options.dryRun,
                                  dropUnmatched: skipUnmatched) { done, total in
            progress.report(options.dryRun ? "trying" : "writing", done, total, unit: .rows)
        }
        progress.finish()
        let outcome = result.outcome, rejected = result.rejected, counts = ImportCounts(plan, result)
        var report = ["\(options.file): \(counts.checked) row(s) checked, \(counts.rejected) rejected, "
                      + "\(counts.leftOut) left out (\(file.encoding.rawValue.uppercased()), separator "
                      + (file.separator == "\t" ? "tab" : "'\(file.separator)'") + ")"]
        report += plan.skipped.prefix(20).map { CLIChinese.output("  left out: \($0)") }
        report += rejected.problems(limit: 100).prefix(100).map { "  " + CLIChinese.message("\($0)") }
        report += outcome.proposals.prefix(200).map { CLIChinese.output("  proposal: \($0)") }
        var withLedger = plan
        withLedger.replaceRejected(rejected)
        let titles = CLIChinese.isOn ? ["行号", "问题"] : ["row", "problems"]
        let describe: (ImportProblem) -> String = { CLIChinese.message("\($0)") }
        if !rejected.isEmpty, let path = options.rejected {
            // Streamed from the rejected rows' temporary file: a million bad rows never sit in memory.
            let out = try StreamedOutput(path: path)
            try withLedger.writeRejectedCSV(style: nil, titles: titles, describe: describe) { out.write($0) }
            try out.commit()
            report.append("rejected rows written to \(path)")
        }
        if options.dryRun {
            print(report.joined(separator: "\n"))
            print("dry run: would import \(outcome); nothing written")
            if let created = outcome.sales?.newCustomerLine { print("  " + created) }
            if !rejected.isEmpty && options.rejected == nil {
                var inline = CSVOutput.processDefault
                inline.byteOrderMark = false
                print("\nrejected rows:")
                fflush(nil)   // the report printed above goes first
                let out = try StreamedOutput(path: nil)
                try withLedger.writeRejectedCSV(style: inline, titles: titles, describe: describe) {
                    out.write(TerminalSafeOutput.lines($0))
                }
                try out.commit()
            }
            // Like the import it tries: rejected rows without --skip-invalid would write nothing (exit 1), so a
            // script can test the file with --dry-run first (tryout s15: it exited 0).
            if !rejected.isEmpty && !plan.settings.skipInvalid { throw ExitCode(1) }
            return
        }
        if !rejected.isEmpty && !result.written {
            // Every row was checked, by the file's checks and the ledger's (s34-fix): the list is complete.
            throw UserError("nothing imported; \(rejected.count) row(s) rejected:\n" + report.joined(separator: "\n"))
        }
        print(report.joined(separator: "\n"))
        print("imported \(outcome)")
    }
}

struct ImportCustomersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers",
        abstract: "Import customers (客户档案): code, name, contact, phone, … (English or Chinese headers).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: DataImportOptions
    func run() throws { try DataImportRunner.run(.customers, global, options) }
}

struct ImportProductsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "products", abstract: "Import products: sku/商品编码, name/名称, category, unit, unit_price, tax_rate.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: DataImportOptions
    func run() throws { try DataImportRunner.run(.products, global, options) }
}

struct ImportOpeningCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opening",
        abstract: "Import opening balances: open invoices with their open amounts, and unapplied credit (kind credit).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: DataImportOptions
    func run() throws { try DataImportRunner.run(.opening, global, options) }
}

struct ImportReceiptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipts",
        abstract: "Import receipts: our CSV, a WeChat Pay or Alipay bill, or a bank statement CSV.",
        discussion: """
            Bills: preamble lines are skipped, only money in counts, refunds and closed trades are left out, a \
            交易单号 is imported once. Customers are matched by code, name or payer account; each receipt is applied \
            to the invoice named in its note, else an open invoice of exactly its amount, else oldest first. \
            On a terminal, bills (wechat, alipay, bank-csv) open a review screen where each proposal is accepted, \
            changed (customer, allocation) or skipped before anything is written; --no-review writes the proposals \
            as they are. Use --dry-run to list the proposals.
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: DataImportOptions
    @Option(help: "generic, wechat, alipay or bank-csv.") var format: ReceiptFormat = .generic
    @Flag(help: "Leave out receipts whose payer matches no customer instead of stopping.") var skipUnmatched = false
    @Flag(help: "Write the proposals without the review screen (bills on a terminal are reviewed first).")
    var noReview = false
    func run() throws {
        let review = format != .generic && !noReview && !options.dryRun && !skipUnmatched
            && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        try DataImportRunner.run(.receipts, global, options, format: format, skipUnmatched: skipUnmatched,
                                 review: review)
    }
}
