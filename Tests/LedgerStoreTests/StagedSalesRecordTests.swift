import Foundation
import LedgerCore
import LedgerInterop
import Testing

/// s31-import: a sales row is checked once; the staging keeps the checked record (in memory and in its temporary
/// file) and the write phase posts it as it was checked, every field intact.
@Suite struct StagedSalesRecordTests {
    @Test func stagedRecordsComeBackWithEveryFieldAsChecked() throws {
        let rows = ImportStaging.bufferCapacity + 10
        var text = "date,number,customer_code,customer_name,amount,due_date,note,currency,kind\n"
        for i in 1...rows {
            let jpy = i % 3 == 0, credit = i % 5 == 0
            let amount = (credit ? "-" : "") + (jpy ? "\(i)000000000" : "\(i).07")
            text += "2025-05-\(i % 28 + 1),X\(i),\(i % 2 == 0 ? "C\(i % 7)" : ""),名称 \(i % 5),\(amount),"
                + "\(i % 4 == 0 ? "2025-07-01" : ""),注 \(i),\(jpy ? "JPY" : ""),\(credit ? "credit_note" : "")\n"
        }
        let plan = try DataImport(file: try DelimitedFile.parse(data: Data(text.utf8), source: "s.csv"), kind: .sales,
                                  settings: ImportSettings())
        #expect(plan.rejected.isEmpty && plan.staging.count == rows, "\(plan.problems.prefix(3))")
        #expect(plan.staging.spilledRows == ImportStaging.bufferCapacity)
        var seen = 0
        try plan.forEachEntryChunk { chunk in
            for entry in chunk {
                seen += 1
                let i = seen, jpy = i % 3 == 0, credit = i % 5 == 0
                guard case .sale(let sale) = entry.record else { Issue.record("row \(i): not a sale"); return }
                let minor: Int64 = jpy ? Int64(i) * 1_000_000_000 : Int64(i) * 100 + 7
                let ok = entry.row == i + 1 && sale.line == i + 1
                    && sale.date == CivilDate(year: 2025, month: 5, day: i % 28 + 1) && sale.number == "X\(i)"
                    && sale.customerCode == (i % 2 == 0 ? "C\(i % 7)" : nil) && sale.customerName == "名称 \(i % 5)"
                    && sale.amount == Money(minorUnits: minor, currency: jpy ? .jpy : .cny)
                    && sale.dueDate == (i % 4 == 0 ? CivilDate(year: 2025, month: 7, day: 1) : nil)
                    && sale.note == "注 \(i)" && sale.isCreditNote == credit && entry.cells.count == 9
                    && entry.cells[1] == "X\(i)"
                if !ok {
                    Issue.record("row \(entry.row): \(sale)")
                    return
                }
            }
        }
        #expect(seen == rows)
    }
}
