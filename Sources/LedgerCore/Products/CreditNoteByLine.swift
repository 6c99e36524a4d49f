/// One line of a credit note made from an invoice's lines: return `quantity` of invoice line `line` (1-based),
/// or give a price allowance of `allowance` (net, before tax) on it. Exactly one of the two is set.
public struct CreditLineRequest: Hashable, Sendable, Codable {
    public var line: Int
    public var quantity: Quantity?
    public var allowance: Money?
    public init(line: Int, quantity: Quantity? = nil, allowance: Money? = nil) {
        self.line = line
        self.quantity = quantity
        self.allowance = allowance
    }
}

/// Issues a credit note (红字冲销) that copies lines of a posted invoice: each credit line keeps the invoice
/// line's product, description, price, discount and **its own tax rate**, and the document keeps the invoice's
/// salesperson, region and channel, so net sales and output VAT are reversed exactly, under the product reversed.
///
/// With no `lines`, every line is reversed for what is still uncredited (a full reversal). A returned quantity
/// is priced like the invoice line (rounded per line); returning the last uncredited quantity takes exactly the
/// net and tax still uncredited, so a line credited in parts sums to the cent. A line can never be credited
/// beyond its quantity or its net amount, and a note names each invoice line at most once (a repeat is refused,
/// not summed). The credit is allocated to the invoice up to its open balance; the
/// rest stays as customer credit. Outcome: as `IssueCreditNote`.
public struct IssueLineCreditNote: LedgerCommand {
    public static let name = "credit_note.issue_lines"
    public var invoiceNumber: String
    public var date: CivilDate
    public var lines: [CreditLineRequest]
    public var reason: String
    public var series: String = "CN"
    /// When given, must be the invoice's customer (a check for typing mistakes).
    public var customerCode: String?

