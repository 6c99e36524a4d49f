/// Identifies a recorded fapiao: type, 发票代码 (empty for 数电) and 发票号码.
public struct FapiaoKey: Hashable, Sendable, Codable, CustomStringConvertible {
    public var type: FapiaoType
    public var code: String
    public var number: String
    public init(type: FapiaoType, code: String = "", number: String) {
        self.type = type
        self.code = code.trimmingSpaces()
        self.number = number.trimmingSpaces()
    }
    public var description: String { type.chinese + " " + (code.isEmpty ? number : "\(code)-\(number)") }

    /// Form rules: 8 digits with a 10/12-digit code on paper, 20 digits and no code for 数电.
    /// `issues` gives them for a form checking as the user types (paths `number`, `code`; English messages).
    public var issues: [FieldIssue] {
        var collector = IssueCollector()
        validate(into: &collector)
        return collector.issues
    }

    func validate(into issues: inout IssueCollector, prefix: String = "") {
        let digits = type.numberDigits
        if number.count != digits || !number.allSatisfy({ $0.isASCII && $0.isNumber }) {
            issues.add(prefix + "number", "a \(type.chinese) number has \(digits) digits; got '\(number)'")
        }
        if type.isDigital {
            if !code.isEmpty { issues.add(prefix + "code", "a 数电 fapiao has no separate code") }
        } else if code.isEmpty {
            issues.add(prefix + "code", "is required for a paper \(type.rawValue) fapiao (\(type.chinese))")
        } else if ![10, 12].contains(code.count) || !code.allSatisfy({ $0.isASCII && $0.isNumber }) {
            issues.add(prefix + "code", "a paper fapiao code has 10 or 12 digits; got '\(code)'")
        }
    }
}

/// Part of a sale to invoice: the sale's number and the tax-inclusive amount (nil = all that is left).
public struct FapiaoPartInput: Hashable, Sendable, Codable {
    public var saleNumber: String
    public var amount: Money?
    public init(saleNumber: String, amount: Money? = nil) {
        self.saleNumber = saleNumber
        self.amount = amount
    }
}

