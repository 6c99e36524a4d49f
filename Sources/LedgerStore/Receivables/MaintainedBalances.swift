import GRDB
import LedgerCore

/// The recomputation of the maintained figures (`open_item`, `customer_balance`) from documents and allocations,
/// set-based (one GROUP BY per allocation kind), and the check that compares them. The migration back-fills
/// with the same SQL, so "maintained" and "recomputed" have one definition each side.
enum MaintainedBalances {
    /// Rows (kind, id, customer_id, currency, due_date, open_amount) of every posted invoice and credit note and
    /// every receipt, open amounts recomputed from all allocations (receipts: due_date is the receipt date).
    static let recomputedOpenItemsSQL = """
        SELECT d.kind, d.id, d.customer_id, d.currency, d.due_date,
               d.total - COALESCE(CASE d.kind WHEN 'invoice' THEN ai.s ELSE ac.s END, 0)
        FROM document d
        LEFT JOIN (SELECT invoice_id AS id, SUM(amount) AS s FROM allocation GROUP BY invoice_id) ai ON ai.id = d.id
        LEFT JOIN (SELECT source_id AS id, SUM(amount) AS s FROM allocation WHERE source = 'credit_note'
                   GROUP BY source_id) ac ON ac.id = d.id
        WHERE d.status = 'posted'
        UNION ALL
        SELECT 'receipt', r.id, r.customer_id, r.currency, r.date, r.amount - COALESCE(ar.s, 0)
        FROM receipt r
        LEFT JOIN (SELECT source_id AS id, SUM(amount) AS s FROM allocation WHERE source = 'receipt'
                   GROUP BY source_id) ar ON ar.id = r.id
        """

    /// Rows (customer_id, currency, open_invoices, open_invoice_count, unapplied_credits, earliest_open_due)
    /// summed from `source`, a table or parenthesised query shaped like `open_item`.
    static func recomputedBalancesSQL(from source: String) -> String {
        """
        SELECT customer_id, currency,
               SUM(CASE WHEN kind = 'invoice' THEN open_amount ELSE 0 END),
               SUM(CASE WHEN kind = 'invoice' AND open_amount <> 0 THEN 1 ELSE 0 END),
               SUM(CASE WHEN kind <> 'invoice' THEN open_amount ELSE 0 END),
               MIN(CASE WHEN kind = 'invoice' AND open_amount <> 0 THEN due_date END)
        FROM \(source) GROUP BY customer_id, currency
        """
    }

    static let itemColumns = ["customer_id", "currency", "due_date", "open_amount"]
    static let balanceColumns = ["open_invoices", "open_invoice_count", "unapplied_credits", "earliest_open_due"]

