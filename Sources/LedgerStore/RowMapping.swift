import GRDB
import LedgerCore

/// Row ↔ value mapping shared by the transaction and the queries.
///
/// Reads are truthful: a stored value the domain cannot represent (a bad date, an unknown currency, kind, status,
/// terms or source, a negative open balance) is `LedgerError.storage` naming the table, the row id and the column,
/// never a made-up value such as 1970-01-01 or "posted".
enum RowMapping {
    /// The error for a stored value that cannot be read back: `table document, row 12, column date: '2013-02-30' …`.
    static func invalid(_ table: String, _ row: Row, _ column: String, _ problem: String) -> LedgerError {
        let id: Int64? = row[QueryColumns.id]
        return .storage("table \(table), row \(id.map(String.init) ?? "?"), column \(column): \(problem)")
    }

    static func date(_ row: Row, _ column: some ColumnExpression, _ table: String) throws(LedgerError) -> CivilDate {
        let text: String? = row[column]
        guard let text, let date = CivilDate(iso: text) else {
            throw invalid(table, row, column.name, "'\(text ?? "NULL")' is not a date (YYYY-MM-DD)")
        }
        return date
    }

    /// A nullable date column: NULL is nil, anything else must be a date.
    static func optionalDate(_ row: Row, _ column: some ColumnExpression,
                             _ table: String) throws(LedgerError) -> CivilDate? {
        let text: String? = row[column]
        return text == nil ? nil : try date(row, column, table)
    }

    static func currency(_ row: Row, _ table: String,
                         column: some ColumnExpression = QueryColumns.currency) throws(LedgerError) -> Currency {
        let code: String? = row[column]
        guard let code, let currency = Currency.named(code) else {
            throw invalid(table, row, column.name, "'\(code ?? "NULL")' is not a known ISO 4217 currency")
        }
        return currency
    }

    static func terms(_ row: Row, _ table: String) throws(LedgerError) -> PaymentTerms {
        let text: String = row[Customer.Columns.paymentTerms] ?? ""
        do { return try PaymentTerms.parse(text) } catch {
            throw invalid(table, row, "payment_terms", "'\(text)' is not a payment-terms code")
        }
    }

    /// A stored code (kind, status, source, method, role …) that must be one of `T`'s raw values.
    static func code<T: RawRepresentable>(_ row: Row, _ column: some ColumnExpression,
                                          _ table: String) throws(LedgerError) -> T where T.RawValue == String {
        let text: String? = row[column]
        guard let text, let value = T(rawValue: text) else {
            throw invalid(table, row, column.name, "unknown value '\(text ?? "NULL")'")
        }
        return value
    }

    /// An open balance that must not be negative (allocations never exceed a document).
    static func openAmount(_ row: Row, _ column: some ColumnExpression,
                           _ table: String) throws(LedgerError) -> Int64 {
        let amount: Int64 = row[column] ?? 0
        guard amount >= 0 else { throw invalid(table, row, column.name, "negative open balance \(amount)") }
        return amount
    }

    static func customer(_ row: Row) throws -> Customer {
        typealias C = Customer.Columns
        var c = Customer(id: row[C.id], code: row[C.code], name: row[C.name])
        c.contact = row[C.contact]
        c.phone = row[C.phone]
        c.email = row[C.email]
        c.address = row[C.address]
        c.region = row[C.region]
        c.channel = row[C.channel]
        c.customerClass = row[C.customerClass]
        c.currency = try currency(row, "customer")
        if let limit: Int64 = row[C.creditLimit] { c.creditLimit = Money(minorUnits: limit, currency: c.currency) }
        c.paymentTerms = try terms(row, "customer")
        c.notes = row[C.notes]
        c.isArchived = row[C.archived]
        c.pinyin = row[C.pinyin]
        c.pinyinInitials = row[C.pinyinInitials]
        return c
    }

    static func customerArguments(_ c: Customer) -> StatementArguments {
        [c.code, c.name, c.contact, c.phone, c.email, c.address, c.region, c.channel, c.customerClass,
         c.creditLimit?.minorUnits, c.paymentTerms.code, c.currency.code, c.notes, c.isArchived, c.pinyin,
         c.pinyinInitials]
    }

    static let customerColumns = "code, name, contact, phone, email, address, region, channel, customer_class, "
                                 + "credit_limit, payment_terms, currency, notes, archived, pinyin, pinyin_initials"

    static func product(_ row: Row) throws -> Product {
        typealias C = Product.Columns
        let cur = try currency(row, "product")
        var p = Product(id: row[C.id], sku: row[C.sku], name: row[C.name],
                        unitPrice: Money(minorUnits: row[C.unitPrice], currency: cur))
        p.category = row[C.category]
        p.unit = row[C.unit]
        p.taxRate = Rate(basisPoints: row[C.taxRateBP])
        p.pinyin = row[C.pinyin]
        p.pinyinInitials = row[C.pinyinInitials]
        p.isArchived = row[C.archived]
        return p
    }

