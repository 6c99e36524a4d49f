import ArgumentParser
import Foundation
import LedgerCore
import LedgerInterop

extension DateParser.Format: ExpressibleByArgument {}

/// `import sales FILE`: CSV sales (UTF-8 with or without BOM, or GB18030 from Chinese Excel) as invoices.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import data from CSV files.",
                                                    subcommands: [Sales.self])

    struct Sales: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import sales from CSV: one row = one invoice (date, number, customer, amount incl. tax, …).",
            discussion: """
                Columns are found by name (date/日期, number/invoice_no/单号, customer/客户, customer_code/客户编码, \
                name/客户名称, amount/total/金额, due_date/到期日, note/备注, currency, kind). Customers are matched by code or \
                exact name, else created. Every row is checked first; any bad row stops the import (nothing written) \
                unless --skip-invalid, which imports the good rows and lists the rest.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The CSV file.") var file: String
        @Option(help: "Date order of the file: ymd (2025-03-01, 2025/3/5), dmy (31/12/2025) or mdy (12/31/2025).")
        var dateFormat: DateParser.Format = .yearMonthDay
        @Option(help: "Currency of the amounts when the file has no currency column.") var currency = "CNY"
        @Flag(help: "Import the valid rows and report the invalid ones.") var skipInvalid = false
        @Flag(help: "Check the file and show what would be imported, writing nothing.") var dryRun = false

        func run() throws {
            guard let cur = Currency.named(currency) else { throw UserError("currency: unknown currency code \(currency)") }
            let table = try CSVTable.read(path: file)
            let plan = try SalesImport(table: table, dateFormat: dateFormat, currency: cur)
            for line in plan.skipped { FileHandle.standardError.write(Data("salesledger: \(file): \(line)\n".utf8)) }
            if !plan.issues.isEmpty && !skipInvalid {
                throw UserError("\(file): nothing imported; \(plan.issues.count) row problem(s):\n"
                                + plan.issues.map { "  \($0)" }.joined(separator: "\n"))
            }
            let (_, service) = try global.openLedger()
            if dryRun {
                let total = plan.rows.reduce(into: [String: Int64]()) { $0[$1.amount.currency.code] = CheckedSum.saturating($0[$1.amount.currency.code] ?? 0, $1.isCreditNote ? -$1.amount.minorUnits : $1.amount.minorUnits) }
                print("dry run: \(plan.rows.count) row(s) would be imported; totals: "
                      + total.map { "\(Money.format($0.value, digits: Currency.named($0.key)?.minorDigits ?? 2, grouping: true)) \($0.key)" }.joined(separator: ", "))
            } else {
                let outcome = try service.runBatch { try plan.post(into: $0) }
                print(outcome)
            }
            if !plan.issues.isEmpty {
                FileHandle.standardError.write(Data(("salesledger: \(file): \(plan.issues.count) row(s) not imported:\n"
                                                     + plan.issues.map { "  \($0)" }.joined(separator: "\n") + "\n").utf8))
            }
        }
    }
}