    /// Every difference between the maintained rows and their recomputation (see `MaintainedBalanceDifference`).
    /// Balance rows that are all zero count as absent (a customer whose documents are all settled or void).
    static func differences(_ db: Database) throws -> [MaintainedBalanceDifference] {
        let items = """
            WITH m AS (SELECT kind, id, customer_id, currency, due_date, open_amount FROM open_item),
                 r(kind, id, customer_id, currency, due_date, open_amount) AS (\(recomputedOpenItemsSQL))
            SELECT 'stored' AS side, * FROM (SELECT * FROM m EXCEPT SELECT * FROM r)
            UNION ALL SELECT 'recomputed', * FROM (SELECT * FROM r EXCEPT SELECT * FROM m)
            ORDER BY kind, id
            """
        let nonZero = "open_invoices <> 0 OR open_invoice_count <> 0 OR unapplied_credits <> 0"
            + " OR earliest_open_due IS NOT NULL"
        let balances = """
            WITH m AS (SELECT customer_id, currency, open_invoices, open_invoice_count, unapplied_credits,
                              earliest_open_due FROM customer_balance WHERE \(nonZero)),
                 ri(kind, id, customer_id, currency, due_date, open_amount) AS (\(recomputedOpenItemsSQL)),
                 r0(customer_id, currency, open_invoices, open_invoice_count, unapplied_credits, earliest_open_due)
                   AS (\(recomputedBalancesSQL(from: "ri"))),
                 r AS (SELECT * FROM r0 WHERE \(nonZero))
            SELECT 'stored' AS side, * FROM (SELECT * FROM m EXCEPT SELECT * FROM r)
            UNION ALL SELECT 'recomputed', * FROM (SELECT * FROM r EXCEPT SELECT * FROM m)
            ORDER BY customer_id, currency
            """
        var result: [MaintainedBalanceDifference] = []
        let itemRows = try Row.fetchAll(db, sql: items)
        typealias C = QueryColumns
        for (key, pair) in paired(itemRows, key: { "\($0[C.kind] as String? ?? "")#\($0[C.id] as Int64? ?? 0)" }) {
            let subject = try itemSubject(db, key: key)
            result += compare(subject: subject, pair, columns: itemColumns)
        }
        let balanceRows = try Row.fetchAll(db, sql: balances)
        for (_, pair) in paired(balanceRows,
                                key: { "\($0[C.customerID] as Int64? ?? 0)#\($0[C.currency] as String? ?? "")" }) {
            let any = pair.stored ?? pair.recomputed
            let customerID: Int64 = any?[C.customerID] ?? 0
            let code = try String.fetchOne(db, sql: "SELECT code FROM customer WHERE id = ?", arguments: [customerID])
            let subject = "\(code ?? "#\(customerID)") \(any?[C.currency] as String? ?? "")"
            result += compare(subject: subject, pair, columns: balanceColumns, missing: "balance-row")
        }
        // Open invoices per due month (`open_due_month`, aging today); rows whose count is 0 count as absent.
        let months = """
            WITH m AS (SELECT month, customer_id, currency, amount, n FROM open_due_month
                       WHERE n <> 0 OR amount <> 0),
                 ri(kind, id, customer_id, currency, due_date, open_amount) AS (\(recomputedOpenItemsSQL)),
                 r(month, customer_id, currency, amount, n) AS (\(DueMonthSchema.recomputedSQL(from: "ri")))
            SELECT 'stored' AS side, * FROM (SELECT * FROM m EXCEPT SELECT * FROM r)
            UNION ALL SELECT 'recomputed', * FROM (SELECT * FROM r EXCEPT SELECT * FROM m)
            ORDER BY customer_id, currency, month
            """
        let monthRows = try Row.fetchAll(db, sql: months)
        let monthKey: (Row) -> String = { row in
            let customer: Int64 = row[C.customerID] ?? 0, currency: String = row[C.currency] ?? ""
            return "\(customer)#\(currency)#\(row[C.month] as String? ?? "")"
        }
        for (_, pair) in paired(monthRows, key: monthKey) {
            let any = pair.stored ?? pair.recomputed
            let customerID: Int64 = any?[C.customerID] ?? 0
            let code = try String.fetchOne(db, sql: "SELECT code FROM customer WHERE id = ?", arguments: [customerID])
            let currency: String = any?[C.currency] ?? "", month: String = any?[C.month] ?? ""
            let subject = "\(code ?? "#\(customerID)") \(currency) \(month)"
            result += compare(subject: subject, pair, columns: ["amount", "n"], missing: "due-month-row")
                .map { MaintainedBalanceDifference(subject: $0.subject, field: "due_month_" + $0.field,
                                                   stored: $0.stored, recomputed: $0.recomputed) }
        }
        result += try customerMonthDifferences(db)
        result += try currencyMonthDifferences(db) + settledDifferences(db) + dueDayDifferences(db)
            + collectionMonthDifferences(db) + tallyDifferences(db) + vatMonthDifferences(db)
        // Allocations dated after their receipt or credit note (`late_allocation`, unapplied credits as of a date).
        let late = """
            WITH r AS (\(LateAllocationSchema.recomputedSQL)),
                 m AS (SELECT source, date, id, source_id FROM late_allocation)
            SELECT 'stored' AS side, * FROM (SELECT * FROM m EXCEPT SELECT * FROM r)
            UNION ALL SELECT 'recomputed', * FROM (SELECT * FROM r EXCEPT SELECT * FROM m)
            ORDER BY id
            """
        for row in try Row.fetchAll(db, sql: late) {
            typealias A = Allocation.Columns
            let stored = (row[C.side] as String?) == "stored"
            let source: String = row[A.source] ?? "", sourceID: Int64 = row[A.sourceID] ?? 0
            let text = "\(source) #\(sourceID) \(row[A.date] as String? ?? "")"
            result.append(MaintainedBalanceDifference(subject: "allocation #\(row[A.id] as Int64? ?? 0)",
                                                      field: "late_allocation", stored: stored ? text : "absent",
                                                      recomputed: stored ? "absent" : text))
        }
        return result
    }