    static func salesperson(_ row: Row) -> Salesperson {
        typealias C = Salesperson.Columns
        var s = Salesperson(id: row[C.id], code: row[C.code], name: row[C.name])
        s.region = row[C.region]
        return s
    }

    static func invoice(_ row: Row, lines: [InvoiceLine]) throws -> Invoice {
        typealias C = Invoice.Columns
        let cur = try currency(row, "document")
        func money(_ column: C) -> Money { Money(minorUnits: row[column], currency: cur) }
        var inv = Invoice(
            id: row[C.id], kind: try code(row, C.kind, "document"), series: row[C.series],
            numberYear: row[C.numberYear], number: row[C.number], date: try date(row, C.date, "document"),
            dueDate: try date(row, C.dueDate, "document"),
            customerID: row[C.customerID], salespersonID: row[C.salespersonID], channel: row[C.channel],
            region: row[C.region], currency: cur, paymentTerms: try terms(row, "document"),
            status: try code(row, C.status, "document"), lines: lines, subtotal: money(.subtotal),
            taxTotal: money(.taxTotal), total: money(.total), appliesToInvoiceID: row[C.appliesToID])
        inv.isDisputed = row[C.disputed]
        inv.disputeReason = row[C.disputeReason]
        inv.externalReference = row[C.externalRef]
        inv.note = row[C.note]
        inv.voidReason = row[C.voidReason]
        return inv
    }

    static func line(_ row: Row, currency cur: Currency) -> InvoiceLine {
        typealias C = InvoiceLine.Columns
        var line = InvoiceLine(productID: row[C.productID], description: row[C.description],
                    quantity: Quantity(thousandths: row[C.quantityMilli]),
                    unitPrice: Money(minorUnits: row[C.unitPrice], currency: cur),
                    discount: Rate(basisPoints: row[C.discountBP]), taxRate: Rate(basisPoints: row[C.taxRateBP]),
                    netAmount: Money(minorUnits: row[C.netAmount], currency: cur),
                    taxAmount: Money(minorUnits: row[C.taxAmount], currency: cur))
        line.creditsLine = row[C.creditsLineNo]
        return line
    }

    static func receipt(_ row: Row) throws -> Receipt {
        typealias C = Receipt.Columns
        return Receipt(id: row[C.id], series: row[C.series], numberYear: row[C.numberYear], number: row[C.number],
                       customerID: row[C.customerID], date: try date(row, C.date, "receipt"),
                       amount: Money(minorUnits: row[C.amount], currency: try currency(row, "receipt")),
                       method: try code(row, C.method, "receipt"), reference: row[C.reference], note: row[C.note])
    }

    static func allocation(_ row: Row) throws -> Allocation {
        typealias C = Allocation.Columns
        return Allocation(id: row[C.id], invoiceID: row[C.invoiceID],
                          source: try code(row, C.source, "allocation"), sourceID: row[C.sourceID],
                          date: try date(row, C.date, "allocation"),
                          amount: Money(minorUnits: row[C.amount], currency: try currency(row, "allocation")),
                          reversesID: row[C.reversesID], note: row[C.note])
    }

    /// A row of the document lists (`SQLiteLedgerStore.documentRows`, `invoiceRows`).
    static func invoiceListRow(_ row: Row) throws -> InvoiceListRow {
        typealias C = QueryColumns
        let cur = try currency(row, "document")
        return InvoiceListRow(id: row[C.id], number: row[C.number], kind: try code(row, C.kind, "document"),
                              status: try code(row, C.status, "document"), date: try date(row, C.date, "document"),
                              dueDate: try date(row, Invoice.Columns.dueDate, "document"), customerCode: row[C.code],
                              customerName: row[C.name], total: Money(minorUnits: row[C.total], currency: cur),
                              open: try openAmount(row, C.open, "document"),
                              credited: row.hasColumn("credited") ? row["credited"] ?? 0 : 0)
    }

