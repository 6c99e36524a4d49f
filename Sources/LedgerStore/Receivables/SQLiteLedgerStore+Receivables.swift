import GRDB
import LedgerCore

extension SQLiteLedgerStore {
    public func receivablesSnapshot(customerID: Int64?) throws -> ReceivablesSnapshot {
        try read { db in
            let only = customerID != nil
            let args: StatementArguments = only ? [customerID] : []
            let customers = try Row.fetchAll(db,
                                             sql: "SELECT * FROM customer\(only ? " WHERE id = ?" : "") ORDER BY code",
                                             arguments: args).map(RowMapping.customer)
            let documents = try Row.fetchAll(db, sql: """
                SELECT d.id, d.kind, d.display_number, d.customer_id, d.date, d.due_date, d.currency, d.total,
                       d.applies_to_id, d.disputed, d.region, d.external_ref, s.name AS salesperson
                FROM document d LEFT JOIN salesperson s ON s.id = d.salesperson_id
                WHERE d.status = 'posted'\(only ? " AND d.customer_id = ?" : "")
                ORDER BY d.date, d.id
                """, arguments: args).map(ReceivablesRows.document)
            let receipts = try Row.fetchAll(db,
                                            sql: "SELECT * FROM receipt\(only ? " WHERE customer_id = ?" : "") "
                                                + "ORDER BY date, id",
                                            arguments: args).map(RowMapping.receipt)
            let allocations = try Row.fetchAll(db, sql: """
                SELECT a.* FROM allocation a JOIN document d ON d.id = a.invoice_id
                \(only ? "WHERE d.customer_id = ?" : "") ORDER BY a.date, a.id
                """, arguments: args).map(RowMapping.allocation)
            let contacts = try Row.fetchAll(db,
                                            sql: "SELECT * FROM contact_log\(only ? " WHERE customer_id = ?" : "") "
                                                + "ORDER BY date, id",
                                            arguments: args).map(ReceivablesRows.contact)
            let snoozes = try Row.fetchAll(db,
                                           sql: "SELECT * FROM reminder_snooze\(only ? " WHERE customer_id = ?" : "") "
                                               + "ORDER BY date, id",
                                           arguments: args).map(ReceivablesRows.snooze)
            return ReceivablesSnapshot(customers: customers, documents: documents, receipts: receipts,
                                       allocations: allocations, contacts: contacts, snoozes: snoozes)
        }
    }

    public func exchangeRates() throws -> ExchangeRateTable {
        try read { db in
            let base = try ReceivablesRows.baseCurrency(db) ?? .cny
            let rates = try Row.fetchAll(db,
                                         sql: "SELECT rowid AS id, * FROM exchange_rate ORDER BY currency, date").map {
                ExchangeRate(date: try RowMapping.date($0, QueryColumns.date, "exchange_rate"),
                             currency: try RowMapping.currency($0, "exchange_rate"),
                             perMillion: $0[QueryColumns.perMillion])
            }
            return ExchangeRateTable(base: base, rates: rates)
        }
    }

    public func storedReminderRules() throws -> ReminderRules {
        try read { db in try ReceivablesRows.reminderRules(db) }
    }
}
