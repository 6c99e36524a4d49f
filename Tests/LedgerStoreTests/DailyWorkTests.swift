import Testing
import LedgerCore
import LedgerStore

/// Issue 11: products with dated prices, credit notes by line, drafts, ranked and polyphone-aware lookup.
@Suite struct DailyWorkTests {
    static let vat13 = Rate(basisPoints: 1300)
    static let vat6 = Rate(basisPoints: 600)

    func ledgerWithSale() throws -> (TestLedger, Invoice) {
        let ledger = try TestLedger()
        try ledger.customer("C1", "北京星河科技有限公司")
        try ledger.service.run(CreateProduct(sku: "CHAIR", name: "办公椅", category: "家具", unitPrice: cny("100.00"),
                                             taxRate: Self.vat13))
        try ledger.service.run(CreateProduct(sku: "SVC", name: "安装服务", category: "服务", unitPrice: cny("33.33"),
                                             taxRate: Self.vat6))
        var post = PostInvoice(customerCode: "C1", date: date("2026-11-20"), lines: [
            LineInput(productSKU: "CHAIR", quantity: Quantity(3)),
            LineInput(productSKU: "SVC", quantity: Quantity(3)),
            LineInput(description: "运费", quantity: Quantity(1), unitPrice: cny("10.00"), taxRate: Self.vat13),
        ])
        post.creditOverrideReason = "test"
        return (ledger, try ledger.service.run(post))
    }

    @Test func productPriceChangesFromADateAndPostedInvoicesKeepTheirs() throws {
        let (ledger, invoice) = try ledgerWithSale()
        #expect(invoice.lines[0].unitPrice == cny("100.00"))
        let edited = try ledger.service.run(EditProduct(sku: "CHAIR", unitPrice: cny("120.00"), priceFrom: date("2026-12-01")))
        #expect(edited.unitPrice == cny("100.00"))  // not yet in force on 2026-11-29
        #expect(try ledger.store.productPrice(sku: "CHAIR", on: date("2026-11-30")) == cny("100.00"))
        #expect(try ledger.store.productPrice(sku: "CHAIR", on: date("2026-12-01")) == cny("120.00"))
        let later = try ledger.service.run(PostInvoice(customerCode: "C1", date: date("2026-12-02"),
                                                       lines: [LineInput(productSKU: "CHAIR", quantity: Quantity(1))]))
        #expect(later.lines[0].unitPrice == cny("120.00"))
        let earlier = try ledger.service.run(PostInvoice(customerCode: "C1", date: date("2026-11-25"),
                                                         lines: [LineInput(productSKU: "CHAIR", quantity: Quantity(1))]))
        #expect(earlier.lines[0].unitPrice == cny("100.00"))
        #expect(try ledger.store.invoiceDocument(number: invoice.displayNumber)?.lines[0].unitPrice == cny("100.00"))
        #expect(try ledger.store.productPriceHistory(productID: edited.id).map(\.unitPrice) == [cny("100.00"), cny("120.00")])
    }

