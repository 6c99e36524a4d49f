import GRDB
import LedgerCore

extension SQLiteTransaction {
    func taxDetails(customerID: Int64) throws -> CustomerTaxDetails? {
        try TradeRows.taxDetails(db, customerID: customerID)
    }

    func save(_ d: CustomerTaxDetails, customerID: Int64) throws {
        try db.execute(sql: """
            INSERT INTO customer_tax (customer_id, tax_id, invoice_title, address_phone, bank_account, no_fapiao)
            VALUES (?,?,?,?,?,?)
            ON CONFLICT(customer_id) DO UPDATE SET tax_id = excluded.tax_id, invoice_title = excluded.invoice_title,
              address_phone = excluded.address_phone, bank_account = excluded.bank_account, no_fapiao = excluded.no_fapiao
            """, arguments: [customerID, d.taxID, d.invoiceTitle, d.addressPhone, d.bankAccount, d.noFapiao])
    }
}

/// Row mapping and shared reads of the trade tables.
enum TradeRows {
    static func taxDetails(_ db: Database, customerID: Int64) throws -> CustomerTaxDetails? {
        try Row.fetchOne(db, sql: "SELECT * FROM customer_tax WHERE customer_id = ?", arguments: [customerID]).map(taxDetails)
    }

    static func taxDetails(_ row: Row) -> CustomerTaxDetails {
        CustomerTaxDetails(taxID: row["tax_id"], invoiceTitle: row["invoice_title"], addressPhone: row["address_phone"],
                           bankAccount: row["bank_account"], noFapiao: row["no_fapiao"])
    }
}
