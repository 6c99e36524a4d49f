import GRDB
import LedgerCore

/// The customer list's rows for a page of customer ids from ONE query on maintained values (issue 10, s13-cust):
/// the customer's columns, its balance (`customer_balance`), overdue (open invoices of `open_item` due before the
/// as-of date), last sale (`customer_month.last_invoice`) and the 12 months of net sales ending with the as-of
/// date's month (`customer_month`), each an index look-up by customer id. Valid only when nothing is dated after
/// the as-of date (`CustomerFiguresSQL.maintainedAreCurrent`): the maintained values are then the values as of it.
enum CustomerPageRows {
    private enum Column: String, ColumnExpression {
        case balance, overdue, lastSale = "last_sale", months
    }

    /// The first day of the first of the 12 months whose sales a row carries.
    static func firstMonth(_ asOf: CivilDate) -> CivilDate { asOf.startOfMonth.adding(months: -11) }

    /// Rows of customers `ids` in that order (ids no longer present are left out).
    /// - Throws: `LedgerError.storage` on a bad stored date or value.
    static func rows(ids: [Int64], asOf: CivilDate, db: Database) throws -> [CustomerListRow] {
        guard !ids.isEmpty else { return [] }
        // The ids as one JSON array argument (s14-search): the text stays the same, so the statement is compiled
        // once per connection instead of once per page (compiling it cost more than running it).
        let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
        let first = firstMonth(asOf)
        let sql = """
            SELECT c.*,
              (SELECT SUM(b.open_invoices - b.unapplied_credits) FROM customer_balance b
                WHERE b.customer_id = c.id) AS balance,
              (SELECT SUM(o.open_amount) FROM open_item o
                WHERE o.customer_id = c.id AND o.kind = 'invoice' AND o.open_amount <> 0 AND o.due_date < ?) AS overdue,
              (SELECT MAX(m.last_invoice) FROM customer_month m WHERE m.customer_id = c.id) AS last_sale,
              (SELECT group_concat(m.date || ' ' || m.total) FROM customer_month m
                WHERE m.customer_id = c.id AND m.date >= ? AND m.n <> 0) AS months
            FROM customer c WHERE c.id IN (SELECT value FROM json_each(?))
            """
        var byID: [Int64: CustomerListRow] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: sql),
                                    arguments: [asOf.description, first.description, list]) {
            let customer = try RowMapping.customer(row)
            let last = try (row[Column.lastSale] as String?).map { text -> CivilDate in
                guard let date = CivilDate(iso: text) else {
                    throw LedgerError.storage("table customer_month, customer \(customer.code), column last_invoice: "
                                              + "bad date \(text)")
                }
                return date
            }
            byID[customer.id] = CustomerListRow(
                id: customer.id, code: customer.code, name: customer.name, customerClass: customer.customerClass,
                region: customer.region, channel: customer.channel, currency: customer.currency,
                balance: row[Column.balance] ?? 0, overdue: row[Column.overdue] ?? 0, lastPurchase: last,
                recentSales: try months(row[Column.months], first: first, customer: customer.code))
        }
        return ids.compactMap { byID[$0] }
    }

    /// `group_concat`'s `YYYY-MM-01 total,…` as 12 monthly sums from `first` (currencies added, checked).
    static func months(_ text: String?, first: CivilDate, customer: String) throws -> [Int64] {
        var values = [Int64](repeating: 0, count: 12)
        for item in (text ?? "").utf8.split(separator: UInt8(ascii: ",")).map({ Substring($0) }) {
            let parts = item.utf8.split(separator: UInt8(ascii: " ")).map { Substring($0) }
            guard parts.count == 2, let date = CivilDate(iso: String(parts[0])), let amount = Int64(parts[1]) else {
                throw LedgerError.storage("table customer_month, customer \(customer): bad row \(item)")
            }
            let index = (date.year - first.year) * 12 + date.month - first.month
            guard values.indices.contains(index) else { continue }
            let (sum, overflow) = values[index].addingReportingOverflow(amount)
            guard !overflow else { throw LedgerError.storage("customer \(customer): monthly sales overflow") }
            values[index] = sum
        }
        return values
    }

    /// 12 monthly sums from `first` out of `monthlySales`' `YYYY-MM` keyed figures.
    static func months(_ sales: [String: Int64]?, first: CivilDate) -> [Int64] {
        (0..<12).map { sales?[first.adding(months: $0).monthKey] ?? 0 }
    }
}
