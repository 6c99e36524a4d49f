import Foundation
import LedgerAudit
import LedgerCore
import LedgerStore
import Testing

@Suite struct ConfirmationTests {
    @Test func lettersForThreeCustomersMatchTheirBalancesAsOfTheDate() throws {
        let l = try AuditCheckTests.seededLedger()
        let snapshot = try l.store.receivablesSnapshot(customerID: nil)
        let letters = try Confirmations.letters(snapshot: snapshot, asOf: day("2026-10-31"), customerCodes: ["A", "B", "C"],
                                                minBalance: 0, form: .positive)
        // Hand-computed: A 1234.56 + 2345.67 + 876.54; B 800.41 + 500.47; C 100.53 − 150.00.
        #expect(letters.map(\.balance) == [445_677, 130_088, -4_947])
        for letter in letters {
            #expect(letter.balance == letter.lines.reduce(0) { $0 + $1.open } - letter.unappliedCredit)
        }
        #expect(letters[0].lines.map(\.number).count == 3)
        // As of an earlier date only what existed then counts.
        let august = try Confirmations.letters(snapshot: snapshot, asOf: day("2026-08-31"), customerCodes: ["A"],
                                               minBalance: 0, form: .negative)
        #expect(august.map(\.balance) == [123_456])
        let zh = Confirmations.render(letters[0], language: .zh)
        #expect(zh.contains("截至 2026-10-31 贵公司欠本公司：4,456.77 CNY"))
        #expect(zh.contains("数据证明无误") && zh.contains("数据不符") && zh.contains("如无异议请签章寄回"))
        let en = Confirmations.render(letters[2], language: .en)
        #expect(en.contains("Balance owed to us as of 2026-10-31: -49.47 CNY"))
        #expect(en.contains("less receipts and credit notes not yet applied: 49.47"))
        #expect(throws: LedgerError.self) {
            _ = try Confirmations.letters(snapshot: snapshot, asOf: day("2026-10-31"), customerCodes: ["NOPE"], minBalance: 0, form: .positive)
        }
        let large = try Confirmations.letters(snapshot: snapshot, asOf: day("2026-10-31"), customerCodes: nil,
                                              minBalance: 200_000, form: .positive)
        #expect(large.allSatisfy { $0.balance.magnitude >= 200_000 } && large.contains { $0.customer.code == "A" })
    }

    @Test func recordedDifferenceShowsInTheSummary() throws {
        let l = try AuditCheckTests.seededLedger()
        let letters = try Confirmations.letters(snapshot: try l.store.receivablesSnapshot(customerID: nil), asOf: day("2026-10-31"),
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
