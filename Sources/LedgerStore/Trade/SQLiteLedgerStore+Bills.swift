import GRDB
import LedgerCore

extension SQLiteTransaction {
    func billExists(number: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS(SELECT 1 FROM acceptance_bill WHERE bill_number = ?)"),
                          arguments: [number]) ?? false
    }

    func insert(_ bill: AcceptanceBill) throws {
        try db.execute(sql: "INSERT INTO acceptance_bill (receipt_id, bill_number, bank, maturity) VALUES (?,?,?,?)",
                       arguments: [bill.receiptID, bill.billNumber, bill.bank, bill.maturity.description])
    }
}

extension SQLiteLedgerStore {
    /// Acceptance bills with their receipt and customer, `condition` on `b` (bill), `r` (receipt), `c` (customer).
    static func bills(_ db: Database, condition: String, arguments: StatementArguments) throws -> [AcceptanceBill] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT b.receipt_id AS id, b.*, r.display_number, r.date, r.amount, r.currency, c.code, c.name
            FROM acceptance_bill b
            JOIN receipt r ON r.id = b.receipt_id JOIN customer c ON c.id = r.customer_id
            WHERE \(condition) ORDER BY b.maturity, b.bill_number
            """), arguments: arguments).map { row in
            typealias C = AcceptanceBill.Columns
            return AcceptanceBill(receiptID: row[C.receiptID], receiptNumber: row[C.displayNumber],
                                  customerCode: row[C.code], customerName: row[C.name], billNumber: row[C.billNumber],
                                  bank: row[C.bank], received: try RowMapping.date(row, C.date, "receipt"),
                                  maturity: try RowMapping.date(row, C.maturity, "acceptance_bill"),
                                  amount: Money(minorUnits: row[C.amount],
                                                currency: try RowMapping.currency(row, "receipt")))
        }
    }

    public func acceptanceBills(asOf: CivilDate) throws -> [AcceptanceBill] {
        try read { db in try SQLiteLedgerStore.bills(db, condition: "r.date <= ?", arguments: [asOf.description]) }
    }
}

extension SQLiteTransaction {
    /// The customer's acceptance bills (credit control counts those held on the posting date).
    func acceptanceBills(customerID: Int64) throws -> [AcceptanceBill] {
        try SQLiteLedgerStore.bills(db, condition: "r.customer_id = ?", arguments: [customerID])
    }
}
