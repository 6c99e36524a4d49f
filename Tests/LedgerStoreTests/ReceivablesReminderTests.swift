import Testing
@testable import LedgerCore
import LedgerStore

/// The reminder schedule across a month with contacts, a broken promise, a snooze, a dispute and a payment.
@Suite struct ReceivablesReminderTests {
    @Test func scheduleAcrossAMonthWithContactsPromisesAndSnoozes() throws {
        let ledger = try RecvLedger(today: "2025-05-02")
        try ledger.customer("R1", name: "Red Lantern")
        let x = try ledger.invoice("R1", "2025-05-02", "800.00")          // NET30 → due 2025-06-01
        let disputed = try ledger.invoice("R1", "2025-05-02", "300.00")
        try ledger.service.run(SetDispute(number: disputed.displayNumber, isDisputed: true, reason: "wrong goods"))
        try ledger.service.run(LogContact(customerCode: "R1", date: try day("2025-06-05"), who: "Li", channel: .phone,
                                          note: "left a message"))
        try ledger.service.run(LogContact(customerCode: "R1", invoiceNumber: x.displayNumber, date: try day("2025-06-10"),
                                          who: "Li", channel: .wechat, note: "will pay Friday",
                                          promisedDate: try day("2025-06-14")))
        try ledger.setToday("2025-06-24")
        try ledger.service.run(SnoozeReminders(customerCode: "R1", until: try day("2025-06-27"), reason: "owner travelling"))
        try ledger.receipt("R1", "2025-07-05", "800.00", try plan([(x.displayNumber, "800")]))

        let snapshot = try ledger.snapshot()
        var due: [String: ReminderItem] = [:]
        var dateText = try day("2025-05-20")
        while dateText <= (try day("2025-07-12")) {
            for item in Reminders.list(on: dateText, snapshot: snapshot, dueOnly: true) {
                #expect(item.invoiceID == x.id, "the disputed invoice never gets a reminder")
                due[dateText.description] = item
            }
            dateText = dateText.adding(days: 1)
        }
        #expect(due.keys.sorted() == ["2025-05-29", "2025-06-01", "2025-06-02", "2025-06-15", "2025-06-22",
                                      "2025-06-27", "2025-07-04"])
        #expect(due["2025-05-29"]?.dueReminder == .beforeDue(days: 3))
        #expect(due["2025-06-01"]?.dueReminder == .onDueDate)
        #expect(due["2025-06-02"]?.dueReminder == .overdue(days: 1))
        #expect(due["2025-06-02"]?.level == .friendly)
        #expect(due["2025-06-15"]?.dueReminder == .brokenPromise(promised: try day("2025-06-14")))
        #expect(due["2025-06-15"]?.level == .secondNotice)           // 14 days: friendly, +1 for the broken promise
        #expect(due["2025-06-22"]?.level == .finalNotice)            // 21 days: second notice, +1
        #expect(due["2025-06-27"]?.dueReminder == .overdue(days: 26)) // the day the snooze ends
        #expect(due["2025-07-04"]?.level == .stopCredit)             // 33 days: final notice, +1
        #expect(due["2025-07-04"]?.brokenPromises == 1)

        // While the promise is pending and while snoozed the invoice is still on the collection list.
        let pending = Reminders.list(on: try day("2025-06-12"), snapshot: snapshot)
        #expect(pending.map(\.invoiceID) == [x.id])
        #expect(pending.first?.pendingPromise == (try day("2025-06-14")))
        #expect(pending.first?.dueReminder == nil)
        #expect(Reminders.list(on: try day("2025-06-25"), snapshot: snapshot).first?.isSnoozed == true)
        // Every write was audited and the chain is intact.
        #expect(try ledger.store.auditCount() == 8)
        #expect(try ledger.store.verifyAuditChain() == nil)
        // Paid on 07-05: nothing afterwards.
        #expect(Reminders.list(on: try day("2025-07-11"), snapshot: snapshot).isEmpty)
    }

    @Test func policyPerCustomerClassIsStoredAndUsed() throws {
        let ledger = try RecvLedger(today: "2025-06-01")
        try ledger.customer("A1", customerClass: "A")
        try ledger.customer("B1", customerClass: "B")
        try ledger.invoice("A1", "2025-05-01", "100.00", due: "2025-05-31")
        try ledger.invoice("B1", "2025-05-01", "100.00", due: "2025-05-31")
        var rules = ReminderRules.standard
        rules.byCustomerClass["A"] = ReminderPolicy(daysBeforeDue: [], onDueDate: false, overdueEveryDays: 3,
                                                    secondNoticeFromDays: 5, finalNoticeFromDays: 10, stopCreditFromDays: 20)
        try ledger.service.run(SetReminderRules(rules))
        #expect(try ledger.store.storedReminderRules() == rules)
        var bad = rules
        bad.standardPolicy.overdueEveryDays = 0
        let error = #expect(throws: LedgerError.self) { try ledger.service.run(SetReminderRules(bad)) }
        #expect(error?.fieldIssues.map(\.path) == ["default.overdueEveryDays"])

        let snapshot = try ledger.snapshot()
        let stored = try ledger.store.storedReminderRules()
        func dueCodes(_ text: String) throws -> [String] {
            Reminders.list(on: try day(text), snapshot: snapshot, rules: stored, dueOnly: true).map(\.customerCode)
        }
        #expect(try dueCodes("2025-05-31") == ["B1"])            // class A: no on-due-date reminder
        #expect(try dueCodes("2025-06-01") == ["A1", "B1"])
        #expect(try dueCodes("2025-06-04") == ["A1"])            // every 3 days for class A
        #expect(try dueCodes("2025-06-08") == ["B1"])            // every 7 days otherwise
        let levels = Reminders.list(on: try day("2025-06-06"), snapshot: snapshot, rules: stored).map(\.level)
        #expect(levels == [.secondNotice, .friendly])
    }

    @Test func contactValidationNamesTheField() throws {
        let ledger = try RecvLedger(today: "2025-06-01")
        try ledger.customer("C1")
        let error = #expect(throws: LedgerError.self) {
            try ledger.service.run(LogContact(customerCode: "C1", invoiceNumber: "INV-1999-000001", date: try day("2025-06-01"),
                                              who: " ", channel: .visit, note: "", promisedDate: try day("2025-05-01")))
        }
        #expect(error?.fieldIssues.map(\.path) == ["invoice", "who", "promisedDate"])
        let snooze = #expect(throws: LedgerError.self) {
            try ledger.service.run(SnoozeReminders(customerCode: "C1", until: try day("2025-06-01"), reason: "x"))
        }
        #expect(snooze?.fieldIssues.map(\.path) == ["until"])
    }
}

/// A dispute, and its resolution, must say why: an empty reason is a field error and nothing changes.
@Suite struct DisputeReasonTests {
    @Test func anEmptyOrBlankReasonIsRefusedAndTheInvoiceStaysUndisputed() throws {
        let ledger = try RecvLedger(today: "2025-05-02")
        try ledger.customer("R1", name: "Red Lantern")
        let x = try ledger.invoice("R1", "2025-05-02", "800.00")
        for reason in ["", "   "] {
            let error = #expect(throws: LedgerError.self) {
                try ledger.service.run(SetDispute(number: x.displayNumber, isDisputed: true, reason: reason))
            }
            var paths: [String] = []
            if case .validation(let issues) = error { paths = issues.map(\.path) }
            #expect(paths == ["reason"])
        }
        let stored = try #require(try ledger.store.invoiceDocument(number: x.displayNumber))
        #expect(stored.isDisputed == false)
        let after = try ledger.service.run(SetDispute(number: x.displayNumber, isDisputed: true, reason: "short"))
        #expect(after.isDisputed && after.disputeReason == "short")
    }
}
