import Foundation
@testable import LedgerAudit
import LedgerCore
import LedgerStore
import Testing

@Suite struct ConfirmationTests {
    @Test func lettersForThreeCustomersMatchTheirBalancesAsOfTheDate() throws {
        let l = try AuditCheckTests.seededLedger()
        let letters = try Confirmations.letters(store: l.store, asOf: day("2026-10-31"), customerCodes: ["A", "B", "C"],
                                                minBalance: 0, form: .positive)
        // Hand-computed: A 1234.56 + 2345.67 + 876.54; B 800.41 + 500.47; C 100.53 − 150.00.
        #expect(letters.map(\.balance) == [445_677, 130_088, -4_947])
        for letter in letters {
            #expect(letter.balance == letter.lines.reduce(0) { $0 + $1.open } - letter.unappliedCredit)
        }
        #expect(letters[0].lines.map(\.number).count == 3)
        // As of an earlier date only what existed then counts.
        let august = try Confirmations.letters(store: l.store, asOf: day("2026-08-31"), customerCodes: ["A"],
                                               minBalance: 0, form: .negative)
        #expect(august.map(\.balance) == [123_456])
        let zh = Confirmations.render(letters[0], language: .zh)
        #expect(zh.contains("截至 2026-10-31 贵公司欠本公司：4,456.77 CNY"))
        #expect(zh.contains("数据证明无误") && zh.contains("数据不符") && zh.contains("如无异议请签章寄回"))
        let en = Confirmations.render(letters[2], language: .en)
        #expect(en.contains("Balance owed to us as of 2026-10-31: -49.47 CNY"))
        #expect(en.contains("less receipts and credit notes not yet applied: 49.47"))
        #expect(throws: LedgerError.self) {
            _ = try Confirmations.letters(store: l.store, asOf: day("2026-10-31"), customerCodes: ["NOPE"], minBalance: 0, form: .positive)
        }
        let large = try Confirmations.letters(store: l.store, asOf: day("2026-10-31"), customerCodes: nil,
                                              minBalance: 200_000, form: .positive)
        #expect(large.allSatisfy { $0.balance.magnitude >= 200_000 } && large.contains { $0.customer.code == "A" })
    }

    /// Issue 10: the letters come from per-customer and set-based queries as of the date, not from the whole ledger
    /// in memory; they equal the in-memory rule (`ReceivablesSnapshot`: balance, open invoices, unapplied credit) on
    /// a generated ledger with three users' daily work (partial receipts, credit notes, voids, backdated postings) at dates
    /// from before its first document to after its last, for every customer and for a chosen few.
    @Test func lettersEqualTheWholeLedgerComputationAtManyDates() throws {
        let l = try ProcessMetricsComparisonTests.ledger()
        let snapshot = try l.store.receivablesSnapshot(customerID: nil)
        let first = try #require(snapshot.documents.map(\.date).min())
        let last = try #require(snapshot.documents.map(\.date).max())
        var compared = 0
        for asOf in stride(from: -5, through: first.days(to: last) + 5, by: 17).map({ first.adding(days: $0) }) {
            func expected(_ customer: Customer) -> ConfirmationLetter {
                let lines = snapshot.openInvoices(asOf: asOf, customerID: customer.id)
                    .filter { $0.invoice.currency == customer.currency }
                    .map { ConfirmationLine(number: $0.invoice.number, date: $0.invoice.date,
                                            dueDate: $0.invoice.dueDate, total: $0.invoice.total, open: $0.open) }
                return ConfirmationLetter(
                    customer: customer, asOf: asOf, form: .positive, lines: lines,
                    unappliedCredit: snapshot.unappliedCredit(customerID: customer.id, currency: customer.currency,
                                                              asOf: asOf),
                    balance: snapshot.customerBalance(customerID: customer.id, currency: customer.currency,
                                                      asOf: asOf))
            }
            let all = snapshot.customers.sorted { $0.code < $1.code }.map(expected).filter { $0.balance != 0 }
            let letters = try Confirmations.letters(store: l.store, asOf: asOf, customerCodes: nil, minBalance: 0,
                                                    form: .positive)
            #expect(letters == all, "every customer as of \(asOf)")
            let codes = snapshot.customers.map(\.code).sorted().enumerated().filter { $0.offset % 3 == 0 }
                .map(\.element)
            let chosen = try Confirmations.letters(store: l.store, asOf: asOf, customerCodes: codes, minBalance: 0,
                                                   form: .positive)
            #expect(chosen == codes.compactMap { code in snapshot.customers.first { $0.code == code } }.map(expected),
                    "chosen customers as of \(asOf)")
            compared += all.count
        }
        #expect(compared > 50)
    }

    @Test func recordedDifferenceShowsInTheSummary() throws {
        let l = try AuditCheckTests.seededLedger()
        let letters = try Confirmations.letters(store: l.store, asOf: day("2026-10-31"),
                                                customerCodes: ["A", "B", "C"], minBalance: 0, form: .positive)
        let auditor = LedgerService(store: l.store, clock: FixedClock.atNoon(day("2026-11-27")), actor: "eve", role: .auditor)
        try auditor.run(RecordConfirmationSent(asOf: day("2026-10-31"), letters: letters.map {
            .init(customerCode: $0.customer.code, currency: $0.currency, balance: $0.balance, form: $0.form.rawValue)
        }))
        try auditor.run(RecordConfirmationReply(customerCode: "A", asOf: day("2026-10-31"), agreed: true, difference: nil, note: ""))
        try auditor.run(RecordConfirmationReply(customerCode: "B", asOf: day("2026-10-31"), agreed: false,
                                                difference: cny("-500.47"), note: "second order not received"))
        #expect(throws: LedgerError.self) {
            try auditor.run(RecordConfirmationReply(customerCode: "B", asOf: day("2026-10-31"), agreed: false, difference: nil, note: ""))
        }
        let summary = ConfirmationSummary.from(log: try l.store.auditLog(filter: .all))
        #expect(summary.asOf == day("2026-10-31"))
        let counts: [Int] = [summary.sent, summary.replied, summary.agreed, summary.differences, summary.noReply]
        #expect(counts == [3, 2, 1, 1, 1])
        let replyB = summary.rows.first { $0.customerCode == "B" }?.reply
        #expect(replyB == ConfirmationStatus.Reply.difference(-50_047, "second order not received"))
        let text = summary.render(.en, details: Dictionary(uniqueKeysWithValues: letters.map { ($0.customer.code, $0) }))
        #expect(text.contains("sent 3, replied 2, agreed 1, differences 1, no reply 1"))
        #expect(text.contains("B  positive  1,300.88 CNY  difference (数据不符) -500.47: second order not received"))
        #expect(text.contains("    INV-2026-"))
        let zh = summary.render(.zh)
        #expect(zh.contains("发函 3，回函 2，相符 1，不符 1，未回函 1"))
    }

    @Test func auditLogShowsBeforeAndAfterAndFiltersByDocument() throws {
        let l = try AuditCheckTests.seededLedger()
        let void = try #require(try l.store.invoices(filter: InvoiceFilter(customerCode: "V"), page: .all).first)
        let rows = AuditLogView.rows(try l.store.auditLog(filter: .all), document: (void.id, void.number, false))
        #expect(rows.map(\.command) == ["invoice.post", "invoice.void"])
        #expect(rows[1].actor == "manager1")
        #expect(rows[1].changes.contains("status: posted → void"))
        #expect(rows[1].changes.contains("voidReason:  → wrong customer"))
        let managers = try l.store.auditLog(filter: AuditLogFilter(from: day("2026-08-01"), to: day("2026-09-30"),
                                                                   actor: "manager1", command: "invoice"))
        #expect(managers.map(\.command) == ["invoice.post", "invoice.void", "invoice.write_off"])
    }
}
