/// One line as entered: a product (by SKU) or a free description, quantity, and optional price/discount/tax
/// (price and tax default from the product).
public struct LineInput: Hashable, Sendable, Codable {
    public var productSKU: String?
    public var description: String?
    public var quantity: Quantity
    public var unitPrice: Money?
    public var discount: Rate
    public var taxRate: Rate?
    /// The line's total with tax (价税合计) instead of a unit price, for a line of quantity 1 without discount (an
    /// imported sale): split at the line's rate by `LineCalculation.split`, the net becoming the unit price.
    public var grossAmount: Money?

    public init(productSKU: String? = nil, description: String? = nil, quantity: Quantity, unitPrice: Money? = nil,
                discount: Rate = .zero, taxRate: Rate? = nil, grossAmount: Money? = nil) {
        self.productSKU = productSKU
        self.description = description
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.discount = discount
        self.taxRate = taxRate
        self.grossAmount = grossAmount
    }
}

enum DocumentMath {
    /// Resolves products and computes each line's rounded net and tax; issues name `lines[i].field` (1-based).
    /// `date`: the document's date, for the product's dated list price (see `ProductPrice`).
    static func lines(_ inputs: [LineInput], currency: Currency, tx: any LedgerTransaction, rounding: RoundingRule,
                      issues: inout IssueCollector, date: CivilDate? = nil) throws -> [InvoiceLine] {
        if inputs.isEmpty { issues.add("lines", "at least one line is required") }
        var result: [InvoiceLine] = []
        for (index, input) in inputs.enumerated() {
            let path = "lines[\(index + 1)]"
            var product: Product?
            if let sku = input.productSKU, !sku.isEmpty {
                product = try tx.product(sku: sku)
                if product == nil { issues.add("\(path).product", "unknown product code \(sku)") }
                if let product, product.isArchived { issues.add("\(path).product", "product \(sku) is archived") }
            } else if (input.description ?? "").trimmingSpaces().isEmpty {
                issues.add("\(path).product", "a product or a description is required")
            }
            let listPrice = try product.map { p in try date.map { try tx.price(of: p, on: $0) } ?? p.unitPrice }
            let price = input.unitPrice ?? listPrice
            let tax = input.taxRate ?? product?.taxRate ?? .zero
            issues.check(input.quantity.thousandths > 0, "\(path).quantity", "quantity must be greater than 0")
            issues.check(input.quantity.thousandths <= LedgerLimits.maxQuantityThousandths, "\(path).quantity",
                         "quantity must be at most \(LedgerLimits.quantityBoundText)")
            if let description = input.description {
                TextSafety.checkName(description, field: "\(path).description", into: &issues)
            }
            issues.check((0...10_000).contains(input.discount.basisPoints), "\(path).discount",
                         "discount must be between 0% and 100%")
            issues.check((0...10_000).contains(tax.basisPoints), "\(path).taxRate",
                         "tax rate must be between 0% and 100%")
            if let gross = input.grossAmount {
                if let line = grossLine(input, gross: gross, product: product, rate: tax, currency: currency,
                                        rounding: rounding, path: path, issues: &issues) {
                    result.append(line)
                }
                continue
            }
            guard let price else {
                if product != nil || input.productSKU == nil { issues.add("\(path).unitPrice",
                                                                          "unit price is required") }
                continue
            }
            guard price.currency == currency else {
                issues.add("\(path).unitPrice", "is in \(price.currency.code) but the document is in \(currency.code)")
                continue
            }
            issues.check(price.minorUnits >= 0, "\(path).unitPrice", "unit price must be 0 or more")
            guard LedgerLimits.isWithinAmountBound(price.minorUnits) else {
                issues.add("\(path).unitPrice", "unit price must be at most \(LedgerLimits.amountBoundText(currency))")
                continue
            }
            do {
                let net = try LineCalculation.netAmount(quantity: input.quantity, unitPrice: price,
                                                        discount: input.discount, rounding: rounding)
                let taxAmount = try LineCalculation.taxAmount(net: net, rate: tax, rounding: rounding)
                guard let gross = CheckedSum.add(net.minorUnits, taxAmount.minorUnits),
                      LedgerLimits.isWithinAmountBound(gross) else { throw MoneyError.overflow }
                result.append(InvoiceLine(productID: product?.id,
                                          description: input.description ?? product?.name ?? "",
                                          quantity: input.quantity, unitPrice: price, discount: input.discount,
                                          taxRate: tax, netAmount: net, taxAmount: taxAmount))
            } catch {
                issues.add("\(path).quantity",
                           "line total with tax is too large (at most \(LedgerLimits.amountBoundText(currency)))")
            }
        }
        return result
    }

