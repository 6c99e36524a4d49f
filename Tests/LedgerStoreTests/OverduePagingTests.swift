import Foundation
import Testing
@testable import LedgerCore
import LedgerInterop
import LedgerReports
@testable import LedgerStore

/// s12-screens (issue 10): the receivables screen's overdue list is read a keyset page at a time in SQL, and the
/// dashboard's reminders read only the candidate invoices. The pages, put together, equal the whole list sorted the
/// old way (every open item as of the date, past due, sorted in Swift), for both orders, today (maintained open
/// rows) and at past dates (the "open as of" rule); the counts equal the list's length; the reminders due equal the
/// full reminder list's due entries.
@Suite struct OverduePagingTests {
    static func generated() throws -> (TestLedger, CivilDate) {
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        let today = try day("2026-11-29")
        let ledger = try TestLedger(today: "2026-11-29")
        let gen = SampleGenerator(language: .zh, customers: 30, invoices: 700, seed: 5, today: today, cities: cities)
        _ = try ledger.service.runBatch { try gen.load(into: $0) }
        return (ledger, today)
    }

    /// The old way: every open item, past due, in `currency`, sorted in memory as the screen sorted it.
    static func reference(_ store: SQLiteLedgerStore, asOf: CivilDate, currency: Currency,
                          order: OverdueOrder) throws -> [OpenItem] {
        let items = try store.openItems(asOf: asOf).filter { $0.dueDate < asOf && $0.currency == currency }
        return order == .dueDate
            ? items.sorted { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }
            : items.sorted { ($0.open, $1.number) > ($1.open, $0.number) }
    }

    static func paged(_ store: SQLiteLedgerStore, asOf: CivilDate, currency: Currency, order: OverdueOrder,
                      limit: Int, backwards: Bool = false) throws -> [OpenItem] {
        var all: [OpenItem] = []
        while true {
            let page = try store.overdueItems(asOf: asOf, currency: currency, order: order,
                                              after: backwards ? all.first : all.last, backwards: backwards,
                                              limit: limit)
            all = backwards ? page + all : all + page
            if page.count < limit { return all }
        }
    }

    @Test func pagesEqualTheWholeSortedList() throws {
        let (ledger, today) = try Self.generated()
        var seen = 0
        for asOf in [today, today.adding(days: -100), today.adding(days: -400)] {
            let counts = try ledger.store.overdueCounts(asOf: asOf)
            let currencies = Set(try ledger.store.openItems(asOf: asOf).filter { $0.dueDate < asOf }.map(\.currency))
            #expect(Set(counts.keys) == currencies, "\(asOf)")
            for currency in currencies {
                for order in OverdueOrder.allCases {
                    let expected = try Self.reference(ledger.store, asOf: asOf, currency: currency, order: order)
                    #expect(counts[currency] == expected.count, "count \(asOf) \(currency)")
                    for limit in [1, 7, 50, 10_000] {
                        let pages = try Self.paged(ledger.store, asOf: asOf, currency: currency, order: order,
                                                   limit: limit)
                        #expect(pages == expected, "\(asOf) \(currency) \(order) pages of \(limit)")
                        let back = try Self.paged(ledger.store, asOf: asOf, currency: currency, order: order,
                                                  limit: limit, backwards: true)
                        #expect(back == expected, "\(asOf) \(currency) \(order) pages of \(limit) from the end")
                    }
                    seen += expected.count
                }
            }
        }
        #expect(seen > 100, "the generated ledger has overdue invoices")
    }

    /// s14-recv: from the last entry on, the count reads the maintained due months before the as-of month and the
    /// index only for that month's days; on every day of two months (first, middle, last days included) and after
    /// a receipt, it equals the list's length the old way, per currency.
    @Test func overdueCountsFromDueMonthsEqualTheList() throws {
        let (ledger, today) = try Self.generated()
        func check(_ asOf: CivilDate) throws {
            var expected: [Currency: Int] = [:]
            for item in try ledger.store.openItems(asOf: asOf) where item.dueDate < asOf {
                expected[item.currency, default: 0] += 1
            }
            #expect(try ledger.store.overdueCounts(asOf: asOf) == expected, "\(asOf)")
            #expect(expected.values.reduce(0, +) > 0, "\(asOf): overdue invoices")
        }
        for offset in 0...62 { try check(today.adding(days: offset)) }
        // A receipt that settles the oldest overdue invoice: its due month's row falls by one.
        let oldest = try Self.reference(ledger.store, asOf: today, currency: .cny, order: .dueDate)[0]
        _ = try ledger.service.run(RecordReceipt(customerCode: oldest.customerCode, date: today,
                                                 amount: Money(minorUnits: oldest.open, currency: .cny),
                                                 allocation: .manual([ManualAllocation(
                                                     invoiceNumber: oldest.number,
                                                     amount: Money(minorUnits: oldest.open, currency: .cny))])))
        for offset in [0, 1, 33] { try check(today.adding(days: offset)) }
    }

