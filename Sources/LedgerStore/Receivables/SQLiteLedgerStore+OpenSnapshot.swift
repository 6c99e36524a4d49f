import GRDB
import LedgerCore

extension SQLiteLedgerStore {
    /// See `ReceivablesQueries.openReceivablesSnapshot`. Invoices open as of `asOf` are found set-based: candidates
    /// from the partial index on maintained open amounts plus those touched by allocations dated after `asOf`
    /// (`OpenAsOf.candidate`), never a scan of every document.
    public func openReceivablesSnapshot(asOf: CivilDate, documentsFrom: CivilDate?) throws -> ReceivablesSnapshot {
        try read { db in
            let open = """
                SELECT d.id FROM document d
                WHERE d.kind = 'invoice' AND d.status = 'posted' AND d.date <= :asOf
                  AND \(OpenAsOf.candidate("invoice", id: "d.id", asOf: ":asOf"))
                  AND \(OpenAsOf.invoiceOpen(asOf: ":asOf")) > 0
                """
            let period = documentsFrom == nil ? "" : """
                UNION SELECT d.id FROM document d WHERE d.status = 'posted' AND d.date >= :from AND d.date <= :asOf
                """
            var args: [String: (any DatabaseValueConvertible)?] = ["asOf": asOf.description]
            if let documentsFrom { args["from"] = documentsFrom.description }
            let arguments = StatementArguments(args)
            // The chosen documents, as a CTE each query repeats (read connections cannot create temp tables).
            let with = "WITH snapshot_document(id) AS MATERIALIZED (\(open) \(period))"
            let customerIDs = "SELECT DISTINCT d.customer_id FROM document d JOIN snapshot_document s ON s.id = d.id"
            let customers = try Row.fetchAll(db,
                                             sql: "\(with) SELECT * FROM customer WHERE id IN (\(customerIDs)) ORDER "
                                                  + "BY code",
                                             arguments: arguments)
                .map(RowMapping.customer)
            let documents = try Row.fetchAll(db, sql: """
                \(with) SELECT d.id, d.kind, d.display_number, d.customer_id, d.date, d.due_date, d.currency, d.total,
                       d.applies_to_id, d.disputed, d.region, d.external_ref, s.name AS salesperson
                FROM snapshot_document t JOIN document d ON d.id = t.id
                LEFT JOIN salesperson s ON s.id = d.salesperson_id
                ORDER BY d.date, d.id
                """, arguments: arguments).map(ReceivablesRows.document)
            let allocations = try Row.fetchAll(db, sql: """
                \(with) SELECT a.* FROM snapshot_document t JOIN allocation a ON a.invoice_id = t.id
                  ORDER BY a.date, a.id
                """, arguments: arguments).map(RowMapping.allocation)
            let contacts = try Row.fetchAll(db, sql: """
                \(with) SELECT * FROM contact_log WHERE customer_id IN (\(customerIDs)) ORDER BY date, id
                """, arguments: arguments).map(ReceivablesRows.contact)
            let snoozes = try Row.fetchAll(db, sql: """
                \(with) SELECT * FROM reminder_snooze WHERE customer_id IN (\(customerIDs)) ORDER BY date, id
                """, arguments: arguments).map(ReceivablesRows.snooze)
            return ReceivablesSnapshot(customers: customers, documents: documents, receipts: [],
                                       allocations: allocations, contacts: contacts, snoozes: snoozes)
        }
    }
}
