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

extension SQLiteLedgerStore {
    public func saleFapiaoPositions(asOf: CivilDate, customerCode: String?) throws -> [SaleFapiaoPosition] {
        try read { db in
            try TradeRows.positions(db, asOf: asOf.description, extraWhere: customerCode == nil ? nil : "c.code = :customer",
                                    arguments: customerCode.map { ["customer": $0] } ?? [:])
        }
    }

    public func fapiaoList(customerCode: String?, from: CivilDate?, to: CivilDate?) throws -> [Fapiao] {
        var filters = ["1 = 1"]
        var args: StatementArguments = []
        if let customerCode { filters.append("f.customer_id = (SELECT id FROM customer WHERE code = ?)"); args += [customerCode] }
        if let from { filters.append("f.date >= ?"); args += [from.description] }
        if let to { filters.append("f.date <= ?"); args += [to.description] }
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT f.* FROM fapiao f WHERE \(filters.joined(separator: " AND ")) ORDER BY f.date, f.id",
                             arguments: args).map { try TradeRows.fapiao(db, $0) }
        }
    }
}