    public init(invoiceNumber: String, date: CivilDate, lines: [CreditLineRequest] = [], reason: String) {
        self.invoiceNumber = invoiceNumber
        self.date = date
        self.lines = lines
        self.reason = reason
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> IssueCreditNote.Outcome {
        var issues = IssueCollector()
        issues.check(!reason.trimmingSpaces().isEmpty, "reason", "a reason is required")
        let found = try tx.invoice(number: invoiceNumber)
        guard let invoice = found, invoice.kind == .invoice, invoice.status == .posted else {
            issues.add("appliesTo",
                       found == nil ? "no invoice numbered \(invoiceNumber)" : "\(invoiceNumber) is not a posted "
                                                                               + "invoice")
            try issues.throwIfAny()
            throw LedgerError.notFound(invoiceNumber)
        }
        let customer = try tx.customer(id: invoice.customerID)
        let computed = try creditLines(of: invoice, customerCode: customer?.code,
                                       credited: try tx.creditedLines(invoiceID: invoice.id),
                                       rounding: context.rounding, issues: &issues)
        guard let customer else { throw LedgerError.notFound("customer") }
        return try IssueCreditNote.post(computed, currency: invoice.currency, customer: customer, appliesTo: invoice,
                                        date: date, series: series, reason: reason, in: tx, context: context)
    }

    /// The note's lines on `invoice` (a posted invoice, of the customer coded `customerCode`), `credited` what
    /// earlier notes credited of each line (1-based): the checks `execute` runs once it found the invoice, and a
    /// chunk of invoices (`BatchRunner.postInvoices`) runs on a note of one of its own invoices.
    /// - Throws: `LedgerError.validation` with every issue, those already in `issues` first.
    func creditLines(of invoice: Invoice, customerCode: String?, credited: [Int: CreditedLine],
                     rounding: RoundingRule, issues: inout IssueCollector) throws -> [InvoiceLine] {
        issues.check(date >= invoice.date, "date",
                     "credit note date \(date) is before the invoice date \(invoice.date)")
        if let code = self.customerCode, !code.isEmpty, let customerCode, customerCode != code {
            issues.add("appliesTo", "\(invoiceNumber) belongs to another customer")
        }
        let requests = lines.isEmpty
            ? invoice.lines.indices.map { CreditLineRequest(line: $0 + 1) }
            : lines
        var computed: [InvoiceLine] = []
        var named: [Int: Int] = [:]
        for (index, request) in requests.enumerated() {
            let path = "lines[\(index + 1)]"
            guard invoice.lines.indices.contains(request.line - 1) else {
                issues.add("\(path).line",
                           "\(invoiceNumber) has no line \(request.line) (it has \(invoice.lines.count))")
                continue
            }
            // One entry per invoice line (tryout s32: `1:3,1:3` each passed against the 5 left and credited 6).
            if let first = named[request.line] {
                issues.add("\(path).line",
                           "line \(request.line) is named twice (entries \(first) and \(index + 1)): give it once")
                continue
            }
            named[request.line] = index + 1
            let source = invoice.lines[request.line - 1]
            let done = credited[request.line] ?? CreditedLine()
            let left = CreditedLine(quantity: source.quantity.thousandths - done.quantity,
                                    net: source.netAmount.minorUnits - done.net,
                                    tax: source.taxAmount.minorUnits - done.tax)
            // "All" skips a line with nothing left, and one credited beyond it already (`audit check` names it).
            if lines.isEmpty, (left.net <= 0 && left.tax <= 0) || left.net < 0 || left.tax < 0 || left.quantity < 0 {
                continue
            }
            do {
                if let line = try creditLine(source, request: request, left: left, path: path,
                                             rounding: rounding, issues: &issues) {
                    computed.append(line)
                }
            } catch {
                issues.add("\(path).quantity", "line \(request.line): the amount is too large")
            }
        }
        if lines.isEmpty, computed.isEmpty, issues.issues.isEmpty {
            issues.add("appliesTo", "\(invoiceNumber) is already fully credited")
        }
        try issues.throwIfAny()
        return computed
    }

    /// The credit line for one request, or nil (with an issue added) when it asks for more than is left.
    func creditLine(_ source: InvoiceLine, request: CreditLineRequest, left: CreditedLine, path: String,
                    rounding: RoundingRule, issues: inout IssueCollector) throws -> InvoiceLine? {
        let cur = source.netAmount.currency
        var line = source
        line.creditsLine = request.line
        if let allowance = request.allowance {
            guard request.quantity == nil else {
                issues.add(path, "give a quantity or an allowance, not both")
                return nil
            }
            guard allowance.minorUnits > 0 else {
                issues.add("\(path).allowance", "line \(request.line): allowance must be greater than 0")
                return nil
            }
            guard allowance.minorUnits <= left.net else {
                issues.add("\(path).allowance",
                           "line \(request.line): \(allowance.groupedString) is more than the "
                           + Money.format(max(0, left.net), digits: cur.minorDigits, grouping: true)
                           + " left to credit")
                return nil
            }
            line.quantity = Quantity(thousandths: 0)
            line.unitPrice = allowance
            line.discount = .zero
            line.netAmount = allowance
            line.taxAmount = allowance.minorUnits == left.net
                ? Money(minorUnits: left.tax, currency: cur)
                : try LineCalculation.taxAmount(net: allowance, rate: source.taxRate, rounding: rounding)
            // Tax rounded up on many small allowances could pass the line's tax before its net.
            guard line.taxAmount.minorUnits <= max(0, left.tax) else {
                issues.add("\(path).allowance", "line \(request.line): more than the amount left to credit")
                return nil
            }
            return line
        }
        let quantity = request.quantity ?? Quantity(thousandths: left.quantity)
        guard quantity.thousandths > 0 else {
            issues.add("\(path).quantity",
                       lines.isEmpty ? "line \(request.line) is already fully credited"
                           : "line \(request.line): quantity must be greater than 0")
            return nil
        }
        guard quantity.thousandths <= left.quantity else {
            issues.add("\(path).quantity",
                       "line \(request.line): \(quantity) is more than the "
                       + "\(Quantity(thousandths: max(0, left.quantity))) left to credit")
            return nil
        }
        line.quantity = quantity
        if quantity.thousandths == left.quantity {
            guard left.net >= 0, left.tax >= 0 else {
                issues.add("\(path).quantity", "nothing left to credit on line \(request.line)")
                return nil
            }
            line.netAmount = Money(minorUnits: left.net, currency: cur)
            line.taxAmount = Money(minorUnits: left.tax, currency: cur)
        } else {
            line.netAmount = try LineCalculation.netAmount(quantity: quantity, unitPrice: source.unitPrice,
                                                           discount: source.discount, rounding: rounding)
            line.taxAmount = try LineCalculation.taxAmount(net: line.netAmount, rate: source.taxRate,
                                                           rounding: rounding)
            guard line.netAmount.minorUnits <= left.net, line.taxAmount.minorUnits <= left.tax else {
                issues.add("\(path).quantity", "line \(request.line): more than the amount left to credit")
                return nil
            }
        }
        guard line.netAmount.minorUnits > 0 || line.taxAmount.minorUnits > 0 else {
            issues.add("\(path).quantity", "nothing left to credit on line \(request.line)")
            return nil
        }
        return line
    }
}
