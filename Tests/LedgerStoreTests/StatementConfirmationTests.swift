import Testing
@testable import LedgerCore
import LedgerStore

/// 对账确认: statements issued are numbered and listed as unconfirmed until a reply is recorded.
struct StatementConfirmationTests {
    @Test func issueReplyAndTheUnconfirmedList() throws {
        let ledger = try RecvLedger(today: "2026-03-31")
        try ledger.customer("C1")
        try ledger.customer("C2")
        let one = try ledger.service.run(IssueStatementConfirmation(customerCode: "C1", asOf: try day("2026-03-31"), balance: try money("1130.00")))
        let two = try ledger.service.run(IssueStatementConfirmation(customerCode: "C2", asOf: try day("2026-03-31"), balance: try money("50.00")))
        #expect([one.number, two.number] == ["DZ-2026-000001", "DZ-2026-000002"])
        #expect(try ledger.store.statementConfirmations(unconfirmedOnly: true).map(\.number) == ["DZ-2026-000002", "DZ-2026-000001"])
        #expect(throws: LedgerError.validation([FieldIssue("difference", "is required for a disputed statement"),
                                                FieldIssue("note", "is required for a disputed statement")])) {
            try ledger.service.run(RecordStatementReply(number: two.number, reply: .disputed))
        }
        try ledger.service.run(RecordStatementReply(number: one.number, reply: .confirmed))
        try ledger.service.run(RecordStatementReply(number: two.number, reply: .disputed, difference: -5_000, note: "已退货未冲"))
        #expect(try ledger.store.statementConfirmations(unconfirmedOnly: true).isEmpty)
        let all = try ledger.store.statementConfirmations(unconfirmedOnly: false)
        #expect(all.map(\.reply) == [.disputed, .confirmed])
        let replied = try day("2026-03-31")
        #expect(all[0].difference == -5_000 && all[0].note == "已退货未冲" && all[0].replyDate == replied)
    }
}