    /// Open items as of `:asOf`: posted invoices dated up to it with their allocations up to it subtracted; only
    /// open > 0. `setBased`: the amounts come from `OpenAsOf.invoiceAmounts` (one GROUP BY over the allocations
    /// dated after `:asOf`, for lists over the ledger); otherwise per document by `OpenAsOf.invoiceOpen`, for a
    /// `whereClause` that narrows to few documents on an index (one customer: `document_customer`).
    /// `orderBy` (set-based form): the SQL order of the rows, by default the oldest due date first.
    static func openItemsSQL(whereClause: String, setBased: Bool = true,
                             orderBy: String = "d.due_date, d.date, d.display_number") -> String {
        if setBased {
            return """
            \(OpenAsOf.withInvoicesOpen(asOf: ":asOf"))
            SELECT d.id, d.display_number, d.customer_id, c.code AS customer_code, c.name AS customer_name,
                   COALESCE(s.name, '') AS salesperson, d.region, d.channel, d.date, d.due_date, d.currency, d.total,
                   d.disputed, o.open AS open
            FROM open_as_of o
            JOIN document d ON d.id = o.id
            JOIN customer c ON c.id = d.customer_id
            LEFT JOIN salesperson s ON s.id = d.salesperson_id
            WHERE o.open <> 0 AND d.kind = 'invoice' AND d.status = 'posted' AND d.date <= :asOf AND \(whereClause)
            ORDER BY \(orderBy)
            """
        }
        return """
        SELECT * FROM (
          SELECT d.id, d.display_number, d.customer_id, c.code AS customer_code, c.name AS customer_name,
                 COALESCE(s.name, '') AS salesperson, d.region, d.channel, d.date, d.due_date, d.currency, d.total,
                 d.disputed,
                 \(OpenAsOf.invoiceOpen(asOf: ":asOf")) AS open
          FROM document d
          JOIN customer c ON c.id = d.customer_id
          LEFT JOIN salesperson s ON s.id = d.salesperson_id
          WHERE d.kind = 'invoice' AND d.status = 'posted' AND d.date <= :asOf AND \(whereClause)
        ) WHERE open <> 0
        ORDER BY due_date, date, display_number
        """
    }

    /// - Throws: `LedgerError.storage` for a bad date or currency, or a negative open balance.
    /// Reads the columns by position, in the order every open-items query selects them (`openItemsSQL`): id,
    /// display_number, customer_id, customer_code, customer_name, salesperson, region, channel, date, due_date,
    /// currency, total, disputed, open (a look-up by name per cell was a third of a receipt's invoice look-up).
    static func openItem(_ row: Row) throws -> OpenItem {
        typealias C = OpenItem.Columns
        func day(_ index: Int, _ column: C) throws(LedgerError) -> CivilDate {
            let text: String? = row[index]
            guard let text, let date = CivilDate(iso: text) else {
                throw invalid("document", row, column.name, "'\(text ?? "NULL")' is not a date (YYYY-MM-DD)")
            }
            return date
        }
        let code: String? = row[10]
        guard let code, let currency = Currency.named(code) else {
            throw invalid("document", row, "currency", "'\(code ?? "NULL")' is not a known ISO 4217 currency")
        }
        let open: Int64 = row[13] ?? 0
        guard open >= 0 else { throw invalid("document", row, C.open.name, "negative open balance \(open)") }
        return OpenItem(invoiceID: row[0], number: row[1], customerID: row[2], customerCode: row[3],
                        customerName: row[4], salesperson: row[5], region: row[6], channel: row[7],
                        date: try day(8, C.date), dueDate: try day(9, C.dueDate), currency: currency,
                        total: row[11], open: open, isDisputed: row[12])
    }

    /// Unapplied receipts and credit notes; allocations and documents up to `:asOf` when `asOf`.
    static func unappliedSQL(whereClause: String, asOf: Bool) -> String {
        let docDate = asOf ? " AND r.date <= :asOf" : ""
        return """
        SELECT * FROM (
          SELECT 'receipt' AS source, r.id AS source_id, r.display_number, r.customer_id, c.code AS customer_code,
                 c.name AS customer_name, r.date, r.currency,
                 \(OpenAsOf.unapplied("receipt", asOf: asOf ? ":asOf" : nil)) AS unapplied
          FROM receipt r JOIN customer c ON c.id = r.customer_id
          WHERE \(whereClause)\(docDate) AND \(OpenAsOf.candidate("receipt", id: "r.id", asOf: asOf ? ":asOf" : nil))
          UNION ALL
          SELECT 'credit_note', r.id, r.display_number, r.customer_id, c.code, c.name, r.date, r.currency,
                 \(OpenAsOf.unapplied("credit_note", asOf: asOf ? ":asOf" : nil))
          FROM document r JOIN customer c ON c.id = r.customer_id
          WHERE r.kind = 'credit_note' AND r.status = 'posted' AND \(whereClause)\(docDate)
            AND \(OpenAsOf.candidate("credit_note", id: "r.id", asOf: asOf ? ":asOf" : nil))
        ) WHERE unapplied <> 0
        ORDER BY date, display_number
        """
    }

    static func unapplied(_ row: Row) throws -> UnappliedCredit {
        typealias C = UnappliedCredit.Columns
        let source: AllocationSource = try code(row, C.source, "allocation")
        let table = source == .receipt ? "receipt" : "document"
        let id: Int64 = row[C.sourceID]
        let amount: Int64 = row[C.unapplied]
        guard amount >= 0 else {
            throw LedgerError.storage("table \(table), row \(id), column amount: over-allocated, unapplied \(amount)")
        }
        return UnappliedCredit(source: source, sourceID: id, number: row[C.displayNumber],
                               customerID: row[C.customerID],
                               customerCode: row[C.customerCode], customerName: row[C.customerName],
                               date: try date(row, C.date, table), currency: try currency(row, table), amount: amount)
    }
}