    /// Sales per customer and month (`customer_month`, s13-cust) against the posted documents; rows whose count and
    /// amounts are 0 count as absent. Subject `CODE CUR YYYY-MM`, field `customer_month_` + column.
    static func customerMonthDifferences(_ db: Database) throws -> [MaintainedBalanceDifference] {
        guard try db.tableExists("customer_month") else { return [] }
        let columns = CustomerMonthSchema.valueColumns
        let list = columns.joined(separator: ", ")
        let sql = """
            WITH m AS (SELECT customer_id, date, currency, \(list) FROM customer_month
                       WHERE n <> 0 OR net <> 0 OR tax <> 0 OR total <> 0 OR last_invoice IS NOT NULL),
                 r(customer_id, date, currency, \(list)) AS (\(CustomerMonthSchema.recomputedSQL))
            SELECT 'stored' AS side, * FROM (SELECT * FROM m EXCEPT SELECT * FROM r)
            UNION ALL SELECT 'recomputed', * FROM (SELECT * FROM r EXCEPT SELECT * FROM m)
            ORDER BY customer_id, currency, date
            """
        typealias C = QueryColumns
        let key: (Row) -> String = { row in
            "\(row[C.customerID] as Int64? ?? 0)#\(row[C.currency] as String? ?? "")#\(row[C.date] as String? ?? "")"
        }
        var result: [MaintainedBalanceDifference] = []
        for (_, pair) in paired(try Row.fetchAll(db, sql: sql), key: key) {
            let any = pair.stored ?? pair.recomputed
            let customerID: Int64 = any?[C.customerID] ?? 0
            let code = try String.fetchOne(db, sql: "SELECT code FROM customer WHERE id = ?", arguments: [customerID])
            let currency: String = any?[C.currency] ?? "", date: String = any?[C.date] ?? ""
            let subject = "\(code ?? "#\(customerID)") \(currency) \(date.prefix(7))"
            result += compare(subject: subject, pair, columns: columns, missing: "row")
                .map { MaintainedBalanceDifference(subject: $0.subject, field: "customer_month_" + $0.field,
                                                   stored: $0.stored, recomputed: $0.recomputed) }
        }
        return result
    }

    /// `open_due_currency_month` against the due months recomputed from the documents, summed per currency.
    private static func currencyMonthDifferences(_ db: Database) throws -> [MaintainedBalanceDifference] {
        let sql = """
            WITH ri(kind, id, customer_id, currency, due_date, open_amount) AS (\(recomputedOpenItemsSQL)),
                 rm(month, customer_id, currency, amount, n) AS (\(DueMonthSchema.recomputedSQL(from: "ri"))),
                 r(currency, month, amount, n) AS (\(DueCurrencyMonthSchema.recomputedSQL(from: "rm"))),
                 m AS (SELECT currency, month, amount, n FROM open_due_currency_month WHERE n <> 0 OR amount <> 0)
            SELECT 'stored' AS side, * FROM (SELECT * FROM m EXCEPT SELECT * FROM r)
            UNION ALL SELECT 'recomputed', * FROM (SELECT * FROM r EXCEPT SELECT * FROM m)
            ORDER BY currency, month
            """
        let rows = try Row.fetchAll(db, sql: sql)
        return paired(rows, key: { "\($0[1] as String? ?? "") \($0[2] as String? ?? "")" }).flatMap { key, pair in
            compare(subject: key, pair, columns: ["amount", "n"], missing: "due-currency-month-row").map {
                MaintainedBalanceDifference(subject: $0.subject, field: "due_currency_month_" + $0.field,
                                            stored: $0.stored, recomputed: $0.recomputed)
            }
        }
    }

    /// `collection_month` (s19-coll) against its recomputation from the documents, allocations and receipts; rows
    /// whose count is 0 count as absent. Subject `YYYY-MM CUR`, field `collection_month_` + column.
    private static func collectionMonthDifferences(_ db: Database) throws -> [MaintainedBalanceDifference] {
        try tableDifferences(db, "collection_month", columns: CollectionMonthSchema.columns,
                             recomputed: CollectionMonthSchema.recomputedSQL, present: "n <> 0",
                             orderBy: "month, currency", keys: 2, compared: ["due", "collected", "settled", "n"])
    }

