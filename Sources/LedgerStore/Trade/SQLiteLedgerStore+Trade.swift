import GRDB
import LedgerCore

extension SQLiteLedgerStore {
    public func taxDetails(customerCode: String) throws -> CustomerTaxDetails? {
        try read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE code = ?", arguments: [customerCode]) else {
                return nil
            }
            return try TradeRows.taxDetails(db, customerID: id) ?? CustomerTaxDetails()
        }
    }
}
