import Testing
import LedgerCore
import LedgerStore

@Suite struct CommandValidationTests {
    @Test func createCustomerReportsEveryFieldAtOnce() throws {
        let ledger = try TestLedger()
        var fields = CustomerFields(code: "", name: " ")
        fields.email = "not-an-email"
        fields.phone = "call me"
        fields.creditLimit = cny("-5")
        let error = #expect(throws: LedgerError.self) { try ledger.service.run(CreateCustomer(fields)) }
        #expect(error?.fieldIssues.map(\.path) == ["code", "name", "email", "phone", "creditLimit"])
        #expect(try ledger.store.summary().customers == 0)
        #expect(try ledger.store.auditCount() == 0)
    }

    @Test func duplicateCustomerCodeIsRefused() throws {
        let ledger = try TestLedger()
        try ledger.customer("C1", "北京星河科技有限公司")
        let error = #expect(throws: LedgerError.self) { try ledger.customer("C1", "Other") }
        #expect(error?.fieldIssues == [FieldIssue("code", "customer code 'C1' is already used")])
    }

    @Test func customerGetsPinyinSearchKeys() throws {
        let ledger = try TestLedger()
        let c = try ledger.customer("C1", "北京星河科技有限公司")
        #expect(c.pinyinInitials == "bjxhkjyxgs")
        let found = try ledger.store.customers(search: "bjxh", asOf: date("2026-11-29"), page: PageRequest())
        #expect(found.map(\.code) == ["C1"])
        #expect(try ledger.store.customers(search: "beijing", asOf: date("2026-11-29"), page: PageRequest()).count == 1)
        #expect(try ledger.store.customers(search: "星河", asOf: date("2026-11-29"), page: PageRequest()).count == 1)
        #expect(try ledger.store.customers(search: "shanghai", asOf: date("2026-11-29"), page: PageRequest()).isEmpty)
    }

