import ArgumentParser
import Foundation
import LedgerCore
import LedgerInterop

extension DateParser.Format: ExpressibleByArgument {}

/// `import sales FILE` and the master-data imports, all on one engine (`DataImport`, `DataImportRunner`).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import data from CSV files.",
                                                    subcommands: [Sales.self, ImportCustomersCommand.self,
                                                                  ImportProductsCommand.self,
                                                                  ImportReceiptsCommand.self,
                                                                  ImportOpeningCommand.self])

    struct Sales: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import sales from CSV: one row = one invoice (date, number, customer, amount incl. tax, …).",
            discussion: """
                Columns are found by name (date/日期, number/invoice_no/单号, customer/客户, customer_code/客户编码, \
                name/客户名称, amount/total/金额/价税合计, tax_rate/税率, due_date/到期日, note/备注, currency, kind). \
                The amount includes VAT: it is split into net and tax (价税分离: net = amount ÷ (1 + rate), rounded; \
                tax = amount − net) at the row's tax_rate (13, 13% or 0.13), else at the ledger's default rate \
                (salesledger setup --default-tax-rate 13; 0% when none; the summary says how many rows took it). \
                Customers are matched by code, or by exact name when one customer has it (a name two customers share \
                needs the code), else created. Two columns that give one field (税率 and vat_rate) are refused. \
                The file is streamed and every row checked first (UTF-8, UTF-8 BOM, GB18030 \
                or UTF-16 BOM; comma, semicolon or tab); any bad row stops the import (nothing written) unless \
                --skip-invalid, which imports the good rows and lists the rest. The same file, or a number already in \
                the ledger, is refused; identical rows without a number are separate sales and are all imported.
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: DataImportOptions
        @Flag(help: "Import the valid rows and report the invalid ones.") var skipInvalid = false

        func run() throws { try DataImportRunner.run(.sales, global, options, skipInvalid: skipInvalid) }
    }
}