    /// The line of a total with tax (`LineInput.grossAmount`), or nil with an issue added.
    static func grossLine(_ input: LineInput, gross: Money, product: Product?, rate: Rate, currency: Currency,
                          rounding: RoundingRule, path: String, issues: inout IssueCollector) -> InvoiceLine? {
        guard input.unitPrice == nil, input.discount == .zero, input.quantity == Quantity(1) else {
            issues.add("\(path).amount", "a total with tax is one line of quantity 1, without unit price or discount")
            return nil
        }
        guard gross.currency == currency else {
            issues.add("\(path).amount", "is in \(gross.currency.code) but the document is in \(currency.code)")
            return nil
        }
        guard gross.minorUnits >= 0, LedgerLimits.isWithinAmountBound(gross.minorUnits),
              let split = try? LineCalculation.split(gross: gross, rate: rate, rounding: rounding) else {
            issues.add("\(path).amount", "amount must be between 0 and \(LedgerLimits.amountBoundText(currency))")
            return nil
        }
        return InvoiceLine(productID: product?.id, description: input.description ?? product?.name ?? "",
                           quantity: input.quantity, unitPrice: split.net, discount: .zero, taxRate: rate,
                           netAmount: split.net, taxAmount: split.tax)
    }

    static func totals(_ lines: [InvoiceLine], currency: Currency) throws(LedgerError) -> (Money, Money, Money) {
        do {
            let net = try lines.map(\.netAmount).sum(in: currency)
            let tax = try lines.map(\.taxAmount).sum(in: currency)
            let total = try net.adding(tax)
            guard LedgerLimits.isWithinAmountBound(total.minorUnits) else { throw MoneyError.overflow }
            guard total.minorUnits > 0 else {
                throw LedgerError.validation([FieldIssue("lines", "the document total is 0; there is nothing to post")])
            }
            return (net, tax, total)
        } catch let error as LedgerError {
            throw error
        } catch {
            throw .validation([FieldIssue("lines",
                                          "document total is too large (at most "
                                          + "\(LedgerLimits.amountBoundText(currency)))")])
        }
    }
}

/// Posts an invoice (or saves a draft): numbers it gaplessly per series and year, copies channel and region
/// from the customer, computes the due date from the terms unless given, and runs the credit check.
/// Outcome: the stored invoice.
public struct PostInvoice: LedgerCommand {
    public static let name = "invoice.post"
    public var customerCode: String
    public var date: CivilDate
    public var dueDate: CivilDate?
    public var paymentTerms: PaymentTerms?
    public var salespersonCode: String?
    public var channel: String?
    public var region: String?
    public var lines: [LineInput]
    public var series: String = "INV"
    public var asDraft: Bool = false
    public var externalReference: String = ""
    public var note: String = ""
    /// A manager's reason to post despite a credit hold; audited with the command.
    public var creditOverrideReason: String?
    /// A saved draft this document replaces (reopened in the form): deleted in the same transaction.
    public var replacesDraftID: Int64?

