import LedgerCore

/// One currency's sales over the whole ledger, minor units: the sales report's TOTAL row.
public struct SalesTotal: Sendable, Equatable {
    public var currency: Currency
    /// Net sales (不含税销售额): posted invoices less credit notes, without tax; nil when the sum would overflow.
    public var net: Int64?
    /// Output VAT (销项税额) of the same documents; nil on overflow.
    public var tax: Int64?
    /// Total with tax (价税合计); nil on overflow.
    public var total: Int64?

    public init(currency: Currency, net: Int64?, tax: Int64?, total: Int64?) {
        self.currency = currency
        self.net = net
        self.tax = tax
        self.total = total
    }
}

extension Reports {
    /// Net sales, output VAT and total with tax per currency over every date: the TOTAL rows of the sales report by
    /// year (`sales(by: .year, from: nil, to: nil)`, what `report sales --by year` prints), read from that table and
    /// never added up again elsewhere (`summary`, s33-fix). In the table's currency order. - Throws:
    /// `LedgerError.storage`.
    public func salesTotals() throws -> [SalesTotal] {
        let table = try sales(by: .year, from: nil, to: nil)
        guard let net = table.column("net"), let tax = table.column("tax"), let total = table.column("total")
        else { return [] }
        return table.totals.compactMap { row in
            guard let currency = [net, tax, total].lazy.compactMap({ row[$0].money?.currency }).first else {
                return nil
            }
            return SalesTotal(currency: currency, net: row[net].money?.minorUnits, tax: row[tax].money?.minorUnits,
                              total: row[total].money?.minorUnits)
        }
    }
}
