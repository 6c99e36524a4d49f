import GRDB
import LedgerCore

// The stored columns of the ledger's tables and of the store's query rows, as GRDB column enums on the record
// types (`enum Columns: String, ColumnExpression`, the pattern of GRDB's demo apps): rows are read as
// `row[Customer.Columns.code]`, never by a string key a typo breaks silently. Internal to LedgerStore: no GRDB
// type is visible above the store protocols.

extension Customer {
    /// `customer`.
    enum Columns: String, ColumnExpression {
        case id, code, name, contact, phone, email, address, region, channel, customerClass = "customer_class"
        case creditLimit = "credit_limit", paymentTerms = "payment_terms", currency, notes, archived, pinyin
        case pinyinInitials = "pinyin_initials"
    }
}

extension Product {
    /// `product`.
    enum Columns: String, ColumnExpression {
        case id, sku, name, category, unit, unitPrice = "unit_price", currency, taxRateBP = "tax_rate_bp", pinyin
        case pinyinInitials = "pinyin_initials", archived
    }
}

extension Salesperson {
    /// `salesperson`.
    enum Columns: String, ColumnExpression {
        case id, code, name, region
    }
}

extension Invoice {
    /// `document` (invoices and credit notes).
    enum Columns: String, ColumnExpression {
        case id, kind, series, numberYear = "number_year", number, displayNumber = "display_number", date
        case dueDate = "due_date", customerID = "customer_id", salespersonID = "salesperson_id", channel, region
        case currency, paymentTerms = "payment_terms", status, subtotal, taxTotal = "tax_total", total
        case appliesToID = "applies_to_id", disputed, disputeReason = "dispute_reason", externalRef = "external_ref"
        case note, voidReason = "void_reason"
    }
}

extension InvoiceLine {
    /// `document_line`.
    enum Columns: String, ColumnExpression {
        case documentID = "document_id", lineNo = "line_no", productID = "product_id", description
        case quantityMilli = "quantity_milli", unitPrice = "unit_price", discountBP = "discount_bp"
        case taxRateBP = "tax_rate_bp", netAmount = "net_amount", taxAmount = "tax_amount"
        case creditsLineNo = "credits_line_no"
    }
}

extension Receipt {
    /// `receipt`.
    enum Columns: String, ColumnExpression {
        case id, series, numberYear = "number_year", number, displayNumber = "display_number"
        case customerID = "customer_id", date, amount, currency, method, reference, note
    }
}

extension Allocation {
    /// `allocation`.
    enum Columns: String, ColumnExpression {
        case id, invoiceID = "invoice_id", source, sourceID = "source_id", date, amount, currency
        case reversesID = "reverses_id", note
    }
}

extension OpenItem {
    /// The rows of `RowMapping.openItemsSQL`.
    enum Columns: String, ColumnExpression {
        case id, displayNumber = "display_number", customerID = "customer_id", customerCode = "customer_code"
        case customerName = "customer_name", salesperson, region, channel, date, dueDate = "due_date", currency
        case total, disputed, open
    }
}

extension UnappliedCredit {
    /// The rows of `RowMapping.unappliedSQL`.
    enum Columns: String, ColumnExpression {
        case source, sourceID = "source_id", displayNumber = "display_number", customerID = "customer_id"
        case customerCode = "customer_code", customerName = "customer_name", date, currency, unapplied
    }
}

extension ContactLogEntry {
    /// `contact_log`.
    enum Columns: String, ColumnExpression {
        case id, customerID = "customer_id", invoiceID = "invoice_id", date, who, channel, note
        case promisedDate = "promised_date", promisedAmount = "promised_amount"
    }
}

extension ReminderSnooze {
    /// `reminder_snooze`.
    enum Columns: String, ColumnExpression {
        case id, customerID = "customer_id", invoiceID = "invoice_id", date, until, reason
    }
}

extension ReceivableDocument {
    /// The `document` rows of the receivables snapshot (with the salesperson's name).
    enum Columns: String, ColumnExpression {
        case id, kind, displayNumber = "display_number", customerID = "customer_id", date, dueDate = "due_date"
        case currency, total, appliesToID = "applies_to_id", disputed, salesperson, region, externalRef = "external_ref"
    }
}

extension CustomerTaxDetails {
    /// `customer_tax`.
    enum Columns: String, ColumnExpression {
        case taxID = "tax_id", invoiceTitle = "invoice_title", addressPhone = "address_phone"
        case bankAccount = "bank_account", noFapiao = "no_fapiao"
    }
}

