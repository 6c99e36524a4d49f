import Testing
@testable import LedgerCore
import LedgerReports
@testable import LedgerStore

/// s13-recv (issue 10): the reminders due on a date are read a keyset page at a time and counted in SQL from the
/// engine's selection (due dates per policy; contacted or snoozed customers decided one by one). On a generated
/// ledger with contacts, promises, snoozes, disputes and a class policy, the pages put together (forwards from the
/// first, backwards from the last, several page sizes) and the counts equal the engine over every open invoice.
@Suite struct ReminderPagingTests {
    static func prepared(classPolicy: Bool) throws -> (TestLedger, CivilDate) {
        let (ledger, today) = try OverduePagingTests.generated()
        let open = try ledger.store.openItems(asOf: today).filter { $0.dueDate < today }
        for (i, item) in open.prefix(9).enumerated() {
            switch i % 3 {
            case 0:
                _ = try ledger.service.run(LogContact(customerCode: item.customerCode, invoiceNumber: item.number,
                                                      date: today.adding(days: -10 - i), who: "tester",
                                                      channel: .phone, note: "called",
                                                      promisedDate: today.adding(days: -3 - i)))
            case 1:
                _ = try ledger.service.run(SnoozeReminders(customerCode: item.customerCode,
                                                           invoiceNumber: item.number,
                                                           until: today.adding(days: 5), reason: "travel"))
            default:
                _ = try ledger.service.run(SetDispute(number: item.number, isDisputed: true, reason: "damaged"))
            }
        }
        if classPolicy {
            // Every generated customer has class "": its own policy; the standard one applies to no one.
            let rules = ReminderRules(standardPolicy: ReminderPolicy(daysBeforeDue: [3, 10], overdueEveryDays: 7),
                                      byCustomerClass: ["": ReminderPolicy(daysBeforeDue: [5], onDueDate: false,
                                                                           overdueEveryDays: 3)])
            try ledger.service.run(SetReminderRules(rules))
        }
        return (ledger, today)
    }

    static func pages(_ reports: Reports, on date: CivilDate, limit: Int, backwards: Bool) throws -> [ReminderItem] {
        var all: [ReminderItem] = []
        var from: ReminderKey?
        while true {
            let page = try reports.reminderPage(on: date, from: from, backwards: backwards, limit: limit)
            all = backwards ? page.items + all : all + page.items
            #expect(page.keys.count == page.items.count)
            if page.items.count < limit { return all }
            from = backwards ? page.keys.first : page.keys.last
        }
    }

    @Test(arguments: [false, true])
    func pagesAndCountsEqualTheEngineOverEveryOpenInvoice(classPolicy: Bool) throws {
        let (ledger, today) = try Self.prepared(classPolicy: classPolicy)
        let reports = Reports(store: ledger.store)
        var due = 0
        // From the last entry on (0 and later) the count reads the maintained due days (s14-recv) when one policy
        // covers everyone; before it, and with a class policy, the index.
        for offset in [0, -1, -2, -3, -5, -8, -30, -200, 1, 4, 9, 31] {
            let date = today.adding(days: offset)
            let full = try reports.reminders(on: date, dueOnly: false).filter { $0.dueReminder != nil }
            var counts: [Currency: Int] = [:]
            for item in full { counts[item.currency, default: 0] += 1 }
            #expect(try reports.reminderCounts(on: date) == counts, "counts on \(date)")
            #expect(try reports.reminders(on: date, dueOnly: true) == full, "due list on \(date)")
            for limit in [1, 7, 50, 10_000] {
                #expect(try Self.pages(reports, on: date, limit: limit, backwards: false) == full, "\(date) \(limit)")
                #expect(try Self.pages(reports, on: date, limit: limit, backwards: true) == full, "\(date) \(limit) ←")
            }
            let dashboard = try reports.dashboard(asOf: date, overduePage: 7)
            #expect(dashboard.reminders.items == Array(full.prefix(7)) && dashboard.reminderTotal == full.count)
            due += full.count
        }
        #expect(due > 20, "reminders fall due on those dates")
    }

    /// s14-recv: the count from the maintained due days follows every change of an open invoice (a receipt that
    /// settles one, a part payment, a dispute set and cleared, a contact) and equals the engine over every open
    /// invoice; the maintained table equals its recomputation.
    @Test func maintainedCountFollowsChanges() throws {
        let (ledger, today) = try Self.prepared(classPolicy: false)
        let reports = Reports(store: ledger.store)
        func check(_ what: String) throws {
            for offset in [0, 2, 7] {
                let date = today.adding(days: offset)
                var counts: [Currency: Int] = [:]
                for item in try reports.reminders(on: date, dueOnly: false) where item.dueReminder != nil {
                    counts[item.currency, default: 0] += 1
                }
                #expect(try reports.reminderCounts(on: date) == counts, "\(what): counts on \(date)")
            }
            #expect(try ledger.store.recomputeMaintainedBalances().isEmpty, "\(what)")
        }
        try check("generated")
        let due = try reports.reminders(on: today, dueOnly: true)
        #expect(due.count > 3)
        let settled = due[0], part = due[1], disputed = due[2]
        _ = try ledger.service.run(RecordReceipt(
            customerCode: settled.customerCode, date: today, amount: Money(minorUnits: settled.open, currency: .cny),
            allocation: .manual([ManualAllocation(invoiceNumber: settled.invoiceNumber,
                                                  amount: Money(minorUnits: settled.open, currency: .cny))])))
        try check("settled")
        _ = try ledger.service.run(RecordReceipt(
            customerCode: part.customerCode, date: today, amount: Money(minorUnits: 1, currency: .cny),
            allocation: .manual([ManualAllocation(invoiceNumber: part.invoiceNumber,
                                                  amount: Money(minorUnits: 1, currency: .cny))])))
        try check("part payment")
        _ = try ledger.service.run(SetDispute(number: disputed.invoiceNumber, isDisputed: true, reason: "damaged"))
        try check("disputed")
        _ = try ledger.service.run(SetDispute(number: disputed.invoiceNumber, isDisputed: false, reason: "settled"))
        try check("dispute cleared")
        _ = try ledger.service.run(LogContact(customerCode: part.customerCode, invoiceNumber: part.invoiceNumber,
                                              date: today, who: "tester", channel: .phone, note: "called",
                                              promisedDate: nil))
        try check("contacted")
    }
}
