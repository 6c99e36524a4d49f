import Testing
@testable import LedgerCore
import LedgerStore

/// shared/cases B08, B10 and B13 (receivables part) through the command layer and the SQLite store.
@Suite struct ReceivablesCaseTests {
    /// B08: aging as of 2025-06-30 with partial payments and bucket edges (due today = current).
    @Test func b08AgingWithPartialPaymentsAndBucketEdges() throws {
        let ledger = try RecvLedger(today: "2025-06-30")
        try ledger.customer("GLT", name: "Golden Lotus Trading")
        var numbers: [String: String] = [:]
        for row in try recvFixtureRows("B08_invoices").sorted(by: { ($0["invoice_date"] ?? "") < ($1["invoice_date"] ?? "") }) {
            let invoice = try ledger.invoice("GLT", row["invoice_date"] ?? "", row["amount"] ?? "", due: row["due_date"])
            numbers[row["invoice_no"] ?? ""] = invoice.displayNumber
        }
        for row in try recvFixtureRows("B08_payments") {
            let number = try #require(numbers[row["invoice_no"] ?? ""])
            try ledger.receipt("GLT", row["payment_date"] ?? "", row["amount"] ?? "", try plan([(number, row["amount"] ?? "")]))
        }
        let report = try #require(try ledger.aging(asOf: "2025-06-30").first)
        #expect(report.buckets.map(\.label) == ["current", "1-30", "31-60", "61-90", "91+"])
        #expect(report.buckets.map(\.amount) == [try minor("1600"), try minor("500"), try minor("120"), try minor("450"), try minor("2000")])
        #expect(report.buckets.map(\.count) == [2, 1, 1, 1, 1])
        #expect(report.openTotal == (try minor("4670")))
        #expect(report.overdueTotal == (try minor("3070")))
        #expect(report.netReceivable == (try ledger.balance("GLT")))
        #expect(try ledger.open(try #require(numbers["A3"])) == 0)
        #expect(try ledger.open(try #require(numbers["A4"])) == (try minor("2000")))

        // The collection list holds exactly the overdue A4, A5, A7, A2, oldest due date first.
        let list = Reminders.list(on: try day("2025-06-30"), snapshot: try ledger.snapshot())
        let overdue = list.filter { $0.daysOverdue > 0 }.map(\.invoiceNumber)
        #expect(overdue == ["A4", "A5", "A7", "A2"].compactMap { numbers[$0] })
        #expect(list.map(\.daysOverdue).filter { $0 > 0 } == [91, 72, 31, 30])
        // A6 is due today: it gets the on-due-date reminder, but it is not overdue.
        let a6 = list.first { $0.invoiceNumber == numbers["A6"] }
        #expect(a6?.daysOverdue == 0)
        #expect(a6?.dueReminder == .onDueDate)
    }

