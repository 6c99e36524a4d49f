import Foundation
import LedgerCore
@testable import LedgerInterop
import LedgerStore
import Testing

/// s33-fix (tryout): a refusal of the ledger on import named the command's field (`lines[1].unitPrice`) instead of
/// the file's row and column; every refusal names the column header as the file writes it, or no column.
@Suite struct RefusalColumnTests {
    func plan(_ kind: ImportKind, _ text: String) throws -> DataImport {
        try DataImport(file: try DelimitedFile.parse(data: Data(text.utf8), source: "f.csv"), kind: kind,
                       settings: ImportSettings())
    }

    @Test func aCurrencyMismatchNamesTheAmountColumn() throws {
        let l = try TestLedger(today: "2026-06-30")
        try l.customer("C1", "甲")
        let opening = try plan(.opening, "客户编码,日期,金额,币种\nC1,2026-01-05,100.00,USD\n")
            .run(service: l.service, dryRun: true)
        #expect(opening.rejected.problems().map(\.description)
                == ["row 2, column 金额: is in USD but the document is in CNY"])
        let sales = try plan(.sales, "日期,客户编码,价税合计,币种\n2026-01-05,C1,100.00,USD\n")
            .run(service: l.service, dryRun: true)
        #expect(sales.rejected.problems().map(\.description)
                == ["row 2, column 价税合计: is in USD but the document is in CNY"])
    }

    @Test func noCommandPathIsEverShownAsAColumn() throws {
        let opening = try plan(.opening, "customer_code,date,due,amount,number\nC1,2026-01-05,,1,N1\n")
        let sales = try plan(.sales, "日期,单号,客户,价税合计,税率,备注\n2026-01-05,S1,甲,1,13,x\n")
        let receipts = try plan(.receipts, "date,customer_code,amount,invoice\n2026-01-05,C1,1,INV-1\n")
        func columns(_ p: DataImport, _ paths: [String]) -> [String] {
            paths.map { p.problems(.validation([FieldIssue($0, "m")]), 2)[0].column }
        }
        let paths = ["lines[1].unitPrice", "lines[1].amount", "lines[2].taxRate", "lines[1].description", "lines",
                     "dueDate", "customer", "number", "salesperson", "region"]
        #expect(columns(opening, paths) == ["amount", "amount", "amount", "number", "amount", "due", "customer_code",
                                            "number", "", ""])
        #expect(columns(sales, paths) == ["价税合计", "价税合计", "税率", "单号", "价税合计", "", "客户", "单号", "", ""])
        #expect(columns(sales, ["单号", SalePosting.namePath]) == ["单号", "客户"])
        #expect(columns(receipts, ["amount", "allocations[1].invoice", "allocations[2].amount", "allocations",
                                   "customer", "reference"]) == ["amount", "invoice", "amount", "amount",
                                                                  "customer_code", ""])
    }
}