    /// `document_tally` (s31-reads) against its recomputation from the posted documents and their lines; rows whose
    /// count, lines and total are 0 count as absent. Subject `KIND CUR`, field `document_tally_` + column.
    private static func tallyDifferences(_ db: Database) throws -> [MaintainedBalanceDifference] {
        try tableDifferences(db, "document_tally", columns: DocumentTallySchema.columns,
                             recomputed: DocumentTallySchema.recomputedSQL,
                             present: "n <> 0 OR lines <> 0 OR total <> 0", orderBy: "kind, currency", keys: 2,
                             compared: ["n", "lines", "total"])
    }

    /// `vat_month` (s31-reads) against its recomputation from the posted documents' lines; rows whose count, net and
    /// tax are 0 count as absent. Subject `YYYY-MM RATE CUR` (rate in basis points), field `vat_month_` + column.
    private static func vatMonthDifferences(_ db: Database) throws -> [MaintainedBalanceDifference] {
        try tableDifferences(db, "vat_month", columns: VatMonthSchema.columns, recomputed: VatMonthSchema.recomputedSQL,
                             present: "n <> 0 OR net <> 0 OR tax <> 0", orderBy: "month, rate, currency", keys: 3,
                             compared: ["net", "tax", "n"])
    }

    /// A maintained `table` against `recomputed` (a SELECT of the same `columns`), rows failing `present` counting as
    /// absent on both sides: the rows only one side has, paired by their first `keys` columns (the subject, joined
    /// by spaces), each differing column of `compared` one difference named `<table>_<column>` (`…_row` when a side
    /// has no row). Nothing when the table does not exist (a ledger before its migration).
    private static func tableDifferences(_ db: Database, _ table: String, columns: String, recomputed: String,
                                         present: String, orderBy: String, keys: Int,
                                         compared: [String]) throws -> [MaintainedBalanceDifference] {
        guard try db.tableExists(table) else { return [] }
        let sql = """
            WITH r(\(columns)) AS (\(recomputed)),
                 m AS (SELECT \(columns) FROM \(table) WHERE \(present))
            SELECT 'stored' AS side, * FROM (SELECT * FROM m EXCEPT SELECT * FROM r WHERE \(present))
            UNION ALL SELECT 'recomputed', * FROM (SELECT * FROM r WHERE \(present) EXCEPT SELECT * FROM m)
            ORDER BY \(orderBy)
            """
        let rows = try Row.fetchAll(db, sql: sql)
        let key: (Row) -> String = { row in
            (1...keys).map { i -> String in
                let value: DatabaseValue = row[i]
                return String.fromDatabaseValue(value) ?? Int64.fromDatabaseValue(value).map(String.init) ?? ""
            }.joined(separator: " ")
        }
        return paired(rows, key: key).flatMap { subject, pair in
            compare(subject: subject, pair, columns: compared, missing: "row").map {
                MaintainedBalanceDifference(subject: $0.subject, field: "\(table)_" + $0.field,
                                            stored: $0.stored, recomputed: $0.recomputed)
            }
        }
    }

    /// `open_due_day` (s14-recv) against the open invoices recomputed from the documents, counted per currency and
    /// due date. Subject `CUR YYYY-MM-DD`, field `due_day_n` or `due_day_row`.
    private static func dueDayDifferences(_ db: Database) throws -> [MaintainedBalanceDifference] {
        guard try db.tableExists("open_due_day") else { return [] }
        let sql = """
            WITH ri(kind, id, customer_id, currency, due_date, open_amount) AS (\(recomputedOpenItemsSQL)),
                 r(currency, due_date, n) AS (\(DueDaySchema.recomputedSQL(from: "ri"))),
                 m AS (SELECT currency, due_date, n FROM open_due_day WHERE n <> 0)
            SELECT 'stored' AS side, * FROM (SELECT * FROM m EXCEPT SELECT * FROM r)
            UNION ALL SELECT 'recomputed', * FROM (SELECT * FROM r EXCEPT SELECT * FROM m)
            ORDER BY currency, due_date
            """
        let rows = try Row.fetchAll(db, sql: sql)
        return paired(rows, key: { "\($0[1] as String? ?? "") \($0[2] as String? ?? "")" }).flatMap { key, pair in
            compare(subject: key, pair, columns: ["n"], missing: "row").map {
                MaintainedBalanceDifference(subject: $0.subject, field: "due_day_" + $0.field,
                                            stored: $0.stored, recomputed: $0.recomputed)
            }
        }
    }

