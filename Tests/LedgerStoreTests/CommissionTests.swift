import Testing
@testable import LedgerCore
import LedgerStore

/// 业务员提成 against hand-computed amounts: net sales with a mid-month rate change, a credit note and a
/// write-off clawing back; collections within N days of the due date.
struct CommissionTests {
    func sale(_ ledger: RecvLedger, _ customer: String, _ salesperson: String, _ date: String, net: String) throws -> Invoice {
        var post = PostInvoice(customerCode: customer, date: try day(date),
                               lines: [LineInput(description: "Goods", quantity: Quantity(1), unitPrice: try money(net),
                                                 taxRate: Rate(basisPoints: 1300))])
        post.salespersonCode = salesperson
        post.creditOverrideReason = "test data"
        return try ledger.service.run(post)
    }

    @Test func marchCommissionWithAMidMonthRateChange() throws {
        let ledger = try RecvLedger(today: "2026-01-01")
        try ledger.service.run(CreateSalesperson(code: "S1", name: "王芳"))
        try ledger.service.run(CreateSalesperson(code: "S2", name: "李强"))
        try ledger.customer("C1")
        try ledger.customer("C2")
        let late = try sale(ledger, "C2", "S2", "2026-01-05", net: "500.00")          // 565.00, due 2026-02-04
        try ledger.setToday("2026-03-01")
        try ledger.service.run(SetCommissionRule(CommissionRule(salesperson: "S1", basis: .netSales,
                                                                rate: Rate(basisPoints: 200), start: try day("2026-03-01"))))
        try ledger.service.run(SetCommissionRule(CommissionRule(salesperson: "S2", basis: .collections, rate: Rate(basisPoints: 500),
                                                                withinDays: 10, start: try day("2026-03-01"))))
        let s2 = try sale(ledger, "C2", "S2", "2026-03-02", net: "1000.00")            // 1130.00, due 2026-04-01
        let a = try sale(ledger, "C1", "S1", "2026-03-05", net: "1000.00")             // 2 %: +1000.00
        let bad = try sale(ledger, "C1", "S1", "2026-03-10", net: "100.00")            // 2 %: +100.00
        try ledger.receipt("C2", "2026-03-10", "1130.00", try plan([(s2.displayNumber, "1130.00")]))  // on time: 1130.00
        try ledger.receipt("C2", "2026-03-12", "565.00", try plan([(late.displayNumber, "565.00")]))  // 36 days late: 0

        // The rate rises to 3 % from the 16th; it cannot be back-dated.
        try ledger.setToday("2026-03-16", role: .manager)
        #expect(throws: LedgerError.self) {
            try ledger.service.run(SetCommissionRule(CommissionRule(salesperson: "S1", basis: .netSales,
                                                                    rate: Rate(basisPoints: 300), start: try day("2026-03-15"))))
        }
        try ledger.service.run(SetCommissionRule(CommissionRule(salesperson: "S1", basis: .netSales,
                                                                rate: Rate(basisPoints: 300), start: try day("2026-03-16"))))
        try sale(ledger, "C1", "S1", "2026-03-20", net: "2000.00")                     // 3 %: +2000.00
        try ledger.service.run(IssueCreditNote(customerCode: "C1", date: try day("2026-03-25"), appliesToNumber: a.displayNumber,
                                               lines: [LineInput(description: "Return", quantity: Quantity(1),
                                                                 unitPrice: try money("200.00"), taxRate: Rate(basisPoints: 1300))],
                                               reason: "return"))                        // 3 %: −200.00
        try ledger.setToday("2026-03-28", role: .manager)
        try ledger.service.run(WriteOffInvoice(number: bad.displayNumber, reason: "bankrupt"))  // 113.00 → net −100.00 at 3 %

        let events = try ledger.store.commissionEvents(from: try day("2026-03-01"), to: try day("2026-03-31"))
        let lines = Commission.lines(events: events, rules: try ledger.store.commissionRules())
        let summary = lines.map { "\($0.salesperson) \($0.rule.rate) \($0.basisAmount) \($0.commission)" }
        // S1: (1000 + 100) × 2 % = 22.00; (2000 − 200 − 100) × 3 % = 51.00. S2: 1130.00 × 5 % = 56.50.
        #expect(summary == ["S1 2% 110000 2200", "S1 3% 170000 5100", "S2 5% 113000 5650"])
        // February had no rules: nothing.
        #expect(Commission.lines(events: try ledger.store.commissionEvents(from: try day("2026-01-01"), to: try day("2026-02-28")),
                                 rules: try ledger.store.commissionRules()).isEmpty)
    }

    @Test func aReversedAllocationClawsBackCollections() {
        let rule = CommissionRule(id: 1, salesperson: "S", basis: .collections, rate: Rate(basisPoints: 1000),
                                  start: CivilDate(iso: "2026-01-01")!)
        var paid = CommissionEvent(kind: .collection, date: CivilDate(iso: "2026-03-02")!, salesperson: "S", customerClass: "",
                                   currency: .cny, amount: 10_000)
        paid.receiptDate = paid.date
        var reversal = paid
        reversal.amount = -10_000
        reversal.date = CivilDate(iso: "2026-03-09")!
        let lines = Commission.lines(events: [paid, reversal, paid], rules: [rule])
        #expect(lines.map(\.commission) == [1_000])
    }
}

extension SQLiteLedgerStore {
    /// Every commission event of `from...to` (`forEachCommissionEvent`) in one array.
    func commissionEvents(from: CivilDate, to: CivilDate) throws -> [CommissionEvent] {
        var events: [CommissionEvent] = []
        try forEachCommissionEvent(from: from, to: to) { events.append($0) }
        return events
    }
}
