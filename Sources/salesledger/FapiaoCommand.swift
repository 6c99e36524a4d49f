import ArgumentParser
import LedgerCore
import LedgerReports
import SalesLedgerApp

/// `fapiao add|red|void|list|sales|skip`: the fapiao (发票) records of sales, through the command layer.
struct FapiaoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fapiao", abstract: "Fapiao (发票): record, reverse (红字), void, list; per-sale status.",
        subcommands: [Add.self, Red.self, Void.self, List.self, Sales.self, Skip.self])

    /// Type, code and number of a fapiao.
    struct KeyOptions: ParsableArguments {
        @Option(help: "special (专票), ordinary (普票), digital-special (数电专), digital-ordinary (数电普).")
        var type: String
        @Option(help: "发票代码: 10 or 12 digits (paper only).") var code = ""
        @Option(help: "发票号码: 8 digits (paper) or 20 (数电).") var number: String

        /// The fields of the key by their options, for errors (`--code: is required for a paper special fapiao`).
        static let optionNames = ["type": "--type", "code": "--code", "number": "--number"]

        func key(_ issues: inout IssueCollector, field: String = "type") -> FapiaoKey {
            let parsed = FapiaoType.named(type)
            if parsed == nil { issues.add(field,
                                          "'\(type)' is not a fapiao type (special, ordinary, digital-special, "
                                          + "digital-ordinary)") }
            return FapiaoKey(type: parsed ?? .special, code: code, number: number)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a fapiao covering parts of one customer's "
                                                                  + "sales.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var key: KeyOptions
        @Option(help: "Fapiao date (default today).") var date: String?
        @Option(name: .customLong("sale"),
                help: "A sale and optionally the tax-inclusive amount: INV-2026-000001[=500.00]; repeatable.")
        var sales: [String] = []
        @Option var note = ""

        func run() throws {
            let (store, service) = try global.openLedger()
            let today = service.clock.today()
            let fapiao = try TradeCLI.run(chinese: global.isChinese, options: KeyOptions.optionNames) {
                var issues = IssueCollector()
                let k = key.key(&issues)
                let day = parseDate(date, "date", today, &issues) ?? today
                var parts: [FapiaoPartInput] = []
                for (i, text) in sales.enumerated() {
                    let pieces = text.split(separator: "=", maxSplits: 1).map(String.init)
                    var amount: Money?
                    if pieces.count == 2 {
                        let currency = try store.invoiceDocument(number: pieces[0])?.currency ?? .cny
                        do { amount = try MoneyParser.parse(pieces[1], currency: currency) } catch {
                            issues.add("sales[\(i + 1)]", String(describing: error))
                        }
                    }
                    parts.append(FapiaoPartInput(saleNumber: pieces.first ?? "", amount: amount))
                }
                try issues.throwIfAny()
                return try service.run(RecordFapiao(key: k, date: day, parts: parts, note: note))
            }
            let money = { (m: Int64) in Money.format(m, digits: fapiao.currency.minorDigits, grouping: false) }
            print("\(fapiao.label): \(money(fapiao.total)) (\(global.isChinese ? "税额" : "tax") \(money(fapiao.tax))) — "
                  + fapiao.parts.map { "\($0.documentNumber) \(money($0.total))" }.joined(separator: ", "))
        }
    }

    struct Red: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a red fapiao (红字发票) for a credit "
                                                                  + "note.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var key: KeyOptions
        @Option(help: "The reversed fapiao: CODE-NUMBER on paper, the number for 数电.") var original: String
        @Option(help: "The credit note (红字冲销单), e.g. CN-2026-000001.") var creditNote: String
        @Option(help: "红字确认单 number (required for 数电).") var confirmation = ""
        @Option(parsing: .unconditional, help: "Tax-inclusive amount (default: the credit note's total).")
        var amount: String?
        @Option(help: "Date (default today).") var date: String?

        func run() throws {
            let (_, service) = try global.openLedger()
            let today = service.clock.today()
            let red = try TradeCLI.run(chinese: global.isChinese, options: KeyOptions.optionNames) {
                var issues = IssueCollector()
                let k = key.key(&issues)
                let pieces = original.split(separator: "-", maxSplits: 1).map(String.init)
                let originalKey = pieces.count == 2 ? FapiaoKey(type: k.type, code: pieces[0], number: pieces[1])
                                                    : FapiaoKey(type: k.type, number: original)
                let day = parseDate(date, "date", today, &issues) ?? today
                var money: Money?
                if let amount {
                    do { money = try MoneyParser.parse(amount, currency: .cny) } catch {
                        issues.add("amount", String(describing: error))
                    }
                }
                try issues.throwIfAny()
                return try service.run(RecordRedFapiao(key: k, original: originalKey, creditNoteNumber: creditNote,
                                                       date: day, confirmation: confirmation, amount: money))
            }
            let money = { (m: Int64) in Money.format(m, digits: red.currency.minorDigits, grouping: false) }
            print("\(global.isChinese ? "红字" : "red") \(red.label): -\(money(red.total)) "
                  + "(\(global.isChinese ? "税额" : "tax") -\(money(red.tax)))")
        }
    }

    struct Void: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Void (作废) a recorded fapiao (manager).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var key: KeyOptions
        @Option(help: "Why.") var reason: String

        func run() throws {
            let (_, service) = try global.openLedger()
            let voided = try TradeCLI.run(chinese: global.isChinese) {
                var issues = IssueCollector()
                let k = key.key(&issues)
                try issues.throwIfAny()
                return try service.run(VoidFapiao(key: k, reason: reason))
            }
            print("\(voided.label) \(global.isChinese ? "已作废" : "void")")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List recorded fapiao (red ones negative).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Customer code.") var customer: String?
        @Option(help: "From date (inclusive).") var from: String?
        @Option(help: "To date (inclusive).") var to: String?
        @Option(help: "table, csv or json") var format: OutputFormat = .table

        func run() throws {
            let (store, service) = try global.openLedger()
            var issues = IssueCollector()
            let from = parseDate(self.from, "from", service.clock.today(), &issues)
            let to = parseDate(self.to, "to", service.clock.today(), &issues)
            try issues.throwIfAny()
            let list = try store.fapiaoList(customerCode: customer, from: from, to: to)
            func amount(_ f: Fapiao, _ m: Int64) -> ReportCell { .amount(f.isRed ? -m : m, f.currency) }
            let zh = global.isChinese, words = global.words(format)
            let rows = list.map { f in
                [.date(f.date), .text(words?.fapiaoTypeName(f.type) ?? f.type.rawValue), .text(f.code), .text(f.number),
                 .text(f.isRed ? (zh ? "红字" : "red") : ""), .text(f.currency.code), amount(f, f.net),
                 amount(f, f.tax),
                 amount(f, f.total), .text(f.parts.map(\.documentNumber).joined(separator: " ")),
                 .text(f.redConfirmation), .text(f.isVoid ? (zh ? "作废" : "void") : "")]
            }
            printReport(listTable("fapiao", [("date", .date), ("type", .text), ("code", .text), ("number", .text),
                                             ("red", .text), ("currency", .text), ("net", .money), ("tax", .money),
                                             ("total", .money), ("sales", .text), ("red_confirmation", .text),
                                             ("void", .text)], rows), format)
        }
    }

    struct Sales: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Each sale's fapiao status (未开票/部分开票/已开票/红冲/不开票/已红冲) with invoiced and "
                      + "left amounts.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Customer code.") var customer: String?
        @Option(help: "As-of date (default today).") var asOf: String?
        @Option(help: "Only this status: not_invoiced, partly_invoiced, invoiced, reversed, no_fapiao, credited.")
        var status: String?
        @Option(help: "table, csv or json") var format: OutputFormat = .table

        func run() throws {
            let (store, service) = try global.openLedger()
            var issues = IssueCollector()
            let date = parseDate(asOf, "asOf", service.clock.today(), &issues) ?? service.clock.today()
            let wanted = status.flatMap(FapiaoStatus.init(rawValue:))
            if status != nil && wanted == nil { issues.add("status", "'\(status ?? "")' is not a fapiao status") }
            try issues.throwIfAny()
            let words = global.words(format)
            let rows = try store.saleFapiaoPositions(asOf: date, customerCode: customer)
                .filter { wanted == nil || $0.status == wanted }
                .map { p -> [ReportCell] in
                    [.text(p.number), .date(p.date), .text(p.customerCode), .text(p.customerName),
                     .text(p.currency.code),
                     .amount(p.netTotal, p.currency), .amount(p.invoicedTotal, p.currency),
                     .amount(p.leftToInvoice, p.currency),
                     .text(words?.fapiaoStatusName(p.status) ?? p.status.rawValue)]
                }
            printReport(listTable("fapiao-sales",
                                  [("sale", .text), ("date", .date), ("customer", .text), ("name", .text),
                                                   ("currency", .text), ("gross_total", .money), ("invoiced", .money),
                                                   ("left", .money), ("status", .text)], rows), format)
        }
    }

    struct Skip: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a sale 不开票 (no fapiao), or undo with "
                                                                  + "--undo.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Sale number.") var sale: String
        @Option(help: "Why.") var reason = ""
        @Flag(help: "Clear 不开票.") var undo = false

        func run() throws {
            let (_, service) = try global.openLedger()
            let status = try TradeCLI.run(chinese: global.isChinese) {
                try service.run(SetSaleNoFapiao(saleNumber: sale, noFapiao: !undo, reason: reason))
            }
            print("\(sale): \(global.isChinese ? status.chinese : status.english)")
        }
    }
}
