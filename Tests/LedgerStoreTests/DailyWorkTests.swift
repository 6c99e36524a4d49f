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
        #expect(tooMany?.fieldIssues
                == [FieldIssue("lines[1].quantity", "line 1: 3 is more than the 2 left to credit")])
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
        // An allowance credits an amount, not a quantity (shown with an empty quantity); a return is not one.
        #expect(allowance.lines.map(\.isAllowance) == [true] && first.lines.map(\.isAllowance) == [false])
        #expect(invoice.lines.allSatisfy { !$0.isAllowance })
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

/// Pure pieces of issue 11: periods, the receipt preview, in-memory search, and the document browser query.
@Suite struct DailyWorkPieceTests {
    @Test func standardPeriodsAreNotRepeated() {
        let mid = ReportPeriod.standard(today: date("2026-11-29"))
        #expect(mid.map(\.kind) == [.thisMonth, .lastMonth, .thisQuarter, .thisYear, .last12Months])
        #expect(mid[1].from == date("2026-10-01") && mid[1].to == date("2026-10-31"))
        #expect(mid[2].from == date("2026-10-01") && mid[4].from == date("2025-12-01"))
        // On 1 January this month, this quarter and this year are one range: offered once.
        let newYear = ReportPeriod.standard(today: date("2026-01-01"))
        #expect(newYear.map(\.kind) == [.thisMonth, .lastMonth, .last12Months])
        #expect(newYear[0].name(chinese: true) == "本月")
    }

    @Test func receiptPreviewLeavesTheRestUnapplied() {
        let open = [AllocationPreview.OpenInvoice(number: "B", date: date("2026-11-02"), dueDate: date("2026-12-02"), open: 5_000),
                    AllocationPreview.OpenInvoice(number: "A", date: date("2026-11-01"), dueDate: date("2026-12-01"), open: 10_000)]
        let onB = AllocationPreview(amount: cny("80.00"), target: "B", open: open)
        #expect(onB.parts == [ManualAllocation(invoiceNumber: "B", amount: cny("50.00"))])
        #expect(onB.unapplied == 3_000)
        let auto = AllocationPreview(amount: cny("120.00"), target: nil, open: open)
        #expect(auto.parts.map(\.invoiceNumber) == ["A", "B"])
        #expect(auto.parts.map(\.amount) == [cny("100.00"), cny("20.00")])
        #expect(auto.unapplied == 0)
    }

    @Test func inMemorySearchMatchesPinyinReadingsAndRanks() {
        #expect(SearchMatch.rank("cq", code: "C1", name: "重庆山城贸易") == 2)
        #expect(SearchMatch.rank("ranch", code: "RANCH", name: "Rancho") == 0)
        #expect(SearchMatch.rank("ranch", code: "FRANS", name: "Franchi") == 3)
        #expect(SearchMatch.rank("zz", code: "C1", name: "重庆") == nil)
    }

    @Test func documentSearchFiltersByStatusAndText() throws {
        let ledger = try TestLedger()
        try ledger.customer("CQ1", "重庆山城贸易")
        try ledger.customer("BJ1", "北京星河")
        try ledger.invoice("CQ1", "2026-10-01", "100.00", due: "2026-10-31")
        try ledger.invoice("BJ1", "2026-11-20", "50.00")
        let today = date("2026-11-29")
        func numbers(_ search: DocumentSearch) throws -> [String] { try ledger.store.documents(search, page: PageRequest()).map(\.number) }
        #expect(try numbers(DocumentSearch(text: "cq", asOf: today)) == ["INV-2026-000001"])
        #expect(try numbers(DocumentSearch(status: .overdue, asOf: today)) == ["INV-2026-000001"])
        #expect(try numbers(DocumentSearch(asOf: today)) == ["INV-2026-000002", "INV-2026-000001"])
        try ledger.service.run(RecordReceipt(customerCode: "BJ1", date: today, amount: cny("50.00")))
        #expect(try numbers(DocumentSearch(status: .paid, asOf: today)) == ["INV-2026-000002"])
        let detail = try #require(try ledger.store.documentDetail(id: ledger.store.documents(DocumentSearch(text: "INV-2026-000002", asOf: today), page: PageRequest())[0].id))
        #expect(detail.open == 0 && detail.allocations.map(\.sourceNumber) == ["RCT-2026-000001"])
    }
}