    @Test func usedProductsAreArchivedNotDeleted() throws {
        let (ledger, _) = try ledgerWithSale()
        let refused = #expect(throws: LedgerError.self) { try ledger.service.run(DeleteProduct(sku: "CHAIR")) }
        #expect(refused?.description.contains("archive it instead") == true)
        try ledger.service.run(ArchiveProduct(sku: "CHAIR"))
        #expect(try ledger.store.products(search: "CHAIR", page: PageRequest()).isEmpty)
        #expect(try ledger.store.productList(search: "CHAIR", includeArchived: true, page: PageRequest()).count == 1)
        let error = #expect(throws: LedgerError.self) {
            try ledger.service.run(PostInvoice(customerCode: "C1", date: date("2026-11-29"),
                                               lines: [LineInput(productSKU: "CHAIR", quantity: Quantity(1))]))
        }
        #expect(error?.fieldIssues == [FieldIssue("lines[1].product", "product CHAIR is archived")])
        try ledger.service.run(CreateProduct(sku: "NEW", name: "New", unitPrice: cny("1")))
        try ledger.service.run(DeleteProduct(sku: "NEW"))
        #expect(try ledger.store.productList(search: "NEW", includeArchived: true, page: PageRequest()).isEmpty)
        let bad = #expect(throws: LedgerError.self) {
            try ledger.service.run(EditProduct(sku: "SVC", name: " ", taxRate: Rate(basisPoints: 12_000)))
        }
        #expect(bad?.fieldIssues.map(\.path) == ["name", "taxRate"])
    }

    @Test func partialReturnOfOneLineReversesNetAndVATAtItsOwnRate() throws {
        let (ledger, invoice) = try ledgerWithSale()
        // Line 1: 3 × 100.00 @ 13 % = 300.00 + 39.00; return 1.
        let outcome = try ledger.service.run(IssueLineCreditNote(
            invoiceNumber: invoice.displayNumber, date: date("2026-11-29"),
            lines: [CreditLineRequest(line: 1, quantity: Quantity(1))], reason: "returned one chair"))
        let note = outcome.creditNote
        #expect(note.subtotal == cny("100.00"))
        #expect(note.taxTotal == cny("13.00"))
        #expect(note.lines[0].productID == invoice.lines[0].productID)
        #expect(note.lines[0].taxRate == Self.vat13)
        #expect(note.lines[0].creditsLine == 1)
        #expect(outcome.allocation.unapplied.minorUnits == 0)
        let byProduct = try ledger.store.salesReport(by: .product, from: nil, to: nil)
        let chair = byProduct.first { $0.key == "CHAIR" }
        #expect(chair?.net == 20_000)
        #expect(chair?.tax == 2_600)
        #expect(byProduct.first { $0.key == "*运费" }?.net == 1_000)
        #expect(try ledger.store.salesReport(by: .category, from: nil, to: nil).first { $0.key == "家具" }?.net == 20_000)
        let tooMany = #expect(throws: LedgerError.self) {
            try ledger.service.run(IssueLineCreditNote(invoiceNumber: invoice.displayNumber, date: date("2026-11-29"),
                                                       lines: [CreditLineRequest(line: 1, quantity: Quantity(3))],
                                                       reason: "x"))
        }
        #expect(tooMany?.fieldIssues == [FieldIssue("lines[1].quantity", "3 is more than the 2 left uncredited on line 1")])
    }

    @Test func partsOfALineSumExactlyAndFullReversalTakesTheRest() throws {
        let (ledger, invoice) = try ledgerWithSale()
        // Line 2: 3 × 33.33 @ 6 % = 99.99 + 6.00 (5.9994 rounded); credited 1 at a time: 33.33 + 2.00 each.
        let cn = { (lines: [CreditLineRequest]) in
            try ledger.service.run(IssueLineCreditNote(invoiceNumber: invoice.displayNumber, date: date("2026-11-29"),
                                                       lines: lines, reason: "return")).creditNote
        }
        let first = try cn([CreditLineRequest(line: 2, quantity: Quantity(1))])
        #expect(first.subtotal == cny("33.33") && first.taxTotal == cny("2.00"))
        let allowance = try cn([CreditLineRequest(line: 3, allowance: cny("4.00"))])
        #expect(allowance.subtotal == cny("4.00") && allowance.taxTotal == cny("0.52"))
        let rest = try cn([])
        // Everything left: line 1 300.00 + 39.00, line 2 66.66 + 4.00, line 3 6.00 + 0.78.
        #expect(rest.subtotal == cny("372.66"))
        #expect(rest.taxTotal == cny("43.78"))
        #expect(rest.lines.map(\.creditsLine) == [1, 2, 3])
        let net = try ledger.store.salesReport(by: .customer, from: nil, to: nil).first
        #expect(net?.net == 0 && net?.tax == 0 && net?.total == 0)
        let again = #expect(throws: LedgerError.self) { try cn([]) }
        #expect(again?.fieldIssues.first?.message.contains("already fully credited") == true)
        #expect(try ledger.store.invoices(filter: InvoiceFilter(customerCode: "C1", kind: .invoice), page: PageRequest())
            .first?.open == 0)
    }

    @Test func draftsAreListedPostedAndDeleted() throws {
        let (ledger, _) = try ledgerWithSale()
        var draft = PostInvoice(customerCode: "C1", date: date("2026-11-10"), lines: [
            LineInput(productSKU: "CHAIR", quantity: Quantity(2)),
            LineInput(description: "包装", quantity: Quantity(1), unitPrice: cny("5.00"), taxRate: Self.vat13),
        ])
        draft.asDraft = true
        let saved = try ledger.service.run(draft)
        var second = draft
        second.date = date("2026-11-28")
        let other = try ledger.service.run(second)
        let drafts = try ledger.store.drafts()
        #expect(drafts.map(\.id) == [saved.id, other.id])
        #expect(DraftAge.days(drafts[0].date, today: date("2026-11-29")) == 19)
        #expect(DraftLookup.id("D\(saved.id)") == saved.id && DraftLookup.id("draft #\(saved.id)") == saved.id)
        let posted = try ledger.service.run(PostDraft(draftID: saved.id))
        #expect(posted.displayNumber == "INV-2026-000002")
        #expect(posted.total == cny("231.65"))  // 200 + 26 + 5 + 0.65
        #expect(posted.lines[1].productID == nil && posted.lines[1].description == "包装")
        try ledger.service.run(DeleteDraft(draftID: other.id))
        #expect(try ledger.store.drafts().isEmpty)
        #expect(throws: LedgerError.self) { try ledger.service.run(DeleteDraft(draftID: posted.id)) }
    }

    @Test func lookupRanksExactCodeFirst() throws {
        let ledger = try TestLedger()
        try ledger.customer("FRANS", "Franchi S.p.A.")
        try ledger.customer("BRANCH", "Branch Office")
        try ledger.customer("RANCH", "Rancho Grande")
        try ledger.customer("RANCHO", "Other")
        let asOf = date("2026-11-29")
        #expect(try ledger.store.customers(search: "ranch", asOf: asOf, page: PageRequest()).map(\.code)
            == ["RANCH", "RANCHO", "BRANCH", "FRANS"])
        try ledger.service.run(CreateProduct(sku: "AB1", name: "Cable AB", unitPrice: cny("1")))
        try ledger.service.run(CreateProduct(sku: "XAB", name: "AB cable", unitPrice: cny("1")))
        try ledger.service.run(CreateProduct(sku: "AB", name: "Other", unitPrice: cny("1")))
        #expect(try ledger.store.products(search: "ab", page: PageRequest()).map(\.sku) == ["AB", "AB1", "XAB"])
        #expect(try ledger.store.products(search: nil, page: PageRequest()).map(\.sku) == ["AB", "AB1", "XAB"])
    }

    @Test func polyphonesAreFoundByEveryReading() throws {
        let ledger = try TestLedger()
        try ledger.customer("CQ1", "重庆山城贸易")
        try ledger.customer("CS1", "长沙湘江商行")
        try ledger.customer("CC1", "长春一汽配件")
        try ledger.customer("CH1", "长城电器")
        try ledger.customer("CH2", "长虹电子")
        let asOf = date("2026-11-29")
        func codes(_ text: String) throws -> [String] {
            try ledger.store.customers(search: text, asOf: asOf, page: PageRequest()).map(\.code)
        }
        #expect(try codes("cq") == ["CQ1"])
        #expect(try codes("chongqing") == ["CQ1"])
        #expect(try codes("zhongqing") == ["CQ1"])
        #expect(try codes("changsha") == ["CS1"])
        #expect(try codes("cs") == ["CS1"])
        #expect(try codes("changchun") == ["CC1"])
        #expect(try codes("changcheng") == ["CH1"])
        #expect(try codes("changhong") == ["CH2"])
        #expect(SearchKeys.pinyin(for: "重庆").initials.split(separator: "|").contains("cq"))
        #expect(SearchKeys.pinyin(for: "北京星河科技有限公司").initials == "bjxhkjyxgs")
    }
}