    /// B10: unlinked credit notes stay customer credit, not payments; a customer with only a credit is listed.
    @Test func b10UnlinkedCreditNotes() throws {
        let ledger = try RecvLedger(today: "2025-06-30")
        try ledger.customer("SBC", name: "Silver Birch Cafe")
        try ledger.customer("MLC", name: "Maple Leaf Co")
        let codes = ["Silver Birch Cafe": "SBC", "Maple Leaf Co": "MLC"]
        var numbers: [String: String] = [:]
        for row in try recvFixtureRows("B10_documents") {
            let code = try #require(codes[row["customer"] ?? ""])
            let amount = (row["amount"] ?? "").replacingOccurrences(of: "-", with: "")
            if row["type"] == "invoice" {
                numbers[row["doc_no"] ?? ""] = try ledger.invoice(code, row["date"] ?? "", amount, due: row["due_date"]).displayNumber
            } else {
                let target = (row["applies_to"] ?? "").isEmpty ? nil : numbers[row["applies_to"] ?? ""]
                numbers[row["doc_no"] ?? ""] = try ledger.creditNote(code, row["date"] ?? "", amount, appliesTo: target).creditNote.displayNumber
            }
        }
        #expect(try ledger.balance("SBC") == (try minor("1200")))
        #expect(try ledger.balance("MLC") == (try minor("-50")))
        #expect(try ledger.open(try #require(numbers["C2"])) == (try minor("400")))
        #expect(try ledger.open(try #require(numbers["C1"])) == (try minor("1000")))
        let credits = try ledger.store.unappliedCredits(asOf: try day("2025-06-30"))
        #expect(credits.map(\.amount).sorted() == [try minor("50"), try minor("200")])

        let report = try #require(try ledger.aging(asOf: "2025-06-30", by: .customer).first)
        #expect(report.buckets[0].amount == (try minor("1400")))
        #expect(report.overdueTotal == 0)
        #expect(report.unappliedCredits == (try minor("250")))
        #expect(report.netReceivable == (try minor("1150")))
        #expect(report.groups.first { $0.key == "MLC" }?.total == (try minor("-50")))

        // Statement: credit notes are credits, not cash received.
        let snapshot = try ledger.snapshot()
        let sbc = try #require(snapshot.customers.first { $0.code == "SBC" })
        let statement = CustomerStatement.make(customer: sbc, from: try day("2025-06-01"), to: try day("2025-06-30"), snapshot: snapshot)
        #expect(statement.received == 0)
        #expect(statement.credited == (try minor("300")))
        #expect(statement.closingBalance == (try minor("1200")))
        #expect(statement.unappliedCredit == (try minor("200")))
        // No overdue reminder goes to anyone.
        #expect(Reminders.list(on: try day("2025-06-30"), snapshot: snapshot).allSatisfy { $0.daysOverdue <= 0 })
    }

    /// B13 (receivables part): exact payments close R1…R4 at exactly 0.00; the balance is the credit note only.
    @Test func b13ExactPaymentsLeaveNoCentResidue() throws {
        let ledger = try RecvLedger(today: "2025-06-30")
        try ledger.customer("JGC", name: "Jade Garden Catering")
        var lines: [String: [LineInput]] = [:]
        var order: [String] = []
        for row in try recvFixtureRows("B13_invoice_lines") where row["doc_no"] != "CN-R1" {
            let doc = row["doc_no"] ?? ""
            if lines[doc] == nil { order.append(doc) }
            let rate = try Rate.parseFraction(row["tax_rate"] ?? "0")
            lines[doc, default: []].append(LineInput(description: "line", quantity: try Quantity.parse(row["qty"] ?? ""),
                                                     unitPrice: try money(row["unit_price"] ?? ""), taxRate: rate))
        }
        var numbers: [String: String] = [:]
        for doc in order {
            var post = PostInvoice(customerCode: "JGC", date: try day("2025-06-01"), lines: lines[doc] ?? [])
            post.creditOverrideReason = "test"
            numbers[doc] = try ledger.service.run(post).displayNumber
        }
        #expect(try ledger.store.invoiceDocument(number: try #require(numbers["R1"]))?.total == (try money("16.73")))
        let note = try ledger.service.run(IssueCreditNote(
            customerCode: "JGC", date: try day("2025-06-30"),
            lines: [LineInput(description: "return", quantity: try Quantity.parse("1.5"), unitPrice: try money("0.69"))],
            reason: "returned goods"))
        #expect(note.creditNote.total == (try money("1.04")))
        for row in try recvFixtureRows("B13_payments") {
            let number = try #require(numbers[row["doc_no"] ?? ""])
            try ledger.receipt("JGC", row["payment_date"] ?? "", row["amount"] ?? "", try plan([(number, row["amount"] ?? "")]))
        }
        for doc in order { #expect(try ledger.open(try #require(numbers[doc])) == 0) }
        #expect(try ledger.balance("JGC") == (try minor("-1.04")))
        #expect(try ledger.store.openItems(asOf: try day("2025-06-30")).isEmpty)
        #expect(Reminders.list(on: try day("2025-08-30"), snapshot: try ledger.snapshot()).isEmpty)
    }
}
