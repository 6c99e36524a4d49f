import ArgumentParser
import Foundation
import LedgerCore
import LedgerInterop
import SalesLedgerApp

extension VoucherTarget: ExpressibleByArgument {}
extension AccountMap.Standard: ExpressibleByArgument {}
extension VoucherOptions.Grouping: ExpressibleByArgument {}
extension VoucherOptions.CreditNoteStyle: ExpressibleByArgument {}
extension VoucherOptions.Words: ExpressibleByArgument {}
extension CustomerExport.Target: ExpressibleByArgument {}

/// `export vouchers`: accounting vouchers (凭证) of a period for 金蝶/用友, checked before anything is written.
struct VoucherExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vouchers",
        abstract: "Vouchers (凭证) for 金蝶 KIS/K3 or 用友 U8: invoices, credit notes, receipts, write-offs.",
        discussion: """
            Accounts come from the CAS or SBAS preset, overridden by --map FILE (TOML). Every voucher must balance, \
            every line must have an account and every receivable line a customer code; otherwise nothing is written. \
            --template FILE writes the columns of a template exported from your own 账套 (its header row decides).
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "From date (inclusive).") var from: String
    @Option(help: "To date (inclusive).") var to: String
    @Option(help: "kis-excel, kingdee-std, u8-text or generic.") var target: VoucherTarget = .generic
    @Option(help: "Account preset: cas (企业会计准则) or sbas (小企业会计准则).") var standard: AccountMap.Standard = .cas
    @Option(help: "Account map TOML file (overrides the preset).") var map: String?
    @Option(help: "document (one voucher per document) or day (a daily summary voucher per kind).")
    var group: VoucherOptions.Grouping = .document
    @Option(help: "Credit notes: red (负数, same sides) or swap (positive, opposite sides).")
    var creditNotes: VoucherOptions.CreditNoteStyle = .red
    @Option(help: "凭证字: single (记) or split (收 for receipts, 转 otherwise).") var words: VoucherOptions.Words = .single
    @Option(help: "First 凭证号 of the first period.") var start = 1
    @Option(help: "Template file exported from your 账套: its header row gives the columns.") var template: String?
    @Option(help: "Write to this file (default: standard output); .xlsx writes an Excel sheet (kis-excel).")
    var output: String?
    @Flag(help: "Check and summarise, writing nothing.") var dryRun = false

    func run() throws {
        let (store, service) = try global.openLedger()
        var issues = IssueCollector()
        let today = service.clock.today()
        let fromDate = parseDate(from, "from", today, &issues), toDate = parseDate(to, "to", today, &issues)
        if let fromDate, let toDate, fromDate > toDate { issues.add("to", "is before --from") }
        if start < 1 { issues.add("start", "must be 1 or more") }
        let xlsx = output?.lowercased().hasSuffix(".xlsx") ?? false
        if xlsx && (target != .kisExcel || template != nil) {
            issues.add("output", ".xlsx is written for --target kis-excel only; use .csv or .txt")
        }
        try issues.throwIfAny()
        guard let fromDate, let toDate else { return }
        var accountMap = AccountMap.preset(standard)
        if let map {
            guard let data = FileManager.default.contents(atPath: map) else {
                throw UserError("map: cannot read \(map)")
            }
            accountMap = try AccountMap.parse(String(decoding: data, as: UTF8.self), file: map, standard: standard)
        }
        var options = VoucherOptions(map: accountMap)
        options.grouping = group
        options.creditNotes = creditNotes
        options.words = words
        options.start = start
        let writer = VoucherWriter(map: accountMap, preparer: service.actor)
        var layout: VoucherTemplate?
        if let template {
            guard let bytes = FileManager.default.contents(atPath: template) else {
                throw UserError("template: cannot read \(template)")
            }
            layout = try VoucherTemplate.read(data: bytes, source: template)
        }
        // Day by day, twice, in one snapshot: first every voucher is built and checked (nothing is written unless all
        // pass), then built again and written as it goes; memory holds one day's vouchers (issue 15).
        let currencies = try store.voucherCurrencies(from: fromDate, to: toDate)
        options.rates = VoucherBuilder.conversionRates(currencies: currencies, try store.exchangeRates())
        let days = toDate.daysSinceEpoch - fromDate.daysSinceEpoch + 1
        let progress = LoadProgress(label: "export vouchers", quietSeconds: 1)
        defer { progress.finish() }
        func eachDay(_ phase: String, _ body: ([Voucher]) throws -> Void) throws {
            var numbering = VoucherBuilder.Numbering()
            for i in 0..<days {
                let day = fromDate.adding(days: i)
                try body(try VoucherBuilder.build(try store.voucherSource(from: day, to: day), options: options,
                                                  numbering: &numbering))
                // Days are what is counted (tryout s30: "写入 19/31" did not say 19 of what).
                progress.report(phase, i + 1, days, unit: .days)
            }
        }
        try store.readSnapshot {
            var problems: [VoucherBuilder.Problem] = [], problemCount = 0, count = 0, lines = 0
            try eachDay("checking") { vouchers in
                let found = VoucherBuilder.check(vouchers, map: accountMap)
                problemCount += found.count
                problems += found.prefix(max(0, 50 - problems.count))
                count += vouchers.count
                lines += vouchers.reduce(0) { $0 + $1.lines.count }
            }
            if problemCount > 0 {
                throw UserError("nothing written; \(problemCount) voucher problem(s):\n"
                                + problems.map { "  \($0)" }.joined(separator: "\n"))
            }
            let summary = "\(count) voucher(s), \(lines) line(s), \(fromDate) … \(toDate); all balanced"
            if let layout, !layout.unknown.isEmpty {
                let empty = "template columns left empty: \(layout.unknown.joined(separator: ", "))"
                let text = "salesledger: " + CLIChinese.message(empty) + "\n"
                FileHandle.standardError.write(Data(text.utf8))
            }
            if dryRun {
                print("dry run: \(summary); nothing written")
                return
            }
            let out = try StreamedOutput(path: output)
            var all: [Voucher] = []   // .xlsx only: the workbook is written whole
            var header = true
            func write(_ vouchers: [Voucher]) {
                if let layout {
                    out.write(layout.render(vouchers, writer: writer, dotted: accountMap.dotted ?? target.dotted,
                                            header: header))
                } else {
                    out.write(writer.render(vouchers, target: target, header: header))
                }
                header = false
            }
            try eachDay("writing") { vouchers in
                if xlsx { all += vouchers } else if !vouchers.isEmpty || header { write(vouchers) }
                try out.check()
            }
            if xlsx { out.write(writer.kisWorkbook(all)) }
            try out.commit()
            if let output {
                let line = "salesledger: " + CLIChinese.output("wrote \(summary) to \(output)") + "\n"
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
    }
}

/// `export customers`: the customer master (客户档案) for 金蝶 KIS, 用友 U8 or our own columns.
struct CustomerExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers", abstract: "The customer master (客户档案) for 金蝶 KIS, 用友 U8 or generic CSV.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "kis, u8 or generic (generic imports back with `import customers`).")
    var target: CustomerExport.Target = .generic
    @Option(help: "Write to this file (default: standard output).") var output: String?

    func run() throws {
        let (store, _) = try global.openLedger()
        let progress = LoadProgress(label: "export customers", quietSeconds: 1)
        let (customers, tax) = try store.customerMaster { progress.report("customers", $0, $1) }
        progress.finish()
        let data = CustomerExport.render(customers, target: target, tax: tax)
        if let output {
            do { try data.write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                throw UserError("output: cannot write \(output): \(error.localizedDescription)")
            }
            FileHandle.standardError.write(
                Data("salesledger: wrote \(customers.count) customer(s) to \(output)\n".utf8))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
