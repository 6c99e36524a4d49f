import Foundation
import Testing
import LedgerCore
import LedgerInterop
import LedgerStore

/// Issue 12: bounds and clean text enforced by the command layer and the CSV import.
@Suite struct HardeningTests {
    func post(_ ledger: TestLedger, _ lines: [LineInput]) -> LedgerError? {
        var post = PostInvoice(customerCode: "C1", date: date("2026-11-29"), lines: lines)
        post.creditOverrideReason = "test"
        return #expect(throws: LedgerError.self) { try ledger.service.run(post) }
    }

    @Test func boundsAreFieldErrorsAndNothingIsWritten() throws {
        let ledger = try TestLedger()
        try ledger.customer("C1")
        let huge = Money(minorUnits: Int64.max, currency: .cny)
        var issues = post(ledger, [LineInput(description: "X", quantity: Quantity(1), unitPrice: huge)])?.fieldIssues
        #expect(issues == [FieldIssue("lines[1].unitPrice", "unit price must be at most 10,000,000,000,000.00")])
        issues = post(ledger, [LineInput(description: "X", quantity: Quantity(thousandths: 99_999_999_999_999_000),
                                         unitPrice: cny("1"))])?.fieldIssues
        #expect(issues?.first == FieldIssue("lines[1].quantity", "quantity must be at most 1,000,000,000"))
        // Each line within the bound, the document beyond it.
        let big = LineInput(description: "X", quantity: Quantity(1), unitPrice: cny("6,000,000,000,000"))
        issues = post(ledger, [big, big])?.fieldIssues
        #expect(issues == [FieldIssue("lines", "document total is too large (at most 10,000,000,000,000.00)")])
        // A line whose tax takes it beyond the bound.
        var taxed = big
        taxed.unitPrice = cny("9,000,000,000,000")
        taxed.taxRate = Rate(basisPoints: 1300)
        issues = post(ledger, [taxed])?.fieldIssues
        #expect(issues == [FieldIssue("lines[1].quantity",
                                      "line total with tax is too large (at most 10,000,000,000,000.00)")])
        #expect(try ledger.store.summary().invoices == 0)
    }

    @Test func zeroTotalInvoicesAreRefused() throws {
        let ledger = try TestLedger()
        try ledger.customer("C1")
        let issues = post(ledger, [LineInput(description: "free sample", quantity: Quantity(3), unitPrice: cny("0"))])
        #expect(issues?.fieldIssues == [FieldIssue("lines", "the document total is 0; there is nothing to post")])
        #expect(try ledger.store.summary().invoices == 0)
    }

    @Test func receiptsAndCreditLimitsAreBounded() throws {
        let ledger = try TestLedger()
        try ledger.customer("C1")
        let receipt = #expect(throws: LedgerError.self) {
            try ledger.service.run(RecordReceipt(customerCode: "C1", date: date("2026-11-29"),
                                                 amount: Money(minorUnits: Int64.max, currency: .cny)))
        }
        #expect(receipt?.fieldIssues == [FieldIssue("amount", "amount must be at most 10,000,000,000,000.00")])
        var fields = CustomerFields(code: "C2", name: "Big")
        fields.creditLimit = Money(minorUnits: Int64.max, currency: .cny)
        let limit = #expect(throws: LedgerError.self) { try ledger.service.run(CreateCustomer(fields)) }
        #expect(limit?.fieldIssues.map(\.path) == ["creditLimit"])
    }

    @Test func reportsStayRightAtTheBound() throws {
        let ledger = try TestLedger()
        try ledger.customer("C1")
        for _ in 0..<3 { try ledger.invoice("C1", "2026-11-01", "10,000,000,000,000.00") }
        let snapshot = try ledger.store.receivablesSnapshot(customerID: nil)
        #expect(snapshot.openInvoices(asOf: date("2026-11-29")).map(\.1).reduce(0, +) == 3 * LedgerLimits.maxAmountMinorUnits)
        let sales = try ledger.store.salesReport(by: .month, from: nil, to: nil)
        #expect(sales.first?.total == 3 * LedgerLimits.maxAmountMinorUnits)
    }

    @Test func codesAndNamesRefuseEscapesBidiAndZeroWidth() throws {
        let ledger = try TestLedger()
        let cases: [(String, String, FieldIssue)] = [
            ("C\u{1B}]0;x\u{07}", "Name", FieldIssue("code", "contains the control character U+001B")),
            ("C 1", "Name", FieldIssue("code", "must not contain spaces")),
            ("C\u{200B}1", "Name", FieldIssue("code", "contains the zero-width character U+200B")),
            ("C1", "Evil\u{202E}gnp.exe", FieldIssue("name", "contains the bidirectional control U+202E")),
            ("C1", "Line\r\nFake", FieldIssue("name", "contains the control character U+000D")),
        ]
        for (code, name, expected) in cases {
            let error = #expect(throws: LedgerError.self) { try ledger.service.run(CreateCustomer(CustomerFields(code: code, name: name))) }
            #expect(error?.fieldIssues.contains(expected) == true, "\(code) \(name): \(error?.fieldIssues ?? [])")
        }
        #expect(try ledger.store.summary().customers == 0)
        try ledger.customer("C-北京/1", "北京星河（Beijing）")
    }
}

/// Issue 12: a file is decoded as exactly one encoding.
@Suite struct HonestDecodingTests {
    let gbkBeijing: [UInt8] = [0xB1, 0xB1, 0xBE, 0xA9]   // 北京 in GBK/GB18030

    @Test func mostlyUTF8WithAStrayGBKPairIsAnErrorNamingRowAndColumn() throws {
        var bytes = Array("date,invoice_no,customer,amount\n2025-03-01,A1,北京星河,100.00\n2025-03-02,A2,".utf8)
        bytes += gbkBeijing + Array(",50.00\n2025-03-03,A3,上海明远,20.00\n".utf8)
        let error = #expect(throws: InteropError.self) { try CSVTable.parse(data: Data(bytes), source: "mixed.csv") }
        #expect(error?.message.hasPrefix("row 3, column 3 (customer): byte 0xB1 is not UTF-8") == true, "\(error?.message ?? "")")
    }

    @Test func wholeGB18030FileIsDecodedAsGB18030() throws {
        let bytes = Array("date,customer,amount\n2025-03-01,".utf8) + gbkBeijing + Array(",1.00\n".utf8)
        let table = try CSVTable.parse(data: Data(bytes), source: "gbk.csv")
        #expect(table.value(0, "customer") == "北京")
        let decoded = try TextDecoding.decode(Data(bytes), source: "gbk.csv")
        #expect(decoded.encoding == .gb18030)
        #expect(try TextDecoding.decode(Data("a,北京\n".utf8), source: "u.csv").encoding == .utf8)
    }

    @Test func importRowsNameRowAndColumnForHugeAmountsAndEscapes() throws {
        let csv = "date,customer,amount\n2025-03-01,Good,1.00\n2025-03-02,Huge,92233720368547758.07\n"
            + "2025-03-03,\u{1B}]0;owned\u{07},2.00\n"
        let table = try CSVTable.parse(data: Data(csv.utf8), source: "f.csv")
        let plan = try TableSalesImport(table: table, dateFormat: .yearMonthDay, currency: .cny)
        #expect(plan.rows.count == 1)
        #expect(plan.issues == [
            FieldIssue("row 3, column amount", "amount '92233720368547758.07' is too large (at most 10,000,000,000,000.00)"),
            FieldIssue("row 4, column customer", "contains the control character U+001B"),
        ])
    }
}
