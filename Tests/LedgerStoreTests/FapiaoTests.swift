import Testing
@testable import LedgerCore
import LedgerStore

/// Shared set-up of fapiao tests: sales at 13 % VAT through the command layer.
extension RecvLedger {
    /// Posts a sale of one line `net` at `taxPercent` (13 % → 1130.00 for 1000.00).
    @discardableResult
    func taxedSale(_ customer: String, _ date: String, net: String, taxPercent: Int64 = 13) throws -> Invoice {
        var post = PostInvoice(customerCode: customer, date: try day(date),
                               lines: [LineInput(description: "Goods", quantity: Quantity(1), unitPrice: try money(net),
                                                 taxRate: Rate(basisPoints: taxPercent * 100))])
        post.creditOverrideReason = "test data"
        return try service.run(post)
    }

    /// Gives `customer` a valid 纳税人识别号, which a 专票 needs.
    func setTaxID(_ customer: String, _ taxID: String = "91350100M000100Y43") throws {
        try service.run(SetCustomerTaxDetails(customerCode: customer, details: CustomerTaxDetails(taxID: taxID)))
    }

    func fapiaoStatus(_ number: String) throws -> FapiaoStatus? {
        try store.saleFapiaoPositions(asOf: service.clock.today(), customerCode: nil).first { $0.number == number }?.status
    }
}

struct FapiaoTests {
    static let special1 = FapiaoKey(type: .special, code: "3300261130", number: "00000001")
    static let special2 = FapiaoKey(type: .special, code: "3300261130", number: "00000002")

    @Test func saleInvoicedInTwoPartsThenReversedByARedFapiao() throws {
        let ledger = try RecvLedger(today: "2026-03-31")
        try ledger.customer("C1")
        try ledger.setTaxID("C1")
        let sale = try ledger.taxedSale("C1", "2026-03-01", net: "1000.00")   // 1130.00, tax 130.00
        #expect(try ledger.fapiaoStatus(sale.displayNumber) == .notInvoiced)

        let first = try ledger.service.run(RecordFapiao(key: Self.special1, date: try day("2026-03-05"),
                                                        parts: [FapiaoPartInput(saleNumber: sale.displayNumber, amount: try money("500.00"))]))
        #expect(first.total == 50_000)
        #expect(first.tax == 5_752)            // 130.00 × 500 / 1130 = 57.522 → 57.52
        #expect(try ledger.fapiaoStatus(sale.displayNumber) == .partlyInvoiced)

        // The second part takes what is left, so the tax adds up to the sale's 130.00 exactly.
        let second = try ledger.service.run(RecordFapiao(key: Self.special2, date: try day("2026-03-06"),
                                                         parts: [FapiaoPartInput(saleNumber: sale.displayNumber)]))
        #expect(second.total == 63_000)
        #expect(second.tax == 7_248)
        #expect(try ledger.fapiaoStatus(sale.displayNumber) == .invoiced)

        // Nothing is left to invoice: a third fapiao is refused, naming the sale and what is left.
        #expect(throws: LedgerError.validation([FieldIssue("sales", "\(sale.displayNumber) has 0.00 left to invoice; 0.01 is more")])) {
            try ledger.service.run(RecordFapiao(key: FapiaoKey(type: .special, code: "3300261130", number: "00000003"),
                                                date: try day("2026-03-07"),
                                                parts: [FapiaoPartInput(saleNumber: sale.displayNumber, amount: try money("0.01"))]))
        }