/// Records a blue fapiao covering parts of one or more sales of one customer (开票登记). Checks: the number's
/// form and that it is not yet recorded for its type; each sale posted, of the same customer, not 不开票; each
/// amount > 0 and at most what is left to invoice; for a 专票 (paper or 数电) the customer's fapiao details hold
/// the buyer's 纳税人识别号 (field `taxID`; 普票 need none). The tax of each part is the sale's remaining tax in
/// proportion (all of it when the part takes all that is left). Role: clerk. Outcome: the stored fapiao.
public struct RecordFapiao: LedgerCommand {
    public static let name = "fapiao.record"
    public var key: FapiaoKey
    public var date: CivilDate
    public var parts: [FapiaoPartInput]
    public var note: String = ""
    public init(key: FapiaoKey, date: CivilDate, parts: [FapiaoPartInput], note: String = "") {
        self.key = key
        self.date = date
        self.parts = parts
        self.note = note
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Fapiao {
        var issues = IssueCollector()
        key.validate(into: &issues)
        if try tx.fapiao(key) != nil { issues.add("number", "fapiao \(key) is already recorded") }
        issues.check(!parts.isEmpty, "sales", "is required")
        var stored: [FapiaoPart] = []
        var customerID: Int64?
        var currency: Currency?
        for (i, input) in parts.enumerated() {
            let path = parts.count == 1 ? "sales" : "sales[\(i + 1)]"
            guard let sale = try tx.invoice(number: input.saleNumber), sale.kind == .invoice, sale.status == .posted,
                  let position = try tx.saleFapiaoPosition(saleID: sale.id) else {
                issues.add(path, "\(input.saleNumber) is not a posted sale")
                continue
            }
            if let customerID, customerID != sale.customerID {
                issues.add(path, "\(input.saleNumber) belongs to another customer")
                continue
            }
            customerID = sale.customerID
            currency = sale.currency
            if position.noFapiao { issues.add(path, "\(sale.displayNumber) is marked 不开票"); continue }
            let alreadyHere = stored.filter { $0.documentID == sale.id }.reduce(0) { $0 + $1.total }
            let left = position.leftToInvoice - alreadyHere
            let amount = input.amount?.minorUnits ?? left
            let text = { (m: Int64) in Money.format(m, digits: sale.currency.minorDigits, grouping: false) }
            if amount <= 0 {
                issues.add(path,
                           input.amount == nil ? "\(sale.displayNumber) has 0.00 left to invoice; \(text(0)) is more"
                                                     : "must be greater than 0")
                continue
            }
            if amount > left {
                issues.add(path, "\(sale.displayNumber) has \(text(left)) left to invoice; \(text(amount)) is more")
                continue
            }
            if let money = input.amount, money.currency != sale.currency {
                issues.add(path, "is in \(money.currency.code) but \(sale.displayNumber) is in \(sale.currency.code)")
                continue
            }
            stored.append(FapiaoPart(documentID: sale.id, documentNumber: sale.displayNumber, total: amount,
                                     tax: position.tax(forPart: amount)))
        }
        if let customerID, key.type.needsBuyerTaxID, try (tx.taxDetails(customerID: customerID)?.taxID ?? "").isEmpty {
            let code = try tx.customer(id: customerID)?.code ?? "#\(customerID)"
            // Short enough for the status line at 80 columns (tryout s30).
            issues.add("taxID", "a \(key.type.chinese) needs the buyer's taxpayer number; customer \(code) has none")
        }
        try issues.throwIfAny()
        guard let customerID, let currency else { throw LedgerError.validation([FieldIssue("sales", "is required")]) }
        var fapiao = Fapiao(type: key.type, code: key.code, number: key.number, customerID: customerID, date: date,
                            currency: currency, total: stored.reduce(0) { $0 + $1.total },
                            tax: stored.reduce(0) { $0 + $1.tax }, parts: stored)
        fapiao.note = note
        fapiao.id = try tx.insert(fapiao)
        context.recordChange(entity: "fapiao", id: fapiao.id, before: Fapiao?.none, after: fapiao)
        return fapiao
    }
}

/// Records a red fapiao (红字发票) for a credit note: it cites the blue fapiao it reverses and, for 数电, the
/// 红字确认单. The amount defaults to the credit note's total and may not exceed what the original still invoices
/// on the credited sale. Role: clerk. Outcome: the stored fapiao.
public struct RecordRedFapiao: LedgerCommand {
    public static let name = "fapiao.red"
    public var key: FapiaoKey
    public var original: FapiaoKey
    public var creditNoteNumber: String
    public var date: CivilDate
    public var confirmation: String
    public var amount: Money?
    public init(key: FapiaoKey, original: FapiaoKey, creditNoteNumber: String, date: CivilDate,
                confirmation: String = "", amount: Money? = nil) {
        self.key = key
        self.original = original
        self.creditNoteNumber = creditNoteNumber
        self.date = date
        self.confirmation = confirmation
        self.amount = amount
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Fapiao {
        var issues = IssueCollector()
        key.validate(into: &issues)
        if try tx.fapiao(key) != nil { issues.add("number", "fapiao \(key) is already recorded") }
        issues.check(key.type == original.type, "type",
                     "a red fapiao has the type of the one it reverses (\(original.type.chinese))")
        if key.type.isDigital { issues.check(!confirmation.trimmingSpaces().isEmpty, "confirmation", "is required") }
        let blue = try tx.fapiao(original)
        if blue == nil || blue?.isRed == true || blue?.isVoid == true { issues.add("original",
                                                                                   "no fapiao \(original)") }
        let note = try tx.invoice(number: creditNoteNumber)
        var part: FapiaoPart?
        if let note, note.kind == .creditNote, note.status == .posted, let saleID = note.appliesToInvoiceID {
            part = blue?.parts.first { $0.documentID == saleID }
            if blue != nil, part == nil { issues.add("original", "\(original) does not cover the credited sale") }
            if let blue, blue.customerID != note.customerID { issues.add("creditNote",
                                                                         "\(creditNoteNumber) belongs to another "
                                                                         + "customer") }
        } else {
            issues.add("creditNote", "\(creditNoteNumber) is not a posted credit note against a sale")
        }
        try issues.throwIfAny()
        guard let blue, let note, let part else { throw LedgerError.notFound("fapiao \(original)") }
        let reversed = try tx.redTotals(originalID: blue.id, documentID: part.documentID)
        let left = part.total - reversed.total
        let wanted = amount?.minorUnits ?? min(note.total.minorUnits, left)
        let text = { (m: Int64) in Money.format(m, digits: blue.currency.minorDigits, grouping: false) }
        if wanted <= 0 { issues.add("amount", "must be greater than 0") }
        if wanted > left { issues.add("amount",
                                      "\(blue.key) has \(text(left)) left to reverse; \(text(wanted)) is more") }
        try issues.throwIfAny()
        let leftTax = part.tax - reversed.tax
        let tax = wanted == left ? leftTax
            : Int64((2 * Int128(part.tax) * Int128(wanted) + Int128(part.total)) / (2 * Int128(part.total)))
        var red = Fapiao(type: key.type, code: key.code, number: key.number, customerID: blue.customerID, date: date,
                         currency: blue.currency, total: wanted, tax: tax,
                         parts: [FapiaoPart(documentID: part.documentID, documentNumber: part.documentNumber,
                                            total: wanted, tax: tax)])
        red.isRed = true
        red.originalID = blue.id
        red.creditNoteID = note.id
        red.redConfirmation = confirmation.trimmingSpaces()
        red.id = try tx.insert(red)
        context.recordChange(entity: "fapiao", id: red.id, before: Fapiao?.none, after: red)
        return red
    }
}

/// Voids (作废) a recorded fapiao: it stops counting, its number stays used. Role: manager. Outcome: the fapiao.
public struct VoidFapiao: LedgerCommand {
    public static let name = "fapiao.void"
    public static var allowedRoles: Set<UserRole> { AccessRoles.managers }
    public var key: FapiaoKey
    public var reason: String
    public init(key: FapiaoKey, reason: String) {
        self.key = key
        self.reason = reason
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Fapiao {
        try context.requireManager("voiding a fapiao")
        var issues = IssueCollector()
        issues.check(!reason.trimmingSpaces().isEmpty, "reason", "a reason is required")
        let before = try tx.fapiao(key)
        if before == nil { issues.add("number", "no fapiao \(key)") }
        try issues.throwIfAny()
        guard var after = before else { throw LedgerError.notFound("fapiao \(key)") }
        guard !after.isVoid else { throw LedgerError.refused("fapiao \(key) is already void") }
        if !after.isRed, try tx.hasRedFapiao(originalID: after.id) {
            throw LedgerError.refused("fapiao \(key) has red fapiao against it; void those first")
        }
        after.isVoid = true
        after.voidReason = reason
        try tx.voidFapiao(id: after.id, reason: reason)
        context.recordChange(entity: "fapiao", id: after.id, before: before, after: after)
        return after
    }
}

/// Marks a sale 不开票 (or undoes it). Refused while fapiao cover the sale. Role: clerk.
public struct SetSaleNoFapiao: LedgerCommand {
    public static let name = "fapiao.no_fapiao"
    public var saleNumber: String
    public var noFapiao: Bool
    public var reason: String
    public init(saleNumber: String, noFapiao: Bool = true, reason: String = "") {
        self.saleNumber = saleNumber
        self.noFapiao = noFapiao
        self.reason = reason
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> FapiaoStatus {
        guard let sale = try tx.invoice(number: saleNumber), sale.kind == .invoice, sale.status == .posted,
              let position = try tx.saleFapiaoPosition(saleID: sale.id) else {
            throw LedgerError.validation([FieldIssue("sales", "\(saleNumber) is not a posted sale")])
        }
        if noFapiao, position.invoicedTotal != 0 || position.redCount > 0 {
            throw LedgerError.refused("\(saleNumber) already has fapiao; it cannot be marked 不开票")
        }
        try tx.setNoFapiao(saleID: sale.id, noFapiao, reason: reason)
        context.recordChange(entity: "sale_no_fapiao", id: sale.id, before: position.noFapiao, after: noFapiao)
        return try tx.saleFapiaoPosition(saleID: sale.id)?.status ?? position.status
    }
}
