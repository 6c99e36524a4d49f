import GRDB
import LedgerCore

/// Row ↔ value mapping shared by the transaction and the queries.
enum RowMapping {
    static func currency(_ code: String) -> Currency { Currency.named(code) ?? Currency(code: code, minorDigits: 2) }
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text) ?? CivilDate(daysSinceEpoch: 0) }
    static func terms(_ text: String) -> PaymentTerms { (try? PaymentTerms.parse(text)) ?? .net30 }

    static func customer(_ row: Row) -> Customer {
        var c = Customer(id: row["id"], code: row["code"], name: row["name"])
        c.contact = row["contact"]
        c.phone = row["phone"]
        c.email = row["email"]
        c.address = row["address"]
        c.region = row["region"]
        c.channel = row["channel"]
        c.customerClass = row["customer_class"]
        c.currency = currency(row["currency"])
        if let limit: Int64 = row["credit_limit"] { c.creditLimit = Money(minorUnits: limit, currency: c.currency) }
        c.paymentTerms = terms(row["payment_terms"])
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

    static func product(_ row: Row) -> Product {
        let cur = currency(row["currency"])
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

    static func invoice(_ row: Row, lines: [InvoiceLine]) -> Invoice {
        let cur = currency(row["currency"])
        func money(_ column: String) -> Money { Money(minorUnits: row[column], currency: cur) }
        var inv = Invoice(
            id: row["id"], kind: DocumentKind(rawValue: row["kind"]) ?? .invoice, series: row["series"],
            numberYear: row["number_year"], number: row["number"], date: date(row["date"]), dueDate: date(row["due_date"]),
            customerID: row["customer_id"], salespersonID: row["salesperson_id"], channel: row["channel"],
            region: row["region"], currency: cur, paymentTerms: terms(row["payment_terms"]),
            status: DocumentStatus(rawValue: row["status"]) ?? .posted, lines: lines, subtotal: money("subtotal"),
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

    static func receipt(_ row: Row) -> Receipt {
        Receipt(id: row["id"], series: row["series"], numberYear: row["number_year"], number: row["number"],
                customerID: row["customer_id"], date: date(row["date"]),
                amount: Money(minorUnits: row["amount"], currency: currency(row["currency"])),
                method: PaymentMethod(rawValue: row["method"]) ?? .other, reference: row["reference"], note: row["note"])
    }

    static func allocation(_ row: Row) -> Allocation {
        Allocation(id: row["id"], invoiceID: row["invoice_id"],
                   source: AllocationSource(rawValue: row["source"]) ?? .receipt, sourceID: row["source_id"],
                   date: date(row["date"]), amount: Money(minorUnits: row["amount"], currency: currency(row["currency"])),
                   reversesID: row["reverses_id"], note: row["note"])
    }

    /// Open items: posted invoices with allocations up to `asOf` (nil = all) subtracted; only open > 0.
    static func openItemsSQL(whereClause: String, asOf: Bool) -> String {
        let dateFilter = asOf ? " AND a.date <= :asOf" : ""
        return """
        SELECT * FROM (
          SELECT d.id, d.display_number, d.customer_id, c.code AS customer_code, c.name AS customer_name,
                 COALESCE(s.name, '') AS salesperson, d.region, d.channel, d.date, d.due_date, d.currency, d.total,
                 d.disputed,
                 d.total - COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.invoice_id = d.id\(dateFilter)), 0) AS open
          FROM document d
          JOIN customer c ON c.id = d.customer_id
          LEFT JOIN salesperson s ON s.id = d.salesperson_id
          WHERE d.kind = 'invoice' AND d.status = 'posted' AND \(whereClause)
        ) WHERE open > 0
        ORDER BY due_date, date, display_number
        """
    }

    static func openItem(_ row: Row) -> OpenItem {
        OpenItem(invoiceID: row["id"], number: row["display_number"], customerID: row["customer_id"],
                 customerCode: row["customer_code"], customerName: row["customer_name"], salesperson: row["salesperson"],
                 region: row["region"], channel: row["channel"], date: date(row["date"]), dueDate: date(row["due_date"]),
                 currency: currency(row["currency"]), total: row["total"], open: row["open"], isDisputed: row["disputed"])
    }

    /// Unapplied receipts and credit notes; allocations and documents up to `:asOf` when `asOf`.
    static func unappliedSQL(whereClause: String, asOf: Bool) -> String {
        let docDate = asOf ? " AND r.date <= :asOf" : ""
        let allocDate = asOf ? " AND a.date <= :asOf" : ""
        return """
        SELECT * FROM (
          SELECT 'receipt' AS source, r.id AS source_id, r.display_number, r.customer_id, c.code AS customer_code,
                 c.name AS customer_name, r.date, r.currency,
                 r.amount - COALESCE((SELECT SUM(a.amount) FROM allocation a
                                      WHERE a.source = 'receipt' AND a.source_id = r.id\(allocDate)), 0) AS unapplied
          FROM receipt r JOIN customer c ON c.id = r.customer_id
          WHERE \(whereClause)\(docDate)
          UNION ALL
          SELECT 'credit_note', r.id, r.display_number, r.customer_id, c.code, c.name, r.date, r.currency,
                 r.total - COALESCE((SELECT SUM(a.amount) FROM allocation a
                                     WHERE a.source = 'credit_note' AND a.source_id = r.id\(allocDate)), 0)
          FROM document r JOIN customer c ON c.id = r.customer_id
          WHERE r.kind = 'credit_note' AND r.status = 'posted' AND \(whereClause)\(docDate)
        ) WHERE unapplied > 0
        ORDER BY date, display_number
        """
    }

    static func unapplied(_ row: Row) -> UnappliedCredit {
        UnappliedCredit(source: AllocationSource(rawValue: row["source"]) ?? .receipt, sourceID: row["source_id"],
                        number: row["display_number"], customerID: row["customer_id"],
                        customerCode: row["customer_code"], customerName: row["customer_name"],
                        date: date(row["date"]), currency: currency(row["currency"]), amount: row["unapplied"])
    }
}