extension Fapiao {
    /// `fapiao`.
    enum Columns: String, ColumnExpression {
        case id, type, code, number, customerID = "customer_id", date, currency, total, tax, isRed = "is_red"
        case originalID = "original_id", creditNoteID = "credit_note_id", redConfirmation = "red_confirmation"
        case void, voidReason = "void_reason", note
    }
}

extension FapiaoPart {
    /// `fapiao_part` with its document's number.
    enum Columns: String, ColumnExpression {
        case documentID = "document_id", displayNumber = "display_number", total, tax
    }
}

extension SaleFapiaoPosition {
    /// The rows of `TradeRows.positions`: a sale with what is credited, invoiced (fapiao) and paid.
    enum Columns: String, ColumnExpression {
        case id, displayNumber = "display_number", customerID = "customer_id", code, name, salesperson, date
        case dueDate = "due_date", currency, total, taxTotal = "tax_total", creditedTotal = "credited_total"
        case creditedTax = "credited_tax", invoicedTotal = "invoiced_total", invoicedTax = "invoiced_tax"
        case redCount = "red_count", paid, noFapiao = "no_fapiao"
    }
}

/// The columns of the store's ad-hoc query rows (aggregates and joins that are no record of their own).
enum QueryColumns: String, ColumnExpression {
    case id, kind, code, name, date, currency, amount, total, subtotal, taxTotal = "tax_total", net, tax, rate
    case displayNumber = "display_number", customerID = "customer_id", month, sales, first, last, key, label
    case documents, count = "n", category, method, reference, applied, source, receipt, note, open, number, status
    case value, rowKey = "row_key", columnKey = "column_key", line, quantity = "q", lowPrice = "lo", highPrice = "hi"
    case perMillion = "per_million", productID = "product_id", validFrom = "valid_from", side, series, year
    case lastNumber = "last_number", entity, openInvoices = "open_invoices", unappliedCredits = "unapplied_credits"
    case bucket, overdue, disputed, receivables, receivable, due, collected, settled, toPay = "to_pay"
    case daysLate = "days_late", late
    case before, customerCode = "customer_code", customerName = "customer_name", dueDate = "due_date"
    case firstDocumentID = "first_document_id", invoiceDate = "invoice_date", invoicesDone = "invoices_done"
    case lineCount = "line_count", parameters, receiptDate = "receipt_date", receiptsDone = "receipts_done", ref
}

extension ImportedFile {
    /// `import_file`.
    enum Columns: String, ColumnExpression {
        case fingerprint, kind, fileName = "file_name", rows, importedOn = "imported_on"
    }
}

extension LedgerUser {
    /// `app_user`.
    enum Columns: String, ColumnExpression {
        case name, role, active, passwordHash = "password_hash", failedLogins = "failed_logins"
    }
}

extension AcceptanceBill {
    /// `acceptance_bill` with its receipt's number, date, amount, currency and customer.
    enum Columns: String, ColumnExpression {
        case receiptID = "receipt_id", billNumber = "bill_number", bank, maturity, displayNumber = "display_number"
        case date, amount, code, name
    }
}

extension CommissionRule {
    /// `commission_rule`.
    enum Columns: String, ColumnExpression {
        case id, salesperson, customerClass = "customer_class", basis, rateBP = "rate_bp", withinDays = "within_days"
        case startDate = "start_date"
    }
}

extension CommissionEvent {
    /// The rows of `commissionEvents`: sales, credit notes, collections and write-offs.
    enum Columns: String, ColumnExpression {
        case kind, date, sp, cls, amount, invNet = "inv_net", invTotal = "inv_total", due, receiptDate = "receipt_date"
    }
}

extension StatementConfirmation {
    /// `statement_confirmation` with the customer's code.
    enum Columns: String, ColumnExpression {
        case id, number, customerID = "customer_id", code, asOf = "as_of", balance, issued, reply, difference, note
        case replyDate = "reply_date"
    }
}

extension AuditLogEntry {
    /// `audit_log`.
    enum Columns: String, ColumnExpression {
        case seq, timestampUTC = "timestamp_utc", actor, command, payload, changes, outcome, hash
        case entryFormat = "entry_format"
    }
}

extension SealKey {
    /// A `seal_pending` row (entity, id).
    init(row: Row) { self.init(entity: row[QueryColumns.entity], id: row[QueryColumns.id]) }
}
