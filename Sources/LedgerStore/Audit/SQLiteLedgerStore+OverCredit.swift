import GRDB
import LedgerCore

extension SQLiteLedgerStore {
    /// s32-fixa: the credit notes are found through the sparse `document_applies_to` index (only documents that
    /// apply to an invoice are in it), their lines and the invoice lines by primary key: no scan of the invoices.
    public func overCreditedLines() throws -> [AuditOverCreditedLine] {
        try read { db in
            try Row.fetchAll(db, sql: """
                WITH c AS (
                  SELECT d.applies_to_id AS invoice_id, l.credits_line_no AS line_no, SUM(l.quantity_milli) AS q,
                         SUM(l.net_amount) AS net, SUM(l.tax_amount) AS tax,
                         GROUP_CONCAT(d.display_number, ' ') AS notes
                  FROM document d JOIN document_line l ON l.document_id = d.id
                  WHERE d.applies_to_id IS NOT NULL AND d.kind = 'credit_note' AND d.status = 'posted'
                    AND l.credits_line_no IS NOT NULL
                  GROUP BY d.applies_to_id, l.credits_line_no
                )
                SELECT i.display_number, i.currency, cu.code AS customer_code, c.line_no, il.quantity_milli AS sold_q,
                       il.net_amount AS sold_net, il.tax_amount AS sold_tax, c.q, c.net, c.tax, c.notes
                FROM c JOIN document i ON i.id = c.invoice_id
                JOIN document_line il ON il.document_id = c.invoice_id AND il.line_no = c.line_no
                JOIN customer cu ON cu.id = i.customer_id
                WHERE c.q > il.quantity_milli OR c.net > il.net_amount OR c.tax > il.tax_amount
                ORDER BY c.invoice_id, c.line_no
                """).map { row in
                let notes = Set(((row["notes"] as String?) ?? "").split(separator: " ").map(String.init))
                return AuditOverCreditedLine(
                    invoiceNumber: (row["display_number"] as String?) ?? "", customerCode: row["customer_code"],
                    currency: try RowMapping.currency(row, "document"), line: row["line_no"],
                    sold: CreditedLine(quantity: row["sold_q"], net: row["sold_net"], tax: row["sold_tax"]),
                    credited: CreditedLine(quantity: row["q"], net: row["net"], tax: row["tax"]),
                    notes: notes.sorted())
            }
        }
    }
}
