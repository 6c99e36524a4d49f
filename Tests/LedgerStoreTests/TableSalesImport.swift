import Foundation
import LedgerCore
@testable import LedgerInterop

/// A whole CSV table read, checked and posted as `import sales` did before the streamed engine (`DataImport`): the
/// tests of the sales columns, the row check and `SalePosting` use it on small files. Kept in the tests only.
struct TableSalesImport {
    typealias Row = SalesImport.Row
    var rows: [Row] = []
    /// Problems by row and column (`row 7, column date: …`); rows with problems are not in `rows`.
    var issues: [FieldIssue] = []
    /// Rows skipped on purpose (void documents), with the reason.
    var skipped: [String] = []
    let source: String

    /// Reads and checks `table`. - Throws: `InteropError` when a required column is missing.
    init(table: CSVTable, dateFormat: DateParser.Format, currency: Currency) throws {
        source = table.source
        let columns = try SalesImport.Columns(header: table.header, source: table.source)
        var seenNumbers: [String: Int] = [:]
        for r in table.records.indices {
            let line = table.rowNumber(r)
            let check = SalesImport.check(line: line, columns: columns, dateFormat: dateFormat, currency: currency,
                                   cell: { c in c.map { table.value(r, $0).trimmingCharacters(in: .whitespaces) } ?? "" },
                                   amount: { text, cur in try MoneyParser.parse(text, currency: cur) },
                                   firstRow: { number in
                                       if let first = seenNumbers[number] { return first }
                                       seenNumbers[number] = line
                                       return nil
                                   })
            switch check {
            case .row(let row): rows.append(row)
            case .void: skipped.append("row \(line): void document not imported")
            case .problems(let found): issues += found.map { FieldIssue("row \(line), column \($0.column)", $0.message) }
            }
        }
    }


    /// Posts the rows through the command layer inside `runner`'s transaction. Customers are found by code, else
    /// by exact name, else created (code `IMP-0001` …, in `currency`). - Throws: `LedgerError` (a number already
    /// in the ledger names its row; nothing is kept).
    func post(into runner: LedgerService.BatchRunner) throws -> SalesImport.Outcome {
        var issues = IssueCollector()
        for row in rows where !row.number.isEmpty {
            if try runner.documentExists(externalReference: row.number) {
                issues.add("row \(row.line)", "\(row.number) is already in the ledger (imported before?)")
            }
        }
        try issues.throwIfAny()
        var posting = SalePosting()
        for row in rows { try posting.post(row, runner) }
        try posting.finish(runner)
        return posting.outcome
    }
}
