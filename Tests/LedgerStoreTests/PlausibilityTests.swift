import Testing
import LedgerCore
import LedgerStore

/// Plausibility checks on entry (issue 11): the ledger's history, read by `entryHistory`, against what is typed.
@Suite struct PlausibilityTests {
    static func cny(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .cny) }
    let today = CivilDate(iso: "2026-11-29")!

    /// C1 bought CHAIR three times (2, 5 and 4 at 100.00, 100.00 and 90.00); its invoices average 353.33.
    func ledger() throws -> TestLedger {
        let t = try TestLedger()
        try t.customer("C1")
        try t.service.run(CreateProduct(sku: "CHAIR", name: "Chair", unitPrice: Self.cny(10_000), taxRate: Rate(basisPoints: 0)))
        try t.service.run(CreateProduct(sku: "DESK", name: "Desk", unitPrice: Self.cny(50_000), taxRate: Rate(basisPoints: 0)))
        for (qty, price) in [(2, 10_000), (5, 10_000), (4, 9_000)] {
            try t.service.run(PostInvoice(customerCode: "C1", date: today.adding(days: -3), lines: [
                LineInput(productSKU: "CHAIR", quantity: Quantity(qty), unitPrice: Self.cny(Int64(price)))]))
        }
        try t.service.run(RecordReceipt(customerCode: "C1", date: today, amount: Self.cny(1_000)).with(reference: "BANK-77"))
        return t
    }

    @Test func historyIsReadFromPostedInvoices() throws {
        let t = try ledger()
        let history = try t.store.entryHistory(customerCode: "C1", skus: ["CHAIR", "DESK"])
        #expect(history.customerInvoices == 3)
        #expect(history.customerAverageTotal == (20_000 + 50_000 + 36_000) / 3)
        #expect(history.products["CHAIR"] == ProductHistory(lines: 3, maxQuantity: 5_000, minUnitPrice: 9_000, maxUnitPrice: 10_000))
        #expect(history.products["DESK"] == nil)
        #expect(try t.store.receiptsWithReference(customerCode: "C1", reference: " BANK-77 ") == ["RCT-2026-000001"])
        #expect(try t.store.receiptsWithReference(customerCode: "C1", reference: "BANK-78").isEmpty)
    }

    @Test func ordinarySaleHasNoWarnings() throws {
        let t = try ledger()
        let history = try t.store.entryHistory(customerCode: "C1", skus: ["CHAIR"])
        let lines = [EntryPlausibility.Line(sku: "CHAIR", quantity: Quantity(6), unitPrice: Self.cny(9_500), listPrice: Self.cny(10_000)),
                     EntryPlausibility.Line(sku: nil, quantity: Quantity(1), unitPrice: Self.cny(1))]
        #expect(EntryPlausibility.sale(total: Self.cny(57_001), date: today.adding(days: -7), today: today, lines: lines,
                                       history: history).isEmpty)
    }

    @Test func unusualFiguresBecomeWarningsInBothLanguages() throws {
        let t = try ledger()
        let history = try t.store.entryHistory(customerCode: "C1", skus: ["CHAIR", "DESK"])
        let lines = [EntryPlausibility.Line(sku: "CHAIR", quantity: Quantity(51), unitPrice: Self.cny(4_000), listPrice: Self.cny(10_000)),
                     EntryPlausibility.Line(sku: "DESK", quantity: Quantity(1), unitPrice: Self.cny(100_001), listPrice: Self.cny(50_000))]
        // 100 × the 353.33 average is 35,333.00: 35,333.01 is over it.
        let warnings = EntryPlausibility.sale(total: Self.cny(3_533_301), date: CivilDate(iso: "2027-01-15")!, today: today,
                                              lines: lines, history: history)
        #expect(warnings == [
            .farAboveUsual(total: Self.cny(3_533_301), average: Self.cny(35_333)),
            .farFromToday(date: CivilDate(iso: "2027-01-15")!, today: today),
            .unusualQuantity(line: 1, sku: "CHAIR", quantity: Quantity(51), usualMax: Quantity(5)),
            .unusualPrice(line: 1, sku: "CHAIR", price: Self.cny(4_000), low: Self.cny(9_000), high: Self.cny(10_000)),
            .unusualPrice(line: 2, sku: "DESK", price: Self.cny(100_001), low: Self.cny(50_000), high: Self.cny(50_000)),
        ])
        #expect(warnings[0].message(chinese: false) == "total 35,333.01 is over 100× this customer's average 353.33")
        #expect(warnings[1].message(chinese: true) == "单据日期 2027-01-15 距今天 2026-11-29 47 天")
        #expect(warnings[2].message(chinese: false) == "line 1 CHAIR: quantity 51 is far above the most sold on one line (5)")
        #expect(warnings[4].message(chinese: true) == "第2行 DESK 单价 1,000.01 不在以往 500.00–500.00 的合理范围")
        // At the edges nothing is said: exactly 100×, 10× the quantity, half and twice the prices, 30 days.
        let edge = [EntryPlausibility.Line(sku: "CHAIR", quantity: Quantity(50), unitPrice: Self.cny(4_500)),
                    EntryPlausibility.Line(sku: "DESK", quantity: Quantity(1), unitPrice: Self.cny(100_000), listPrice: Self.cny(50_000))]
        #expect(EntryPlausibility.sale(total: Self.cny(3_533_300), date: today.adding(days: -30), today: today, lines: edge,
                                       history: history).isEmpty)
    }

    @Test func veryLargeDocumentAndDuplicateReference() throws {
        let big = Money(minorUnits: 10_000_000_001, currency: .cny)
        #expect(EntryPlausibility.sale(total: big, date: today, today: today, lines: [], history: EntryHistory())
                == [.veryLarge(total: big, threshold: Money(minorUnits: 10_000_000_000, currency: .cny))])
        #expect(EntryPlausibility.largeTotal(.jpy) == 100_000_000)
        let warnings = EntryPlausibility.receipt(date: today, today: today, reference: "BANK-77", sameReference: ["RCT-2026-000001"])
        #expect(warnings == [.duplicateReference(reference: "BANK-77", numbers: ["RCT-2026-000001"])])
        #expect(warnings[0].message(chinese: true) == "参考号 BANK-77 已用于 RCT-2026-000001")
        #expect(EntryPlausibility.receipt(date: today, today: today, reference: "", sameReference: ["X"]).isEmpty)
    }
}

extension RecordReceipt {
    func with(reference: String) -> RecordReceipt {
        var copy = self
        copy.reference = reference
        return copy
    }
}
