import GRDB
import LedgerCore

/// The receivables screen's overdue list, one keyset page at a time (issue 10): today from the maintained open rows
/// by the partial index on (kind, due date); another date through the one "open as of" rule (`OpenAsOf`).
extension SQLiteLedgerStore {
    /// Columns `RowMapping.openItem` reads, of document `d`, customer `c`, salesperson `s`.
    private static let openItemColumns = """
        d.id, d.display_number, d.customer_id, c.code AS customer_code, c.name AS customer_name,
        COALESCE(s.name, '') AS salesperson, d.region, d.channel, d.date, d.due_date, d.currency, d.total,
        d.disputed
        """

    public func overdueItems(asOf: CivilDate, currency: Currency, order: OverdueOrder, after: OpenItem?,
                             backwards: Bool, limit: Int) throws -> [OpenItem] {
        guard limit > 0 else { return [] }
        var arguments: StatementArguments = ["asOf": asOf.description, "currency": currency.code, "limit": limit]
        if let after {
            _ = arguments.append(contentsOf: ["lastDue": after.dueDate.description, "lastOpen": after.open,
                                              "lastNumber": after.number])
        }
        return try read { db in
            let today = try CustomerFiguresSQL.maintainedAreCurrent(db, asOf: asOf.description)
            let open = today ? "o.open_amount" : "o.open"
            let due = today ? "o.due_date" : "d.due_date"
            var keyset = ""
            // Backwards: the mirror of each comparison and of the order; the page is reversed at the end.
            let (ge, gt, le, lt) = backwards ? ("<=", "<", ">=", ">") : (">=", ">", "<=", "<")
            if after != nil {
                let number = "d.display_number \(gt) :lastNumber"
                keyset = order == .dueDate
                    ? " AND \(due) \(ge) :lastDue AND (\(due) \(gt) :lastDue OR \(number))"
                    : " AND \(open) \(le) :lastOpen AND (\(open) \(lt) :lastOpen OR \(number))"
            }
            let (up, down) = backwards ? ("DESC", "") : ("", "DESC")
            let orderBy = order == .dueDate ? "\(due) \(up), d.display_number \(up)"
                : "\(open) \(down), d.display_number \(up)"
            let sql: String
            if today {
                // By amount, the page's smallest amount first (one pass over the index, no join), so only the
                // page's rows (and ties) are joined and sorted.
                var floor = ""
                if order == .amount {
                    // Backwards (from the smallest amounts): the mirror, a ceiling instead of a floor.
                    let (bound, direction, none) = backwards ? ("<=", "ASC", "9223372036854775807")
                        : (">=", "DESC", "-9223372036854775808")
                    let beyond = after == nil ? "" : " AND open_amount \(backwards ? ">" : "<") :lastOpen"
                    let ties = after == nil ? "" : " OR o.open_amount = :lastOpen"
                    floor = """
                         AND (o.open_amount \(bound) COALESCE((
                           SELECT open_amount FROM open_item INDEXED BY open_item_due_open
                           WHERE kind = 'invoice' AND open_amount <> 0 AND due_date < :asOf
                             AND currency = :currency\(beyond)
                           ORDER BY open_amount \(direction) LIMIT 1 OFFSET :limit - 1), \(none))\(ties))
                        """
                }
                sql = """
                    SELECT \(Self.openItemColumns), o.open_amount AS open
                    FROM open_item o INDEXED BY open_item_due_open
                    JOIN document d ON d.id = o.id JOIN customer c ON c.id = d.customer_id
                    LEFT JOIN salesperson s ON s.id = d.salesperson_id
                    WHERE o.kind = 'invoice' AND o.open_amount <> 0 AND o.due_date < :asOf
                      AND o.currency = :currency AND d.status = 'posted' AND d.date <= :asOf\(floor)\(keyset)
                    ORDER BY \(orderBy) LIMIT :limit
                    """
            } else {
                sql = """
                    \(OpenAsOf.withInvoicesOpen(asOf: ":asOf"))
                    SELECT \(Self.openItemColumns), o.open AS open
                    FROM open_as_of o JOIN document d ON d.id = o.id JOIN customer c ON c.id = d.customer_id
                    LEFT JOIN salesperson s ON s.id = d.salesperson_id
                    WHERE o.open <> 0 AND d.kind = 'invoice' AND d.status = 'posted' AND d.date <= :asOf
                      AND d.due_date < :asOf AND d.currency = :currency\(keyset)
                    ORDER BY \(orderBy) LIMIT :limit
                    """
            }
            let items = try Row.fetchAll(db, sql: sql, arguments: arguments).map(RowMapping.openItem)
            return backwards ? items.reversed() : items
        }
    }

    public func overdueCounts(asOf: CivilDate) throws -> [Currency: Int] {
        try read { db in
            let today = try CustomerFiguresSQL.maintainedAreCurrent(db, asOf: asOf.description)
            // Today: the whole due months before the as-of month from the maintained currency months (a few dozen
            // rows), and only the as-of month's days before the date from the partial index (issue 10: at 1M the
            // index range of every overdue invoice was 108,017 entries).
            let sql = today ? """
                SELECT currency, SUM(n) AS n FROM (
                    SELECT currency, n FROM open_due_currency_month WHERE month < :month AND n <> 0
                    UNION ALL
                    SELECT currency, 1 FROM open_item INDEXED BY open_item_due_open
                    WHERE kind = 'invoice' AND open_amount <> 0 AND due_date >= :monthStart AND due_date < :asOf)
                GROUP BY currency HAVING SUM(n) <> 0
                """ : """
                \(OpenAsOf.withInvoicesOpen(asOf: ":asOf"))
                SELECT d.currency, COUNT(*) AS n FROM open_as_of o JOIN document d ON d.id = o.id
                WHERE o.open <> 0 AND d.kind = 'invoice' AND d.status = 'posted' AND d.date <= :asOf
                  AND d.due_date < :asOf
                GROUP BY d.currency
                """
            var counts: [Currency: Int] = [:]
            var arguments: StatementArguments = ["asOf": asOf.description]
            if today {
                _ = arguments.append(contentsOf: ["month": asOf.monthKey, "monthStart": asOf.startOfMonth.description])
            }
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                counts[try RowMapping.currency(row, "open_item")] = row[QueryColumns.count]
            }
            return counts
        }
    }
}