        // A return: credit note of 200.00 + 13 % against the sale, then a red fapiao citing the second fapiao.
        let note = try ledger.service.run(IssueCreditNote(
            customerCode: "C1", date: try day("2026-03-20"), appliesToNumber: sale.displayNumber,
            lines: [LineInput(description: "Return", quantity: Quantity(1), unitPrice: try money("200.00"),
                              taxRate: Rate(basisPoints: 1300))], reason: "return"))
        let red = try ledger.service.run(RecordRedFapiao(
            key: FapiaoKey(type: .special, code: "3300261130", number: "00000009"), original: Self.special2,
            creditNoteNumber: note.creditNote.displayNumber, date: try day("2026-03-21")))
        #expect(red.total == 22_600)
        #expect(red.tax == 2_600)
        #expect(red.isRed && red.originalID == second.id && red.creditNoteID == note.creditNote.id)
        let position = try #require(try ledger.store.saleFapiaoPositions(asOf: try day("2026-03-31"), customerCode: "C1").first)
        #expect(position.status == .reversed)
        #expect(position.invoicedTotal == 90_400)
        #expect(position.invoicedTax == 10_400)
        #expect(position.leftToInvoice == 0)
        // As of before the red fapiao the sale was fully invoiced.
        #expect(try ledger.store.saleFapiaoPositions(asOf: try day("2026-03-10"), customerCode: "C1").first?.status == .invoiced)
    }

    @Test func oneFapiaoCoversSeveralSalesOfOneCustomer() throws {
        let ledger = try RecvLedger(today: "2026-03-31")
        try ledger.customer("C1")
        try ledger.setTaxID("C1")
        try ledger.customer("C2")
        let a = try ledger.taxedSale("C1", "2026-03-01", net: "100.00")
        let b = try ledger.taxedSale("C1", "2026-03-02", net: "200.00", taxPercent: 9)
        let other = try ledger.taxedSale("C2", "2026-03-02", net: "50.00")
        let key = FapiaoKey(type: .digitalSpecial, number: "26332000000000000001")
        let f = try ledger.service.run(RecordFapiao(key: key, date: try day("2026-03-03"),
                                                    parts: [FapiaoPartInput(saleNumber: a.displayNumber),
                                                            FapiaoPartInput(saleNumber: b.displayNumber)]))
        #expect(f.total == 11_300 + 21_800)
        #expect(f.tax == 1_300 + 1_800)
        #expect(try ledger.store.fapiaoList(customerCode: "C1", from: nil, to: nil).map(\.parts.count) == [2])
        // Another customer's sale cannot join; the duplicate number is refused too.
        #expect(throws: LedgerError.validation([
            FieldIssue("number", "fapiao 数电专 26332000000000000001 is already recorded"),
            FieldIssue("sales[1]", "\(a.displayNumber) has 0.00 left to invoice; 1.00 is more"),
            FieldIssue("sales[2]", "\(other.displayNumber) belongs to another customer"),
        ])) {
            try ledger.service.run(RecordFapiao(key: key, date: try day("2026-03-03"),
                                                parts: [FapiaoPartInput(saleNumber: a.displayNumber, amount: try money("1")),
                                                        FapiaoPartInput(saleNumber: other.displayNumber)]))
        }
    }

    @Test func numberFormsAndRedConfirmationAreChecked() throws {
        let ledger = try RecvLedger(today: "2026-03-31")
        try ledger.customer("C1")
        try ledger.setTaxID("C1")
        let sale = try ledger.taxedSale("C1", "2026-03-01", net: "100.00")
        #expect(throws: LedgerError.validation([
            FieldIssue("number", "a 专票 number has 8 digits; got '123'"),
            FieldIssue("code", "a paper fapiao code has 10 or 12 digits; got '33'"),
        ])) {
            try ledger.service.run(RecordFapiao(key: FapiaoKey(type: .special, code: "33", number: "123"),
                                                date: try day("2026-03-02"), parts: [FapiaoPartInput(saleNumber: sale.displayNumber)]))
        }
        // Tryout s33: a missing code was "a paper fapiao code has 10 or 12 digits; got ''".
        #expect(throws: LedgerError.validation([
            FieldIssue("code", "is required for a paper special fapiao (专票)"),
        ])) {
            try ledger.service.run(RecordFapiao(key: FapiaoKey(type: .special, number: "12345678"),
                                                date: try day("2026-03-02"),
                                                parts: [FapiaoPartInput(saleNumber: sale.displayNumber)]))
        }
        #expect(TradeText.chinese(FieldIssue("code", "is required for a paper ordinary fapiao (普票)"))
                == "发票代码: 纸质普票必须填写发票代码（10 位或 12 位数字）")
        let blue = FapiaoKey(type: .digitalOrdinary, number: "26332000000000000002")
        try ledger.service.run(RecordFapiao(key: blue, date: try day("2026-03-02"), parts: [FapiaoPartInput(saleNumber: sale.displayNumber)]))
        let note = try ledger.creditNote("C1", "2026-03-10", "20.00", appliesTo: sale.displayNumber)
        // A red 数电 fapiao needs its 红字确认单.
        #expect(throws: LedgerError.validation([FieldIssue("confirmation", "is required")])) {
            try ledger.service.run(RecordRedFapiao(key: FapiaoKey(type: .digitalOrdinary, number: "26332000000000000003"),
                                                   original: blue, creditNoteNumber: note.creditNote.displayNumber,
                                                   date: try day("2026-03-11")))
        }
        let red = try ledger.service.run(RecordRedFapiao(
            key: FapiaoKey(type: .digitalOrdinary, number: "26332000000000000003"), original: blue,
            creditNoteNumber: note.creditNote.displayNumber, date: try day("2026-03-11"), confirmation: "2633200000000000000301"))
        #expect(red.redConfirmation == "2633200000000000000301")
        #expect(try ledger.fapiaoStatus(sale.displayNumber) == .reversed)
    }

    @Test func voidNeedsAManagerAndFreesTheAmount() throws {
        let ledger = try RecvLedger(today: "2026-03-31")
        try ledger.customer("C1")
        try ledger.setTaxID("C1")
        let sale = try ledger.taxedSale("C1", "2026-03-01", net: "100.00")
        try ledger.service.run(RecordFapiao(key: Self.special1, date: try day("2026-03-02"),
                                            parts: [FapiaoPartInput(saleNumber: sale.displayNumber)]))
        try ledger.setToday("2026-03-31", role: .clerk)
        do {
            try ledger.service.run(VoidFapiao(key: Self.special1, reason: "wrong buyer"))
            Issue.record("a clerk voided a fapiao")
        } catch let error as LedgerError {
            guard case .permissionDenied(let message) = error else { Issue.record("\(error)"); return }
            #expect(message.contains("fapiao") && message.contains("clerk"))
        }
        #expect(try ledger.fapiaoStatus(sale.displayNumber) == .invoiced)
        try ledger.setToday("2026-03-31", role: .manager)
        try ledger.service.run(VoidFapiao(key: Self.special1, reason: "wrong buyer"))
        #expect(try ledger.fapiaoStatus(sale.displayNumber) == .notInvoiced)
        // The voided number stays used.
        #expect(throws: LedgerError.self) {
            try ledger.service.run(RecordFapiao(key: Self.special1, date: try day("2026-03-03"),
                                                parts: [FapiaoPartInput(saleNumber: sale.displayNumber)]))
        }
    }

    @Test func noFapiaoPerSaleAndPerCustomer() throws {
        let ledger = try RecvLedger(today: "2026-03-31")
        try ledger.customer("C1")
        try ledger.setTaxID("C1")
        try ledger.customer("C2")
        let a = try ledger.taxedSale("C1", "2026-03-01", net: "100.00")
        let b = try ledger.taxedSale("C2", "2026-03-01", net: "100.00")
        #expect(try ledger.service.run(SetSaleNoFapiao(saleNumber: a.displayNumber, reason: "retail")) == .noFapiao)
        try ledger.service.run(SetCustomerTaxDetails(customerCode: "C2", details: CustomerTaxDetails(noFapiao: true)))
        #expect(try ledger.fapiaoStatus(b.displayNumber) == .noFapiao)
        #expect(throws: LedgerError.validation([FieldIssue("sales", "\(a.displayNumber) is marked 不开票")])) {
            try ledger.service.run(RecordFapiao(key: Self.special1, date: try day("2026-03-02"),
                                                parts: [FapiaoPartInput(saleNumber: a.displayNumber)]))
        }
        #expect(try ledger.service.run(SetSaleNoFapiao(saleNumber: a.displayNumber, noFapiao: false)) == .notInvoiced)
    }

    /// Tryout s30: a 专票 (paper or 数电) prints the buyer's 纳税人识别号, so it is refused without one; 普票 are not.
    @Test func specialFapiaoNeedsTheBuyersTaxID() throws {
        let ledger = try RecvLedger(today: "2026-03-31")
        try ledger.customer("C1")
        let sale = try ledger.taxedSale("C1", "2026-03-01", net: "100.00")   // 113.00
        let ten = [FapiaoPartInput(saleNumber: sale.displayNumber, amount: try money("10"))]
        let refusal = { (type: String) in LedgerError.validation([FieldIssue("taxID",
            "a \(type) needs the buyer's taxpayer number; customer C1 has none")]) }
        #expect(throws: refusal("专票")) {
            try ledger.service.run(RecordFapiao(key: Self.special1, date: try day("2026-03-02"),
                                                parts: ten))
        }
        let digital = FapiaoKey(type: .digitalSpecial, number: "26332000000000000001")
        #expect(throws: refusal("数电专")) {
            try ledger.service.run(RecordFapiao(key: digital, date: try day("2026-03-02"),
                                                parts: ten))
        }
        #expect(try ledger.store.fapiaoList(customerCode: "C1", from: nil, to: nil).isEmpty)
        // Details without a number (title only) are not enough.
        try ledger.service.run(SetCustomerTaxDetails(customerCode: "C1",
                                                     details: CustomerTaxDetails(invoiceTitle: "星河")))
        #expect(throws: refusal("数电专")) {
            try ledger.service.run(RecordFapiao(key: digital, date: try day("2026-03-02"),
                                                parts: ten))
        }
        // 普票, paper or 数电, need no number.
        let plain = try ledger.service.run(RecordFapiao(
            key: FapiaoKey(type: .ordinary, code: "3300261130", number: "00000005"), date: try day("2026-03-02"),
            parts: ten))
        #expect(plain.total == 1_000)
        try ledger.service.run(RecordFapiao(key: FapiaoKey(type: .digitalOrdinary, number: "26332000000000000002"),
                                            date: try day("2026-03-02"),
                                            parts: ten))
        // With the number, the 专票 is recorded.
        try ledger.setTaxID("C1")
        let special = try ledger.service.run(RecordFapiao(key: digital, date: try day("2026-03-02"),
                                                          parts: [FapiaoPartInput(saleNumber: sale.displayNumber)]))
        #expect(special.total == 11_300 - 2_000)
        // The Chinese CLI and screens show the refusal in Chinese, naming the field.
        guard case .validation(let issues) = refusal("专票") else { return }
        #expect(TradeText.chinese(issues[0])
                == "纳税人识别号: 专票须有购买方纳税人识别号，客户 C1 未登记")
    }
}
