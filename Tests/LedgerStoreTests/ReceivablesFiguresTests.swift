import Testing
@testable import LedgerCore
import LedgerStore

/// Statement, DSO, collections and payment behaviour on a small hand-checked ledger.
@Suite struct ReceivablesFiguresTests {
    /// May: invoices 1000 (due 05-31) and 500 (due 06-14); June: receipt 600, credit note 100 on the 500,
    /// invoice 300 (due 07-20); July: receipt 900.
    func ledger() throws -> (RecvLedger, [Invoice]) {
        let ledger = try RecvLedger(today: "2025-07-31")
        try ledger.customer("ST", name: "Star Tea House")
        let a = try ledger.invoice("ST", "2025-05-01", "1000.00")
        let b = try ledger.invoice("ST", "2025-05-15", "500.00")
        try ledger.receipt("ST", "2025-06-05", "600.00")                                    // auto: 600 to a
        try ledger.creditNote("ST", "2025-06-10", "100.00", appliesTo: b.displayNumber)
        let c = try ledger.invoice("ST", "2025-06-20", "300.00")
        try ledger.receipt("ST", "2025-07-10", "900.00")                                    // auto: 400 a, 400 b, 100 c
        return (ledger, [a, b, c])
    }

    @Test func statementForJuneInEnglishTermsAndTotals() throws {
        let (ledger, docs) = try ledger()
        let snapshot = try ledger.snapshot()
        let customer = try #require(snapshot.customers.first)
        let june = CustomerStatement.make(customer: customer, from: try day("2025-06-01"), to: try day("2025-06-30"),
                                          snapshot: snapshot)
        #expect(june.openingBalance == (try minor("1500")))
        #expect(june.lines.map(\.kind) == [.receipt, .creditNote, .invoice])
        #expect(june.lines.map(\.balance) == [try minor("900"), try minor("800"), try minor("1100")])
        #expect(june.lines[1].reference == docs[1].displayNumber)
        #expect(june.closingBalance == (try minor("1100")))
        #expect((june.invoiced, june.credited, june.received) == (try minor("300"), try minor("100"), try minor("600")))
        // Aging at 06-30: a (due 05-31) 400 open, 30 days → 1-30; b (due 06-14) 400 open, 16 days; c current 300.
        #expect(june.aging.map(\.amount) == [try minor("300"), try minor("800"), 0, 0, 0])
        #expect(june.overdue == (try minor("800")))
        let july = CustomerStatement.make(customer: customer, from: try day("2025-07-01"), to: try day("2025-07-31"),
                                          snapshot: snapshot)
        #expect(july.openingBalance == june.closingBalance)
        #expect(july.closingBalance == (try minor("200")))
        #expect(StatementWords(chinese: true).title == "对账单")
        #expect(StatementWords(chinese: true).bucket("1-30") == "逾期1-30天")
    }

    @Test func dsoCollectionsAndDaysToPay() throws {
        let (ledger, _) = try ledger()
        let snapshot = try ledger.snapshot()
        // Q2 (Apr–Jun, 91 days): AR at 06-30 = 1100; credit sales = 1000 + 500 + 300 − 100 = 1700.
        let dso = try #require(ReceivablesFigures.dso(from: try day("2025-04-01"), to: try day("2025-06-30"), snapshot: snapshot).first)
        #expect(dso.receivablesAtEnd == (try minor("1100")))
        #expect(dso.creditSales == (try minor("1700")))
        #expect(dso.days == 91)
        #expect(dso.text == "58.9")   // 1100 / 1700 × 91 = 58.88…
        // The report's set-based query, and the in-memory reference gives the same months.
        let months = try ledger.store.collectionMonths(from: try day("2025-05-01"), to: try day("2025-07-31"))
        #expect(months == ReceivablesFigures.collections(from: try day("2025-05-01"), to: try day("2025-07-31"), snapshot: snapshot))
        #expect(months.map(\.month) == ["2025-05", "2025-06", "2025-07"])
        #expect(months.map(\.due) == [try minor("1000"), try minor("500"), try minor("300")])
        #expect(months.map(\.collected) == [0, try minor("600"), try minor("900")])
        // Of what fell due: May's 1000 had 0 settled by 05-31; June's 500 had the 100 credit note by 06-30.
        #expect(months.map(\.settledOfDue) == [0, try minor("100"), try minor("100")])
        let behaviour = try #require(try ledger.store.paymentBehaviour(asOf: nil, customerID: nil).first)
        #expect([behaviour] == ReceivablesFigures.paymentBehaviour(snapshot: snapshot))
        // a: 05-01 → 07-10 = 70 days, 40 late; b: 05-15 → 07-10 = 56 days, 26 late; c: open.
        #expect(behaviour.settledInvoices == 2)
        #expect(behaviour.totalDaysToPay == 126)
        #expect(behaviour.totalDaysLate == 66)
        #expect(behaviour.averageDaysLateTenths == 330)
    }
}
