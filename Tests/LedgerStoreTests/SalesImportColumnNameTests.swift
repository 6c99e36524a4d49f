import Foundation
import Testing
import LedgerCore
import LedgerInterop
import LedgerStore

/// Tryout s31: a sales row refused by the command layer named its column by the command's field
/// (`第2行「dueDate」列`), not the file's header (到期日); the customer's name likewise (s30: `column name` for 客户).
@Suite struct SalesImportColumnNameTests {
    func problems(_ text: String) throws -> [String] {
        let l = try TestLedger(today: "2026-06-30")
        let file = try DelimitedFile.parse(data: Data(text.utf8), source: "s.csv")
        let plan = try DataImport(file: file, kind: .sales, settings: ImportSettings())
        return try plan.run(service: l.service, dryRun: false).rejected.flatMap(\.problems).map(\.description)
    }

    @Test func aRefusedRowNamesTheFilesOwnColumn() throws {
        let zh = try problems("日期,单号,客户,金额,到期日\n2026-06-10,IMPX-1,新客户甲,100.00,2026-06-01\n")
        #expect(zh == ["row 2, column 到期日: due date 2026-06-01 is before the invoice date 2026-06-10"])
        let en = try problems("date,number,customer,amount,due\n2026-06-10,IMPX-1,Acme,100.00,2026-06-01\n")
        #expect(en == ["row 2, column due: due date 2026-06-01 is before the invoice date 2026-06-10"])
    }
}