    @Test func postInvoiceReportsEveryLineIssue() throws {
        let ledger = try TestLedger()
        try ledger.customer("C1")
        var post = PostInvoice(customerCode: "C1", date: date("2026-11-29"), lines: [
            LineInput(productSKU: "NOPE", quantity: Quantity(1)),
            LineInput(description: "x", quantity: Quantity(0), unitPrice: cny("5")),
            LineInput(description: "y", quantity: Quantity(1), unitPrice: cny("5"), discount: Rate(basisPoints: 12_000)),
        ])
        post.dueDate = date("2026-11-01")
        post.salespersonCode = "GHOST"
        let error = #expect(throws: LedgerError.self) { try ledger.service.run(post) }
        let issues = error?.fieldIssues ?? []
        #expect(issues.contains(FieldIssue("lines[1].product", "unknown product code NOPE")))
        #expect(issues.contains(FieldIssue("lines[2].quantity", "quantity must be greater than 0")))
        #expect(issues.contains(FieldIssue("lines[3].discount", "discount must be between 0% and 100%")))
        #expect(issues.contains(FieldIssue("dueDate", "due date 2026-11-01 is before the invoice date 2026-11-29")))
        #expect(issues.contains(FieldIssue("salesperson", "unknown salesperson code GHOST")))
        #expect(try ledger.store.summary().invoices == 0)
        let unknown = #expect(throws: LedgerError.self) {
            try ledger.service.run(PostInvoice(customerCode: "ZZ", date: date("2026-11-29"), lines: []))
        }
        #expect(unknown?.fieldIssues.map(\.path) == ["customer", "lines"])
    }

    @Test func invoiceTotalsAndDefaults() throws {
        let ledger = try TestLedger()
        try ledger.customer("C1", terms: .endOfMonthPlusDays(30))
        let product = try ledger.service.run(CreateProduct(sku: "P1", name: "办公椅", unitPrice: cny("1,299.00"),
                                                          taxRate: Rate(basisPoints: 1300)))
        #expect(product.pinyinInitials == "bgy")
        let invoice = try ledger.service.run(PostInvoice(customerCode: "C1", date: date("2026-01-15"), lines: [
            LineInput(productSKU: "P1", quantity: Quantity(3), discount: Rate(basisPoints: 500)),
            LineInput(description: "安装", quantity: Quantity(thousandths: 1500), unitPrice: cny("0.69")),
        ]))
        #expect(invoice.displayNumber == "INV-2026-000001")
        #expect(invoice.dueDate == date("2026-03-02"))
        #expect(invoice.lines[0].netAmount == cny("3702.15"))   // 1299 × 3 × 0.95
        #expect(invoice.lines[0].taxAmount == cny("481.28"))    // 3702.15 × 13 % = 481.2795
        #expect(invoice.lines[1].netAmount == cny("1.04"))
        #expect(invoice.total == cny("4184.47"))
        let stored = try #require(try ledger.store.invoiceDocument(number: "INV-2026-000001"))
        #expect(stored == invoice)
    }

    @Test func receiptValidationAndAllocation() throws {
        let ledger = try TestLedger()
        try ledger.customer("C1")
        let a = try ledger.invoice("C1", "2026-01-10", "100.00")
        let b = try ledger.invoice("C1", "2026-01-05", "50.00")
        let bad = #expect(throws: LedgerError.self) {
            try ledger.service.run(RecordReceipt(customerCode: "C1", date: date("2026-02-01"), amount: cny("0")))
        }
        #expect(bad?.fieldIssues == [FieldIssue("amount", "amount must be greater than 0")])
        let over = #expect(throws: LedgerError.self) {
            try ledger.service.run(RecordReceipt(customerCode: "C1", date: date("2026-02-01"), amount: cny("500"),
                                                 allocation: .manual([ManualAllocation(invoiceNumber: a.displayNumber, amount: cny("150"))])))
        }
        #expect(over?.fieldIssues.first?.path == "allocations[1].amount")
        // Auto: oldest due date first (b is due first), then a; 30 left over as unapplied credit.
        let outcome = try ledger.service.run(RecordReceipt(customerCode: "C1", date: date("2026-02-01"), amount: cny("180")))
        #expect(outcome.allocation.allocations.map(\.invoiceID) == [b.id, a.id])
        #expect(outcome.allocation.allocations.map(\.amount) == [cny("50"), cny("100")])
        #expect(outcome.allocation.unapplied == cny("30"))
        let row = try #require(try ledger.store.customers(search: "C1", asOf: date("2026-11-29"), page: PageRequest()).first)
        #expect(row.balance == -3000)
    }

    @Test func voidNeedsManagerReasonAndNoAllocations() throws {
        let clerk = try TestLedger(role: .clerk)
        try clerk.customer("C1")
        let inv = try clerk.invoice("C1", "2026-01-10", "100.00")
        #expect(throws: LedgerError.permissionDenied("invoice.void needs the manager or admin role (you are clerk)")) {
            try clerk.service.run(VoidInvoice(number: inv.displayNumber, reason: "typo"))
        }
        clerk.service.role = .manager
        #expect(throws: LedgerError.validation([FieldIssue("reason", "a reason is required")])) {
            try clerk.service.run(VoidInvoice(number: inv.displayNumber, reason: ""))
        }
        try clerk.service.run(RecordReceipt(customerCode: "C1", date: date("2026-01-20"), amount: cny("10")))
        #expect(throws: LedgerError.self) { try clerk.service.run(VoidInvoice(number: inv.displayNumber, reason: "typo")) }
        let second = try clerk.invoice("C1", "2026-01-11", "70.00")
        let voided = try clerk.service.run(VoidInvoice(number: second.displayNumber, reason: "entered twice"))
        #expect(voided.status == .void)
        // The number stays used: the next invoice does not reuse 2.
        #expect(try clerk.invoice("C1", "2026-01-12", "5.00").number == 3)
        #expect(try clerk.store.openItems(asOf: date("2026-12-31")).map(\.number) == [inv.displayNumber, "INV-2026-000003"])
    }

    @Test func auditorCannotWrite() throws {
        let ledger = try TestLedger(role: .auditor)
        #expect(throws: LedgerError.self) { try ledger.customer("C1") }
    }

    @Test func creditHoldNeedsManagerOverrideWithReason() throws {
        let ledger = try TestLedger(today: "2026-06-30", role: .clerk)
        try ledger.customer("C1", limit: 100_00)
        var post = PostInvoice(customerCode: "C1", date: date("2026-06-30"),
                               lines: [LineInput(description: "x", quantity: Quantity(1), unitPrice: cny("150"))])
        let hold = #expect(throws: LedgerError.self) { try ledger.service.run(post) }
        guard case let .creditHold(reasons)? = hold else { Issue.record("expected a credit hold"); return }
        #expect(reasons == ["balance would be 150.00, over the credit limit 100.00 CNY"])
        post.creditOverrideReason = "paid cash on delivery"
        #expect(throws: LedgerError.self) { try ledger.service.run(post) }   // a clerk may not override
        ledger.service.role = .manager
        let invoice = try ledger.service.run(post)
        #expect(invoice.total == cny("150"))
        #expect(try ledger.store.scalar("SELECT payload FROM audit_log WHERE command = 'invoice.post'")?.contains("paid cash on delivery") == true)
    }

    @Test func overdueCustomerIsHeld() throws {
        let ledger = try TestLedger(today: "2026-06-30")
        try ledger.customer("C1")
        try ledger.invoice("C1", "2026-03-01", "10.00")      // due 03-31: 91 days overdue on 06-30
        let post = PostInvoice(customerCode: "C1", date: date("2026-06-30"),
                               lines: [LineInput(description: "x", quantity: Quantity(1), unitPrice: cny("1"))])
        let hold = #expect(throws: LedgerError.self) { try ledger.service.run(post) }
        #expect(hold?.description.contains("INV-2026-000001 is 91 days overdue") == true)
    }

    /// The hold follows the reminder policy's "stop further credit" level (45 days by default, configurable).
    @Test func stopCreditLevelFollowsTheReminderRules() throws {
        let ledger = try TestLedger(today: "2026-06-30")
        try ledger.customer("C1")
        try ledger.invoice("C1", "2026-04-16", "10.00")      // due 05-16: 45 days overdue on 06-30
        var post = PostInvoice(customerCode: "C1", date: date("2026-06-30"),
                               lines: [LineInput(description: "x", quantity: Quantity(1), unitPrice: cny("1"))])
        let hold = #expect(throws: LedgerError.self) { try ledger.service.run(post) }
        #expect(hold?.description.contains("45 days overdue (stop further credit from 45 days)") == true)
        try ledger.service.run(SetReminderRules(ReminderRules(standardPolicy: ReminderPolicy(stopCreditFromDays: 90))))
        post.note = "after the policy change"
        #expect(try ledger.service.run(post).total == cny("1"))
    }

    @Test func usersAndRolesAreManagedByAdminsOnly() throws {
        let ledger = try TestLedger()
        // s19 tryout: a first user who is not an admin locked the ledger's owner out of user management.
        #expect(throws: LedgerError.refused("the first user must be an active admin, or no one could manage users: "
                                            + "add yourself first (user set NAME --role admin)")) {
            try ledger.service.run(SetUser(LedgerUser(name: "amy", role: .clerk)))
        }
        #expect(try ledger.store.users().isEmpty)
        try ledger.service.run(SetUser(LedgerUser(name: "boss", role: .admin)))
        try ledger.service.run(SetUser(LedgerUser(name: "amy", role: .clerk)))
        #expect(try ledger.store.users().map(\.name) == ["amy", "boss"])
        #expect(throws: LedgerError.refused("boss is the last admin; make another admin first")) {
            try ledger.service.run(SetUser(LedgerUser(name: "boss", role: .manager)))
        }
        ledger.service.role = .clerk
        #expect(throws: LedgerError.permissionDenied("user.set needs the admin role (you are clerk)")) {
            try ledger.service.run(SetUser(LedgerUser(name: "amy", role: .admin)))
        }
        #expect(try ledger.store.users().first { $0.name == "amy" }?.role == .clerk)
        #expect(try ledger.store.scalar("SELECT COUNT(*) FROM audit_log WHERE command = 'user.set'") == "2")
    }
}
