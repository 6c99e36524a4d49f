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
        let id: Int64? = row["id"]
        return .storage("table \(table), row \(id.map(String.init) ?? "?"), column \(column): \(problem)")
    }

    static func date(_ row: Row, _ column: String, _ table: String) throws(LedgerError) -> CivilDate {
        let text: String? = row[column]
        guard let text, let date = CivilDate(iso: text) else {
            throw invalid(table, row, column, "'\(text ?? "NULL")' is not a date (YYYY-MM-DD)")
        }
        return date
    }

    /// A nullable date column: NULL is nil, anything else must be a date.
    static func optionalDate(_ row: Row, _ column: String, _ table: String) throws(LedgerError) -> CivilDate? {
        let text: String? = row[column]
        return text == nil ? nil : try date(row, column, table)
    }

    static func currency(_ row: Row, _ table: String, column: String = "currency") throws(LedgerError) -> Currency {
        let code: String? = row[column]
        guard let code, let currency = Currency.named(code) else {
            throw invalid(table, row, column, "'\(code ?? "NULL")' is not a known ISO 4217 currency")
        }
        return currency
    }

    static func terms(_ row: Row, _ table: String) throws(LedgerError) -> PaymentTerms {
        let text: String = row["payment_terms"] ?? ""
        do { return try PaymentTerms.parse(text) } catch {
            throw invalid(table, row, "payment_terms", "'\(text)' is not a payment-terms code")
        }
    }

    /// A stored code (kind, status, source, method, role …) that must be one of `T`'s raw values.
    static func code<T: RawRepresentable>(_ row: Row, _ column: String, _ table: String) throws(LedgerError) -> T
        where T.RawValue == String {
        let text: String? = row[column]
        guard let text, let value = T(rawValue: text) else {
            throw invalid(table, row, column, "unknown value '\(text ?? "NULL")'")
        }
        return value
    }

    /// An open balance that must not be negative (allocations never exceed a document).
    static func openAmount(_ row: Row, _ column: String, _ table: String) throws(LedgerError) -> Int64 {
        let amount: Int64 = row[column] ?? 0
        guard amount >= 0 else { throw invalid(table, row, column, "negative open balance \(amount)") }
        return amount
    }

    static func customer(_ row: Row) throws -> Customer {
        var c = Customer(id: row["id"], code: row["code"], name: row["name"])
        c.contact = row["contact"]
        c.phone = row["phone"]
        c.email = row["email"]
        c.address = row["address"]
        c.region = row["region"]
        c.channel = row["channel"]
        c.customerClass = row["customer_class"]
        c.currency = try currency(row, "customer")
        if let limit: Int64 = row["credit_limit"] { c.creditLimit = Money(minorUnits: limit, currency: c.currency) }
        c.paymentTerms = try terms(row, "customer")
        c.notes = row["notes"]
        c.isArchived = row["archived"]
        c.pinyin = row["pinyin"]
        c.pinyinInitials = row["pinyin_initials"]
        return c
    }

    static func customerArguments(_ c: Customer) -> StatementArguments {
        [c.code, c.name, c.contact, c.phone, c.email, c.address, c.region, c.channel, c.customerClass,
         c.creditLimit?.minorUnits, c.paymentTerms.code, c.currency.code, c.notes, c.isArchived, c.pinyin, c.pinyinInitials]
    }

    static let customerColumns = "code, name, contact, phone, email, address, region, channel, customer_class, credit_limit, payment_terms, currency, notes, archived, pinyin, pinyin_initials"

    static func product(_ row: Row) throws -> Product {
        let cur = try currency(row, "product")
        var p = Product(id: row["id"], sku: row["sku"], name: row["name"],
                        unitPrice: Money(minorUnits: row["unit_price"], currency: cur))
        p.category = row["category"]
        p.unit = row["unit"]
        p.taxRate = Rate(basisPoints: row["tax_rate_bp"])
        p.pinyin = row["pinyin"]
        p.pinyinInitials = row["pinyin_initials"]
        p.isArchived = row["archived"]
        return p
    }

    static func salesperson(_ row: Row) -> Salesperson {
        var s = Salesperson(id: row["id"], code: row["code"], name: row["name"])
        s.region = row["region"]
        return s
    }

    static func invoice(_ row: Row, lines: [InvoiceLine]) throws -> Invoice {
        let cur = try currency(row, "document")
        func money(_ column: String) -> Money { Money(minorUnits: row[column], currency: cur) }
        var inv = Invoice(
            id: row["id"], kind: try code(row, "kind", "document"), series: row["series"],
            numberYear: row["number_year"], number: row["number"], date: try date(row, "date", "document"),
            dueDate: try date(row, "due_date", "document"),
            customerID: row["customer_id"], salespersonID: row["salesperson_id"], channel: row["channel"],
            region: row["region"], currency: cur, paymentTerms: try terms(row, "document"),
            status: try code(row, "status", "document"), lines: lines, subtotal: money("subtotal"),
            taxTotal: money("tax_total"), total: money("total"), appliesToInvoiceID: row["applies_to_id"])
        inv.isDisputed = row["disputed"]
        inv.disputeReason = row["dispute_reason"]
        inv.externalReference = row["external_ref"]
        inv.note = row["note"]
        inv.voidReason = row["void_reason"]
        return inv
    }

    static func line(_ row: Row, currency cur: Currency) -> InvoiceLine {
        var line = InvoiceLine(productID: row["product_id"], description: row["description"],
                    quantity: Quantity(thousandths: row["quantity_milli"]),
                    unitPrice: Money(minorUnits: row["unit_price"], currency: cur),
                    discount: Rate(basisPoints: row["discount_bp"]), taxRate: Rate(basisPoints: row["tax_rate_bp"]),
                    netAmount: Money(minorUnits: row["net_amount"], currency: cur),
                    taxAmount: Money(minorUnits: row["tax_amount"], currency: cur))
        line.creditsLine = row["credits_line_no"]
        return line
    }

    static func receipt(_ row: Row) throws -> Receipt {
        Receipt(id: row["id"], series: row["series"], numberYear: row["number_year"], number: row["number"],
                customerID: row["customer_id"], date: try date(row, "date", "receipt"),
                amount: Money(minorUnits: row["amount"], currency: try currency(row, "receipt")),
                method: try code(row, "method", "receipt"), reference: row["reference"], note: row["note"])
    }

    static func allocation(_ row: Row) throws -> Allocation {
        Allocation(id: row["id"], invoiceID: row["invoice_id"],
                   source: try code(row, "source", "allocation"), sourceID: row["source_id"],
                   date: try date(row, "date", "allocation"),
                   amount: Money(minorUnits: row["amount"], currency: try currency(row, "allocation")),
                   reversesID: row["reverses_id"], note: row["note"])
    }

    /// Open items: posted invoices with allocations up to `asOf` (nil = all) subtracted; only open > 0.
    /// With `asOf`, the amounts come from the set-based `OpenAsOf.invoiceAmounts` (one GROUP BY over the
    /// allocations dated after `:asOf`); without it, per document (the write path's per-customer lists).
    static func openItemsSQL(whereClause: String, asOf: Bool) -> String {
        if asOf {
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
            ORDER BY d.due_date, d.date, d.display_number
            """
        }
        return """
        SELECT * FROM (
          SELECT d.id, d.display_number, d.customer_id, c.code AS customer_code, c.name AS customer_name,
                 COALESCE(s.name, '') AS salesperson, d.region, d.channel, d.date, d.due_date, d.currency, d.total,
                 d.disputed,
                 \(OpenAsOf.invoiceOpen(asOf: asOf ? ":asOf" : nil)) AS open
          FROM document d
          JOIN customer c ON c.id = d.customer_id
          LEFT JOIN salesperson s ON s.id = d.salesperson_id
          WHERE d.kind = 'invoice' AND d.status = 'posted' AND \(whereClause)
            AND \(OpenAsOf.candidate("invoice", id: "d.id", asOf: asOf ? ":asOf" : nil))
        ) WHERE open <> 0
        ORDER BY due_date, date, display_number
        """
    }

    /// - Throws: `LedgerError.storage` for a bad date or currency, or a negative open balance.
    static func openItem(_ row: Row) throws -> OpenItem {
        OpenItem(invoiceID: row["id"], number: row["display_number"], customerID: row["customer_id"],
                 customerCode: row["customer_code"], customerName: row["customer_name"], salesperson: row["salesperson"],
                 region: row["region"], channel: row["channel"], date: try date(row, "date", "document"),
                 dueDate: try date(row, "due_date", "document"), currency: try currency(row, "document"),
                 total: row["total"], open: try openAmount(row, "open", "document"), isDisputed: row["disputed"])
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
        let source: AllocationSource = try code(row, "source", "allocation")
        let table = source == .receipt ? "receipt" : "document"
        let id: Int64 = row["source_id"]
        let amount: Int64 = row["unapplied"]
        guard amount >= 0 else {
            throw LedgerError.storage("table \(table), row \(id), column amount: over-allocated, unapplied \(amount)")
        }
        return UnappliedCredit(source: source, sourceID: id, number: row["display_number"], customerID: row["customer_id"],
                               customerCode: row["customer_code"], customerName: row["customer_name"],
                               date: try date(row, "date", table), currency: try currency(row, table), amount: amount)
    }
}