    /// Equal amounts: the amount order breaks ties by number, across page ends.
    @Test func amountTiesAcrossPages() throws {
        let ledger = try TestLedger(today: "2026-06-30")
        _ = try ledger.service.run(CreateCustomer(CustomerFields(code: "C1", name: "Ties Ltd")))
        for day in 1...9 {
            let amount: Int64 = day % 3 == 0 ? 50_000 : 20_000
            var post = PostInvoice(customerCode: "C1", date: CivilDate(year: 2026, month: 1, day: day)!,
                                   lines: [LineInput(description: "x", quantity: Quantity(1),
                                                     unitPrice: Money(minorUnits: amount, currency: .cny))])
            post.creditOverrideReason = "test"
            _ = try ledger.service.run(post)
        }
        let asOf = try day("2026-06-30")
        let expected = try Self.reference(ledger.store, asOf: asOf, currency: .cny, order: .amount)
        #expect(expected.count == 9)
        for limit in 1...4 {
            #expect(try Self.paged(ledger.store, asOf: asOf, currency: .cny, order: .amount, limit: limit) == expected)
            #expect(try Self.paged(ledger.store, asOf: asOf, currency: .cny, order: .amount, limit: limit,
                                   backwards: true) == expected, "from the end, pages of \(limit)")
        }
    }

    /// The dashboard's reminders (due only, read from the candidates) equal the full list's due entries, at several
    /// dates, with contacts, promises and snoozes on some customers.
    @Test func dueRemindersFromCandidatesEqualTheFullList() throws {
        let (ledger, today) = try Self.generated()
        let open = try ledger.store.openItems(asOf: today).filter { $0.dueDate < today }
        for (i, item) in open.prefix(6).enumerated() {
            if i % 2 == 0 {
                _ = try ledger.service.run(LogContact(customerCode: item.customerCode, invoiceNumber: item.number,
                                                      date: today.adding(days: -10 - i), who: "tester",
                                                      channel: .phone, note: "called",
                                                      promisedDate: today.adding(days: -3 - i)))
            } else {
                _ = try ledger.service.run(SnoozeReminders(customerCode: item.customerCode,
                                                           invoiceNumber: item.number,
                                                           until: today.adding(days: 5), reason: "travel"))
            }
        }
        let reports = Reports(store: ledger.store)
        var due = 0
        for offset in [0, -1, -2, -3, -5, -8, -30, -200] {
            let date = today.adding(days: offset)
            let full = try reports.reminders(on: date, dueOnly: false).filter { $0.dueReminder != nil }
            let fast = try reports.reminders(on: date, dueOnly: true)
            #expect(fast == full, "reminders due on \(date)")
            due += fast.count
        }
        #expect(due > 20, "reminders fall due on those dates")
    }

    /// The store's candidate condition (SQL) and `ReminderCandidates.contains` agree, and every invoice without
    /// contacts or snoozes that has a reminder due is a candidate.
    @Test func candidatesCoverEveryDueReminder() throws {
        let rules = ReminderRules(standardPolicy: ReminderPolicy(daysBeforeDue: [3, 10], onDueDate: true,
                                                                 overdueEveryDays: 7),
                                  byCustomerClass: ["A": ReminderPolicy(daysBeforeDue: [], onDueDate: false,
                                                                        overdueEveryDays: 3)])
        let date = try day("2026-06-30")
        let engine = ReminderEngine(on: date, contacts: [], snoozes: [], rules: rules, dueOnly: true)
        let candidates = engine.candidates
        #expect(candidates.daysBeforeDue == [0, 3, 10] && candidates.everyDays == [3, 7])
        for days in -20...400 {
            for customerClass in ["", "A"] {
                let invoice = ReceivableDocument(id: 1, kind: .invoice, number: "I1", customerID: 1, date: date,
                                                 dueDate: date.adding(days: -days), currency: .cny, total: 100)
                var customer = Customer(id: 1, code: "C1", name: "C")
                customer.customerClass = customerClass
                if engine.item(invoice: invoice, open: 100, customer: customer) != nil {
                    #expect(candidates.contains(daysOverdue: days, customerID: 1), "\(days) \(customerClass)")
                }
            }
        }
    }
}
