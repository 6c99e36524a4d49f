import Foundation
import GRDB
import Testing
import LedgerCore
import LedgerStore

/// Issue 9: the records read through column enums are truthful too. A stored value the domain cannot hold (an
/// unknown status, kind, reply, method or class source; a bad date) is an error naming the table, the row id and
/// the column — it used to be read as "posted", "invoice", "pending", "lesson", "other" or "manual", or dropped.
@Suite struct TypedColumnReadTests {
    /// Damages the ledger of `TruthfulReadTests.ledger()` with `sql` (CHECK constraints off), then returns what
    /// `read` throws ("no error" when it does not).
    func error(after sql: String, _ read: (SQLiteLedgerStore) throws -> Void) throws -> String {
        let (store, raw, folder) = try TruthfulReadTests.ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try raw.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: sql)
        }
        do { try read(store); return "no error" } catch { return "\(error)" }
    }

    @Test func unknownDocumentStatusInTheDocumentList() throws {
        let text = try error(after: "UPDATE document SET status = 'archived' WHERE id = 1") {
            _ = try $0.documents(DocumentSearch(asOf: CivilDate(iso: "2026-11-29")!), page: PageRequest())
        }
        #expect(text.contains("table document, row 1, column status: unknown value 'archived'"), "\(text)")
    }

    @Test func unknownDocumentKindInTheAuditDocuments() throws {
        let text = try error(after: "UPDATE document SET kind = 'proforma' WHERE id = 1") { _ = try $0.auditDocuments() }
        #expect(text.contains("table document, row 1, column kind: unknown value 'proforma'"), "\(text)")
    }

    @Test func unknownReplyAndBadReplyDateOfAStatementConfirmation() throws {
        let insert = """
            INSERT INTO statement_confirmation (number, customer_id, as_of, balance, currency, issued, reply, reply_date)
            VALUES ('SC-1', 1, '2026-11-28', 10000, 'CNY', '2026-11-28',
            """
        let reply = try error(after: insert + " 'maybe', NULL)") { _ = try $0.statementConfirmations(unconfirmedOnly: false) }
        #expect(reply.contains("table statement_confirmation, row 1, column reply: unknown value 'maybe'"), "\(reply)")
        let date = try error(after: insert + " 'confirmed', '2026-13-01')") {
            _ = try $0.statementConfirmations(unconfirmedOnly: false)
        }
        #expect(date.contains("table statement_confirmation, row 1, column reply_date: '2026-13-01' is not a date"),
                "\(date)")
    }

    @Test func unknownTrainingKind() throws {
        let text = try error(after: """
            INSERT INTO training_log (user, kind, lesson, date, passed, score, attempts, seconds, language)
            VALUES ('t', 'exam', 'L1', '2026-11-29', 1, 10, 1, 30, 'en')
            """) { _ = try $0.trainingLog(user: nil) }
        #expect(text.contains("table training_log, row 1, column kind: unknown value 'exam'"), "\(text)")
    }

    @Test func unknownReceiptMethodInTheVoucherSource() throws {
        let text = try error(after: """
            INSERT INTO receipt (series, number_year, number, display_number, customer_id, date, amount, currency, method,
                                 reference, note)
            VALUES ('RC', 2026, 1, 'RC-2026-0001', 1, '2026-11-05', 5000, 'CNY', 'barter', '', '')
            """) { _ = try $0.voucherSource(from: CivilDate(iso: "2026-11-01")!, to: CivilDate(iso: "2026-11-30")!) }
        #expect(text.contains("table receipt, row 1, column method: unknown value 'barter'"), "\(text)")
    }

    @Test func unknownClassSourceInTheClassHistory() throws {
        let text = try error(after: """
            INSERT INTO class_history (entity, entity_id, dimension, old_code, new_code, source, actor, changed_on)
            VALUES ('customer', 1, 'customer_class', '', 'A', 'robot', 't', '2026-11-29')
            """) { _ = try $0.classHistory(entity: .customer, entityID: 1) }
        #expect(text.contains("table class_history, row 1, column source: unknown value 'robot'"), "\(text)")
    }

    @Test func badLastInvoiceDateInTheCustomerSalesFacts() throws {
        let text = try error(after: """
            DROP TRIGGER document_posted_frozen; UPDATE document SET date = '2026-11-31' WHERE id = 1
            """) {
            _ = try $0.customerSalesFacts(from: nil, to: nil)
        }
        #expect(text.contains("column last_date: '2026-11-31' is not a date"), "\(text)")
    }

    @Test func unknownBaseCurrencyAndUnreadableReminderRulesAreErrorsNotDefaults() throws {
        let currency = try error(after: "INSERT OR REPLACE INTO setting (key, value) VALUES ('base_currency', 'ZZZ')") {
            _ = try $0.exchangeRates()
        }
        #expect(currency.contains("table setting, row base_currency, column value: 'ZZZ' is not a known ISO 4217"),
                "\(currency)")
        let rules = try error(after: "INSERT OR REPLACE INTO setting (key, value) VALUES ('reminder_rules', '{\"before\": 7')") {
            _ = try $0.storedReminderRules()
        }
        #expect(rules.contains("table setting, row reminder_rules, column value: unreadable rules"), "\(rules)")
    }
}
