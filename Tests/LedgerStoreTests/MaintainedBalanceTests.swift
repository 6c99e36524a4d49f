import Foundation
import GRDB
import Testing
@testable import LedgerCore
import LedgerReports
import LedgerStore

/// Issue 10: the maintained open amounts and customer balances equal their recomputation after every command,
/// after the migration back-fills an existing ledger, and the as-of queries built on them agree with the
/// in-memory snapshot at any date.
@Suite struct MaintainedBalanceTests {
    /// Random commands through `LedgerService`; after each one maintained == recomputed.
    @Test(arguments: [UInt64(3), 11, 2025])
    func maintainedEqualsRecomputedAfterEveryCommand(seed: UInt64) throws {
        var rng = ReceivablesPropertyTests.SeededGenerator(state: seed)
        let ledger = try RecvLedger(today: "2025-12-31")
        let codes = ["M1", "M2", "M3"]
        for code in codes { try ledger.customer(code) }
        try ledger.customer("U1", currency: .usd)
        let start = try day("2025-01-01")
        var documents: [String: [String]] = [:]
        var receipts: [String: [String]] = [:]
        var allocationIDs: [String: [Int64]] = [:]
        var commands = 0
        for step in 0..<90 {
            let code = Int.random(in: 0..<8, using: &rng) == 0 ? "U1" : codes[Int.random(in: 0..<codes.count, using: &rng)]
            let currency: Currency = code == "U1" ? .usd : .cny
            let date = start.adding(days: step * 3 + Int.random(in: 0...2, using: &rng))
            try ledger.setToday(date.description)
            let amount = Money(minorUnits: Int64.random(in: 1...40_000, using: &rng), currency: currency)
            let mine = documents[code] ?? []
            let pick = mine.isEmpty ? nil : mine[Int.random(in: 0..<mine.count, using: &rng)]
            switch Int.random(in: 0..<11, using: &rng) {
            case 0...2:
                var post = PostInvoice(customerCode: code, date: date,
                                       lines: [LineInput(description: "x", quantity: Quantity(1), unitPrice: amount)])
                post.creditOverrideReason = "test"
                documents[code, default: []].append(try ledger.service.run(post).displayNumber)
            case 3, 4:
                let plan: AllocationPlan = Bool.random(using: &rng) ? .auto : .none
                let outcome = try ledger.service.run(RecordReceipt(customerCode: code, date: date, amount: amount,
                                                                   allocation: plan))
                receipts[code, default: []].append(outcome.receipt.displayNumber)
                allocationIDs[code, default: []] += outcome.allocation.allocations.map(\.id)
            case 5:
                // A credit beyond the invoice's open amount, or on a credit note, is refused: nothing changes.
                guard let credit = try? ledger.service.run(IssueCreditNote(
                    customerCode: code, date: date, appliesToNumber: Bool.random(using: &rng) ? pick : nil,
                    amount: amount, reason: "credit")) else { continue }
                documents[code, default: []].append(credit.creditNote.displayNumber)
                allocationIDs[code, default: []] += credit.allocation.allocations.map(\.id)
            case 6 where !(receipts[code] ?? []).isEmpty:
                let source = (receipts[code] ?? [])[Int.random(in: 0..<(receipts[code] ?? []).count, using: &rng)]
                guard let outcome = try? ledger.service.run(AllocateCredit(number: source)) else { continue }
                allocationIDs[code, default: []] += outcome.allocations.map(\.id)
            case 7 where !(allocationIDs[code] ?? []).isEmpty:
                let id = allocationIDs[code, default: []].remove(
                    at: Int.random(in: 0..<(allocationIDs[code] ?? []).count, using: &rng))
                guard (try? ledger.service.run(ReverseAllocation(allocationID: id, reason: "undo"))) != nil else { continue }
            case 8 where pick != nil:
                guard let pick, try ledger.open(pick) > 0,
                      (try? ledger.service.run(WriteOffInvoice(number: pick, reason: "bad debt", date: date))) != nil
                else { continue }
            case 9 where pick != nil:
                // Refused while allocated (then nothing changes); voids it otherwise.
                guard let pick, (try? ledger.service.run(VoidInvoice(number: pick, reason: "wrong"))) != nil else { continue }
            default:
                continue
            }
            commands += 1
            let differences = try ledger.store.recomputeMaintainedBalances()
            #expect(differences.isEmpty, "after command \(commands) (step \(step)): \(differences)")
        }
        #expect(commands > 30)
        // The as-of queries (maintained amounts + allocations after the date) agree with the snapshot everywhere.
        let snapshot = try ledger.snapshot()
        for offset in stride(from: 0, through: 300, by: 25) {
            let asOf = start.adding(days: offset)
            let items = try ledger.store.openItems(asOf: asOf)
            let expected = snapshot.openInvoices(asOf: asOf)
            #expect(items.map(\.number).sorted() == expected.map(\.invoice.number).sorted(), "as of \(asOf)")
            #expect(items.reduce(Int64(0)) { $0 + $1.open } == expected.reduce(Int64(0)) { $0 + $1.open }, "as of \(asOf)")
            // The streamed reminders (a cursor over the open invoices the engine can list, maintained rows when
            // nothing is later).
            #expect(try Reports(store: ledger.store).reminders(on: asOf, dueOnly: false)
                    == Reminders.list(on: asOf, snapshot: snapshot), "reminders as of \(asOf)")
            try Self.expectPivotsAgree(ledger.store, snapshot, items: items, asOf: asOf)
            // The register's counts by status (open and overdue read only the candidates, s31) equal its rows.
            for status in [DocumentSearch.Status.open, .overdue, .paid, .all] {
                let search = DocumentSearch(status: status, asOf: asOf)
                let rows = try ledger.store.documents(search, page: .all)
                #expect(try ledger.store.documentCount(search) == rows.count, "\(status) as of \(asOf)")
            }
            #expect(try ledger.store.documentCount(DocumentSearch(status: .open, asOf: asOf))
                    >= items.filter { $0.open > 0 }.count)
            // Every set-based report figure (aging cells, DSO, collections, payment days, write-offs) too.
            try SetBasedReportTests.expectSameFigures(ledger.store, snapshot, asOf: asOf, since: start)
            for customer in snapshot.customers {
                let credits = try ledger.store.unappliedCredits(asOf: asOf).filter { $0.customerID == customer.id }
                #expect(credits.reduce(Int64(0)) { $0 + $1.amount }
                        == snapshot.unappliedCredit(customerID: customer.id, currency: customer.currency, asOf: asOf),
                        "\(customer.code) as of \(asOf)")
            }
        }
    }

    /// The pivot's open and overdue measures (joined with the set-based "open as of") equal the open items per
    /// customer; sales and invoice counts by month × customer or region equal the documents' sums.
    static func expectPivotsAgree(_ store: SQLiteLedgerStore, _ snapshot: ReceivablesSnapshot, items: [OpenItem],
                                  asOf: CivilDate) throws {
        for measure in [PivotMeasure.openBalance, .overdue] {
            let query = PivotQuery(measure: measure, rows: .dimension("customer"), asOf: asOf)
            var expected: [String: Int64] = [:]
            for item in items where measure == .openBalance || item.dueDate < asOf {
                expected[item.customerCode, default: 0] += item.open
            }
            var facts: [String: Int64] = [:]
            for fact in try store.pivotFacts(query) where fact.value != 0 {
                facts[fact.rowKey, default: 0] += fact.value
            }
            #expect(facts == expected.filter { $0.value != 0 }, "\(measure) as of \(asOf)")
        }
        let codes = Dictionary(uniqueKeysWithValues: snapshot.customers.map { ($0.id, $0.code) })
        // By customer: the documents; by region to the end of a month: the maintained `sales_month`.
        for (measure, to, dimension) in [(PivotMeasure.sales, asOf, "customer"), (.invoices, asOf, "customer"),
                                         (.sales, asOf.endOfMonth, "region"), (.invoices, asOf.endOfMonth, "region")] {
            let query = PivotQuery(measure: measure, rows: .period(.month), columns: .dimension(dimension), to: to,
                                   asOf: asOf)
            var expected: [String: Int64] = [:]
            for doc in snapshot.documents where doc.date <= to {
                let key = "\(doc.date.monthKey) \(dimension == "region" ? doc.region : codes[doc.customerID] ?? "")"
                let sign: Int64 = doc.kind == .invoice ? 1 : -1
                expected[key, default: 0] += measure == .sales ? sign * doc.total : (doc.kind == .invoice ? 1 : 0)
            }
            var facts: [String: Int64] = [:]
            for fact in try store.pivotFacts(query) {
                facts["\(fact.rowKey) \(fact.columnKey)", default: 0] += fact.value
            }
            #expect(facts == expected, "\(measure) by month × customer to \(asOf)")
        }
    }

    /// A ledger made before the migration (its tables dropped, its migration forgotten) is back-filled on open.
    @Test func migrationBackfillsAnExistingLedger() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maintained-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/ledger.sqlite"
        do {
            let store = try SQLiteLedgerStore(path: path)
            let service = LedgerService(store: store, clock: FixedClock(try day("2026-03-31")), actor: "t", role: .admin)
            try service.run(CreateCustomer(CustomerFields(code: "B1", name: "Backfill Co")))
            for (date, amount) in [("2026-01-10", 10_000), ("2026-02-10", 25_000), ("2026-03-10", 5_000)] {
                var post = PostInvoice(customerCode: "B1", date: try day(date), lines: [
                    LineInput(description: "x", quantity: Quantity(1), unitPrice: Money(minorUnits: Int64(amount), currency: .cny)),
                ])
                post.creditOverrideReason = "test"
                try service.run(post)
            }
            // 150.00 settles the first invoice (100.00) and 50.00 of the second; 30.00 stays unapplied.
            try service.run(RecordReceipt(customerCode: "B1", date: try day("2026-03-20"),
                                          amount: Money(minorUnits: 15_000, currency: .cny), allocation: .auto))
            try service.run(RecordReceipt(customerCode: "B1", date: try day("2026-03-21"),
                                          amount: Money(minorUnits: 3_000, currency: .cny), allocation: .none))
        }
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            for trigger in try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'trigger'
                AND (name LIKE '%\\_open\\_%' ESCAPE '\\' OR name LIKE 'open\\_item\\_%' ESCAPE '\\')
                """) {
                try db.execute(sql: "DROP TRIGGER \(trigger)")
            }
            try db.execute(sql: """
                DROP TABLE open_item; DROP TABLE customer_balance; DROP INDEX allocation_date; DROP INDEX receipt_date;
                DELETE FROM grdb_migrations WHERE identifier = 'v17-maintained-balances';
                """)
        }
        try raw.close()
        let store = try SQLiteLedgerStore(path: path)
        #expect(try store.recomputeMaintainedBalances().isEmpty)
        let check = try DatabaseQueue(path: path)
        let row = try check.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM customer_balance WHERE currency = 'CNY'")
        }
        #expect(row?["open_invoices"] == Int64(25_000))
        #expect(row?["open_invoice_count"] == Int64(2))
        #expect(row?["unapplied_credits"] == Int64(3_000))
        #expect(row?["earliest_open_due"] == "2026-03-12")
        let triggers = try check.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%open%'")
        }
        #expect(triggers == 12)
        try check.close()
    }

    /// A ledger made before `open_due_month` (table, triggers and migration record removed) is back-filled from
    /// the maintained open rows on open, and the triggers keep it up to date afterwards.
    @Test func dueMonthMigrationBackfillsAnExistingLedger() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("due-month-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/ledger.sqlite"
        func post(_ service: LedgerService, _ date: String, _ amount: Int64) throws {
            var post = PostInvoice(customerCode: "B1", date: try day(date), lines: [
                LineInput(description: "x", quantity: Quantity(1),
                          unitPrice: Money(minorUnits: amount, currency: .cny)),
            ])
            post.creditOverrideReason = "test"
            try service.run(post)
        }
        do {
            let store = try SQLiteLedgerStore(path: path)
            let service = LedgerService(store: store, clock: FixedClock(try day("2026-03-31")), actor: "t",
                                        role: .admin)
            try service.run(CreateCustomer(CustomerFields(code: "B1", name: "Backfill Co")))
            for (date, amount) in [("2026-01-10", Int64(10_000)), ("2026-01-20", 25_000), ("2026-03-10", 5_000)] {
                try post(service, date, amount)
            }
            try service.run(RecordReceipt(customerCode: "B1", date: try day("2026-03-20"),
                                          amount: Money(minorUnits: 15_000, currency: .cny), allocation: .auto))
            // 10.00 received on 03-21, allocated to an invoice of 03-28, so dated 03-28: a late allocation (the
            // receipt is unapplied as of 03-25).
            let late = try service.run(RecordReceipt(customerCode: "B1", date: try day("2026-03-21"),
                                                     amount: Money(minorUnits: 1_000, currency: .cny),
                                                     allocation: .none))
            var newer = PostInvoice(customerCode: "B1", date: try day("2026-03-28"), lines: [
                LineInput(description: "x", quantity: Quantity(1), unitPrice: Money(minorUnits: 1_000, currency: .cny)),
            ])
            newer.creditOverrideReason = "test"
            let invoice = try service.run(newer)
            try service.run(AllocateCredit(number: late.receipt.displayNumber, plan: .manual([
                ManualAllocation(invoiceNumber: invoice.displayNumber,
                                 amount: Money(minorUnits: 1_000, currency: .cny)),
            ])))
        }
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            try db.execute(sql: """
                DROP TRIGGER late_allocation_insert; DROP TRIGGER late_allocation_update;
                DROP TRIGGER late_allocation_receipt_date; DROP TRIGGER late_allocation_credit_date;
                DROP TABLE late_allocation; DELETE FROM grdb_migrations WHERE identifier = 's12-late-allocation';
                DROP TRIGGER due_month_insert; DROP TRIGGER due_month_delete; DROP TRIGGER due_month_update;
                DROP TRIGGER due_month_update_old; DROP TRIGGER due_month_update_new; DROP TABLE open_due_month;
                DELETE FROM grdb_migrations WHERE identifier = 's12-open-due-month';
                DROP TABLE open_due_currency_month;
                DELETE FROM grdb_migrations WHERE identifier = 's13-open-due-currency-month';
                """)
        }
        try raw.close()
        let store = try SQLiteLedgerStore(path: path)
        #expect(try store.recomputeMaintainedBalances().isEmpty)
        let service = LedgerService(store: store, clock: FixedClock(try day("2026-03-31")), actor: "t", role: .admin)
        try post(service, "2026-03-25", 7_000)
        #expect(try store.recomputeMaintainedBalances().isEmpty)
        let check = try DatabaseQueue(path: path)
        let rows = try check.read { db in
            try Row.fetchAll(db, sql: "SELECT month, amount, n FROM open_due_month WHERE n <> 0 ORDER BY month")
                .map { "\($0["month"] as String) \($0["amount"] as Int64) \($0["n"] as Int64)" }
        }
        // Due dates (net 30 by default): 100.00 settled, 200.00 left of 250.00 due in February; 50.00 + 70.00 in April.
        #expect(rows == ["2026-02 20000 1", "2026-04 12000 2"])
        let late = try check.read { db in try String.fetchAll(db, sql: "SELECT date FROM late_allocation") }
        #expect(late == ["2026-03-28"])
        #expect(try store.unappliedCredits(asOf: try day("2026-03-25")).map(\.amount) == [1_000])
        #expect(try store.unappliedCredits(asOf: try day("2026-03-31")).isEmpty)
        try check.close()
    }

    /// The check names what differs when the maintained rows were changed behind the triggers' back.
    @Test func checkListsDocumentAndFieldOfADifference() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maintained-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/ledger.sqlite"
        let store = try SQLiteLedgerStore(path: path)
        let service = LedgerService(store: store, clock: FixedClock(try day("2026-03-31")), actor: "t", role: .admin)
        try service.run(CreateCustomer(CustomerFields(code: "D1", name: "Diff Co")))
        var post = PostInvoice(customerCode: "D1", date: try day("2026-03-01"), lines: [
            LineInput(description: "x", quantity: Quantity(1), unitPrice: Money(minorUnits: 10_000, currency: .cny)),
        ])
        post.creditOverrideReason = "test"
        let invoice = try service.run(post)
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            try db.execute(sql: "UPDATE open_item SET open_amount = 9999 WHERE kind = 'invoice' AND id = ?",
                           arguments: [invoice.id])
        }
        try raw.close()
        let differences = try store.recomputeMaintainedBalances()
        #expect(differences == [
            MaintainedBalanceDifference(subject: invoice.displayNumber, field: "open_amount", stored: "9999",
                                        recomputed: "10000"),
            MaintainedBalanceDifference(subject: "D1 CNY", field: "open_invoices", stored: "9999", recomputed: "10000"),
            // The triggers on `open_item` carried the change on to the month of its due date (aging today).
            MaintainedBalanceDifference(subject: "D1 CNY 2026-03", field: "due_month_amount", stored: "9999",
                                        recomputed: "10000"),
            // … and on to the currency's due month (aging today without grouping).
            MaintainedBalanceDifference(subject: "CNY 2026-03", field: "due_currency_month_amount", stored: "9999",
                                        recomputed: "10000"),
        ])
    }
}
