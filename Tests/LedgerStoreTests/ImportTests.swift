import Foundation
import Testing
import LedgerCore
import LedgerInterop
import LedgerStore

/// CSV import: shared/cases/B02 (BOM + CRLF), B03 (GB18030 from Chinese Excel), B05 (declared day-first dates).
@Suite struct ImportTests {
    func fixture(_ name: String) throws -> CSVTable {
        let path = try #require(Bundle.module.path(forResource: name, ofType: "csv", inDirectory: "Fixtures"))
        return try CSVTable.read(path: path)
    }

    func importTable(_ table: CSVTable, _ format: DateParser.Format = .yearMonthDay, into ledger: TestLedger) throws -> SalesImport.Outcome {
        let plan = try TableSalesImport(table: table, dateFormat: format, currency: .cny)
        #expect(plan.issues.isEmpty, "\(plan.issues)")
        return try ledger.service.runBatch { try plan.post(into: $0) }
    }

    @Test func b02BomAndCrlfAreNotData() throws {
        let ledger = try TestLedger()
        let table = try fixture("B02_sales_bom_crlf")
        #expect(table.header == ["date", "invoice_no", "customer", "amount"])
        let outcome = try importTable(table, into: ledger)
        #expect(outcome.invoices == 3 && outcome.totals["CNY"] == 223_450)
        let invoices = try ledger.store.invoices(filter: InvoiceFilter(), page: .all)
        #expect(invoices.map(\.date.description) == ["2025-03-01", "2025-03-02", "2025-03-03"])
        #expect(invoices.last?.total == cny("154.00"))
        for (table, column) in [("customer", "name"), ("document", "external_ref"), ("document_line", "description")] {
            #expect(try ledger.store.scalar("SELECT COUNT(*) FROM \(table) WHERE instr(\(column), char(13)) > 0 OR instr(\(column), char(65279)) > 0") == "0")
        }
    }

    /// The ledger's own CSV export imports into an empty ledger with the same invoices and total.
    @Test func b02RoundTripThroughOurOwnExport() throws {
        let first = try TestLedger()
        _ = try importTable(try fixture("B02_sales_bom_crlf"), into: first)
        let rows = try first.store.invoices(filter: InvoiceFilter(), page: .all)
        let csv = CSVOutput.render(header: ["number", "kind", "status", "date", "due_date", "customer", "name", "currency", "total", "open"],
                                   rows: rows.map { [$0.number, $0.kind.rawValue, $0.status.rawValue, $0.date.description, $0.dueDate.description,
                                                     $0.customerCode, $0.customerName, $0.total.currency.code, $0.total.plainString, "0"] })
        let table = try CSVTable.parse(data: Data(csv.utf8), source: "export.csv")  // starts with the BOM
        let second = try TestLedger()
        let outcome = try importTable(table, into: second)
        #expect(outcome.invoices == 3 && outcome.totals["CNY"] == 223_450)
        #expect(try second.store.invoices(filter: InvoiceFilter(), page: .all).map(\.customerName) == rows.map(\.customerName))
        // Importing the same file again is refused: the numbers are already in the ledger.
        #expect(throws: LedgerError.self) { _ = try importTable(table, into: second) }
        #expect(try second.store.summary().invoices == 3)
    }

    @Test func b03Gb18030NamesAreStoredExactly() throws {
        let ledger = try TestLedger()
        let table = try fixture("B03_sales_gb18030")
        #expect(table.header == ["日期", "单号", "客户", "金额", "备注"])
        let outcome = try importTable(table, into: ledger)
        #expect(outcome.invoices == 3 && outcome.totals["CNY"] == 1_345_990)
        let expected = try fixture("B03_sales_expected_utf8")
        let names = try ledger.store.invoices(filter: InvoiceFilter(), page: .all).map(\.customerName)
        #expect(names == expected.records.map { $0[2] })
        #expect(names.contains("刘䶮") && names.contains("𠮷利五金店"))
        #expect(try ledger.store.invoices(filter: InvoiceFilter(), page: .all).map(\.date.description) == ["2025-03-05", "2025-03-06", "2025-03-07"])
        // The UTF-8 reference file gives the same rows.
        let control = try TestLedger()
        #expect(try importTable(expected, into: control).totals["CNY"] == 1_345_990)
    }

    @Test func b05DeclaredDayFirstDatesAndImpossibleDatesRejected() throws {
        let table = try fixture("B05_dates_ddmmyyyy")
        let plan = try TableSalesImport(table: table, dateFormat: .dayMonthYear, currency: .cny)
        #expect(plan.rows.map(\.date.description) == ["2025-01-08", "2025-01-14", "2025-02-06", "2025-12-31", "2024-02-29"])
        #expect(plan.issues == [FieldIssue("row 7, column date", "29/02/2025 is not a valid date (does not exist, format dmy)")])
        #expect(plan.rows.reduce(0) { $0 + $1.amount.minorUnits } == 150_000)
        // Month-first on the same file: the rows with "month" 14 and 31 (and both 29/02) are reported, not re-read.
        let wrong = try TableSalesImport(table: table, dateFormat: .monthDayYear, currency: .cny)
        #expect(wrong.issues.map(\.path) == ["row 3, column date", "row 5, column date", "row 6, column date", "row 7, column date"])
        #expect(wrong.rows.map(\.date.description) == ["2025-08-01", "2025-06-02"])
    }

    @Test func missingColumnsAreNamed() throws {
        let table = try CSVTable.parse(data: Data("when,who,how much\n2025-01-01,A,1\n".utf8), source: "odd.csv")
        let error = #expect(throws: InteropError.self) { try TableSalesImport(table: table, dateFormat: .yearMonthDay, currency: .cny) }
        #expect(error?.description == "odd.csv: missing column(s): date (日期), amount (金额), customer (客户); the header is: when, who, how much")
    }
}