    /// `invoice_settled` against its recomputation from the recomputed open amounts, documents and allocations.
    private static func settledDifferences(_ db: Database) throws -> [MaintainedBalanceDifference] {
        let recomputed = InvoiceSettledSchema.recomputedSQL(from: "ri", everyInvoice: true)
        let sql = """
            WITH ri(kind, id, customer_id, currency, due_date, open_amount) AS (\(recomputedOpenItemsSQL)),
                 r(\(InvoiceSettledSchema.columns)) AS (\(recomputed)),
                 m AS (SELECT \(InvoiceSettledSchema.columns) FROM invoice_settled)
            SELECT 'stored' AS side, * FROM (SELECT * FROM m EXCEPT SELECT * FROM r)
            UNION ALL SELECT 'recomputed', * FROM (SELECT * FROM r EXCEPT SELECT * FROM m)
            ORDER BY id
            """
        let rows = try Row.fetchAll(db, sql: sql)
        var result: [MaintainedBalanceDifference] = []
        for (key, pair) in paired(rows, key: { "invoice#\($0[1] as Int64? ?? 0)" }) {
            let subject = try itemSubject(db, key: key)
            let columns = ["day", "settled_day", "customer_id", "due_day", "paid_day"]
            result += compare(subject: subject, pair, columns: columns, missing: "settled-row").map {
                MaintainedBalanceDifference(subject: $0.subject, field: "invoice_" + $0.field,
                                            stored: $0.stored, recomputed: $0.recomputed)
            }
        }
        return result
    }

    private typealias Pair = (stored: Row?, recomputed: Row?)

    /// Rows grouped by key into (stored, recomputed), in first-seen order.
    private static func paired(_ rows: [Row], key: (Row) -> String) -> [(String, Pair)] {
        var order: [String] = []
        var pairs: [String: Pair] = [:]
        for row in rows {
            let k = key(row)
            if pairs[k] == nil { order.append(k); pairs[k] = (nil, nil) }
            if (row[QueryColumns.side] as String?) == "stored" {
                pairs[k]?.stored = row
            } else {
                pairs[k]?.recomputed = row
            }
        }
        return order.map { ($0, pairs[$0] ?? (nil, nil)) }
    }

    private static func compare(subject: String, _ pair: Pair, columns: [String],
                                missing: String = "row") -> [MaintainedBalanceDifference] {
        guard let stored = pair.stored, let recomputed = pair.recomputed else {
            return [MaintainedBalanceDifference(subject: subject, field: missing,
                                                stored: describe(pair.stored, columns),
                                                recomputed: describe(pair.recomputed, columns))]
        }
        return columns.compactMap { column in
            let a = text(stored[column] as DatabaseValue), b = text(recomputed[column] as DatabaseValue)
            return a == b ? nil : MaintainedBalanceDifference(subject: subject, field: column, stored: a, recomputed: b)
        }
    }

    private static func describe(_ row: Row?, _ columns: [String]) -> String {
        guard let row else { return "absent" }
        return columns.map { "\($0)=\(text(row[$0] as DatabaseValue))" }.joined(separator: " ")
    }

    private static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "null"
        case .int64(let n): return String(n)
        case .double(let d): return String(d)
        case .string(let s): return s
        case .blob: return "blob"
        }
    }

    /// `INV-2025-000001` for `invoice#12`, the receipt's number for `receipt#3`, else the key itself.
    private static func itemSubject(_ db: Database, key: String) throws -> String {
        let parts = key.split(separator: "#")
        guard parts.count == 2, let id = Int64(parts[1]) else { return key }
        let table = parts[0] == "receipt" ? "receipt" : "document"
        let number = try String.fetchOne(db, sql: "SELECT display_number FROM \(table) WHERE id = ?", arguments: [id])
        return number ?? "\(parts[0]) #\(id)"
    }
}

extension SQLiteLedgerStore {
    /// See `AuditQueries.recomputeMaintainedBalances`. - Throws: `LedgerError.storage`.
    public func recomputeMaintainedBalances() throws -> [MaintainedBalanceDifference] {
        try read { db in try MaintainedBalances.differences(db) }
    }
}