    public init(customerCode: String, date: CivilDate, lines: [LineInput]) {
        self.customerCode = customerCode
        self.date = date
        self.lines = lines
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Invoice {
        let (customer, unnumbered) = try checked(in: tx, context: context)
        if let replacesDraftID {
            let replaced = try DraftLookup.draft(replacesDraftID, tx: tx)
            try tx.deleteDraft(id: replaced.id)
            context.recordChange(entity: "invoice", id: replaced.id, before: replaced, after: Invoice?.none)
        }
        if !asDraft {
            let standing = try CreditControl.Standing.read([customer], asOf: context.today, tx: tx)[0]
            try CreditControl.check(customer: customer, newTotal: unnumbered.total, standing: standing,
                                    context: context, overrideReason: creditOverrideReason)
        }
        var invoice = unnumbered
        invoice.number = asDraft ? 0 : try tx.nextNumber(series: series, year: date.year)
        invoice.id = try tx.insert(invoice)
        context.recordChange(entity: "invoice", id: invoice.id, before: Invoice?.none, after: invoice)
        return invoice
    }

    /// The due date the document gets for a customer with `customerTerms`: the one given, else from the terms.
    public func dueDate(customerTerms: PaymentTerms?) -> CivilDate {
        dueDate ?? (paymentTerms ?? customerTerms ?? .net30).dueDate(for: date)
    }

    /// The document as posting computes it, before credit control, numbering and writing (number 0, id 0): the
    /// customer, salesperson and lines checked (every field issue at once), tax and totals, channel and region
    /// from the customer, the due date from the terms unless given. Returns the checked customer with it.
    func checked(in tx: any LedgerTransaction, context: CommandContext) throws -> (Customer, Invoice) {
        var issues = IssueCollector()
        let customer = try tx.customer(code: customerCode)
        if customer == nil { issues.add("customer", "unknown customer code \(customerCode)") }
        if let customer, customer.isArchived { issues.add("customer", "customer \(customer.code) is archived") }
        var salesperson: Salesperson?
        if let code = salespersonCode, !code.isEmpty {
            salesperson = try tx.salesperson(code: code)
            if salesperson == nil { issues.add("salesperson", "unknown salesperson code \(code)") }
        }
        let regionCode = try checkedRegion(customer: customer, tx: tx, issues: &issues)
        let currency = customer?.currency ?? .cny
        let computed = try DocumentMath.lines(lines, currency: currency, tx: tx, rounding: context.rounding,
                                              issues: &issues, date: date)
        let terms = paymentTerms ?? customer?.paymentTerms ?? .net30
        let due = dueDate(customerTerms: customer?.paymentTerms)
        issues.check(due >= date, "dueDate", "due date \(due) is before the invoice date \(date)")
        // The document's total is checked with the rest when every line was computed (s34-fix: a total of 0 was
        // reported only after the other errors were fixed, in a second round).
        var sums: (Money, Money, Money)?
        if !computed.isEmpty && computed.count == lines.count {
            do { sums = try DocumentMath.totals(computed, currency: currency) } catch {
                for issue in error.fieldIssues { issues.add(issue.path, issue.message) }
            }
        }
        try issues.throwIfAny()
        guard let customer else { throw LedgerError.notFound("customer \(customerCode)") }
        let (net, tax, total) = try sums ?? DocumentMath.totals(computed, currency: currency)
        var invoice = Invoice(
            id: 0, kind: .invoice, series: series, numberYear: date.year, number: 0, date: date, dueDate: due,
            customerID: customer.id, salespersonID: salesperson?.id, channel: channel ?? customer.channel,
            region: regionCode ?? customer.region, currency: currency, paymentTerms: terms,
            status: asDraft ? .draft : .posted, lines: computed, subtotal: net, taxTotal: tax, total: total,
            appliesToInvoiceID: nil)
        invoice.externalReference = externalReference
        invoice.note = note
        return (customer, invoice)
    }
}

extension PostInvoice {
    /// The region code the document records: nil (the customer's) when none is given or it is the customer's own;
    /// else a class of the region dimension, by code or by its English or Chinese name (stored as the code).
    /// An unknown region adds the issue `region` "unknown region '…' (a class code or name of the region dimension)".
    func checkedRegion(customer: Customer?, tx: any LedgerTransaction,
                       issues: inout IssueCollector) throws -> String? {
        guard let typed = region?.trimmingSpaces(), !typed.isEmpty else { return nil }
        if let customer, typed == customer.region { return nil }
        let dimension = BuiltInDimension.region.rawValue
        if let node = try tx.classNode(dimension: dimension, code: typed) { return node.code }
        if let node = try tx.classNode(dimension: dimension, named: typed) { return node.code }
        issues.add("region", "unknown region '\(typed)' (a class code or name of the region dimension)")
        return nil
    }
}

/// Voids a posted invoice or credit note: the number stays used, the amount leaves all balances. Refused
/// while allocations exist (reverse them first). Outcome: the voided document.
public struct VoidInvoice: LedgerCommand {
    public static let name = "invoice.void"
    public static var allowedRoles: Set<UserRole> { AccessRoles.managers }
    public var number: String
    public var reason: String
    public init(number: String, reason: String) {
        self.number = number
        self.reason = reason
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Invoice {
        try context.requireManager("voiding a document")
        var issues = IssueCollector()
        issues.check(!reason.trimmingSpaces().isEmpty, "reason", "a reason is required")
        let found = try tx.invoice(number: number)
        if found == nil { issues.add("number", "no document numbered \(number)") }
        try issues.throwIfAny()
        guard let before = found else { throw LedgerError.notFound(number) }
        guard before.status == .posted else { throw LedgerError.refused("\(number) is \(before.status.rawValue), not "
                                                                        + "posted") }
        let allocated = before.kind == .invoice
            ? try tx.allocatedToInvoice(id: before.id)
            : try tx.allocatedFrom(source: .creditNote, id: before.id)
        guard allocated == 0 else {
            let shown = Money.format(allocated, digits: before.currency.minorDigits, grouping: true)
            throw LedgerError.refused("\(number) has allocations of \(shown); reverse them before voiding")
        }
        try tx.setStatus(invoiceID: before.id, status: .void, voidReason: reason)
        var after = before
        after.status = .void
        after.voidReason = reason
        context.recordChange(entity: "invoice", id: before.id, before: before, after: after)
        return after
    }
}

/// Marks an invoice disputed (with a reason) or resolves the dispute (saying how). Disputed invoices stay in aging
/// but get no reminders. Errors: `validation` with `reason` when the reason is empty, `number` when no invoice has
/// that number. Outcome: the stored invoice.
public struct SetDispute: LedgerCommand {
    public static let name = "invoice.dispute"
    public var number: String
    public var isDisputed: Bool
    public var reason: String
    public init(number: String, isDisputed: Bool, reason: String) {
        self.number = number
        self.isDisputed = isDisputed
        self.reason = reason
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Invoice {
        var issues = IssueCollector()
        issues.check(!reason.trimmingSpaces().isEmpty, "reason", "a reason is required")
        let found = try tx.invoice(number: number)
        if found?.kind != .invoice { issues.add("number", "no invoice numbered \(number)") }
        try issues.throwIfAny()
        guard let before = found else { throw LedgerError.notFound(number) }
        try tx.setDispute(invoiceID: before.id, isDisputed: isDisputed, reason: reason)
        var after = before
        after.isDisputed = isDisputed
        after.disputeReason = reason
        context.recordChange(entity: "invoice", id: before.id, before: before, after: after)
        return after
    }
}
