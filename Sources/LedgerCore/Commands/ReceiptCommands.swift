/// How a receipt or credit is applied to invoices.
public enum AllocationPlan: Hashable, Sendable, Codable {
    /// Oldest due date first (then invoice date, then number) until the money is used up.
    case auto
    /// Leave it all unapplied (customer credit).
    case none
    /// These invoices, these amounts.
    case manual([ManualAllocation])
}

/// A hand-chosen allocation: invoice number and amount.
public struct ManualAllocation: Hashable, Sendable, Codable {
    public var invoiceNumber: String
    public var amount: Money
    public init(invoiceNumber: String, amount: Money) {
        self.invoiceNumber = invoiceNumber
        self.amount = amount
    }
}

/// What a receipt or allocation command did.
public struct AllocationOutcome: Hashable, Sendable, CustomStringConvertible {
    public var allocations: [Allocation]
    /// What is left unapplied on the source (customer credit), ≥ 0.
    public var unapplied: Money
    public var description: String { "\(allocations.count) allocation(s), unapplied \(unapplied.plainString)" }
}

enum Allocator {
    /// Applies up to `available` of a source to the customer's open invoices per `plan`, writing allocations.
    static func apply(plan: AllocationPlan, available: Money, source: AllocationSource, sourceID: Int64,
                      sourceDate: CivilDate, customer: Customer, tx: any LedgerTransaction,
                      context: CommandContext) throws -> AllocationOutcome {
        var remaining = available.minorUnits
        var written: [Allocation] = []
        func write(_ item: OpenItem, _ amount: Int64) throws {
            var allocation = Allocation(id: 0, invoiceID: item.invoiceID, source: source, sourceID: sourceID,
                                        date: try AllocationDating.date(sourceDate, invoiceID: item.invoiceID,
                                                                        invoiceDate: item.date, source: source,
                                                                        sourceID: sourceID, tx: tx),
                                        amount: Money(minorUnits: amount, currency: available.currency),
                                        reversesID: nil, note: "")
            allocation.id = try tx.insert(allocation)
            context.recordChange(entity: "allocation", id: allocation.id, before: Allocation?.none, after: allocation)
            written.append(allocation)
            remaining -= amount
        }
        switch plan {
        case .none:
            break
        case .auto:
            for item in try tx.openInvoices(customerID: customer.id) where remaining > 0
                && item.currency == available.currency {
                try write(item, min(item.open, remaining))
            }
        case let .manual(parts):
            let planned = try checkManual(parts, available: available, customer: customer) {
                number in try tx.openInvoices(numbers: [number]).first { $0.customerID == customer.id }
            }
            for (item, amount) in planned { try write(item, amount) }
        }
        return AllocationOutcome(allocations: written,
                                 unapplied: Money(minorUnits: remaining, currency: available.currency))
    }

    /// The checks of a hand-chosen allocation of `available` to `customer`'s invoices: each part names an open
    /// invoice of the customer (`openInvoice` finds it by number), in the source's currency, above 0, within the
    /// invoice's open amount (several parts on one invoice counted together), all of them within `available`.
    /// Returns (invoice, amount) per part; throws `LedgerError.validation` with every issue. The one rule for a
    /// receipt's allocation, whether written command by command or a chunk at a time (`recordReceipts`).
    static func checkManual(_ parts: [ManualAllocation], available: Money, customer: Customer,
                            openInvoice: (String) throws -> OpenItem?) throws -> [(OpenItem, Int64)] {
        var issues = IssueCollector()
        var planned: [(OpenItem, Int64)] = []
        var total: Int64 = 0
        var plannedPerInvoice: [Int64: Int64] = [:]
        for (index, part) in parts.enumerated() {
            let path = "allocations[\(index + 1)]"
            guard let item = try openInvoice(part.invoiceNumber) else {
                issues.add("\(path).invoice", "\(part.invoiceNumber) is not an open invoice of \(customer.code)")
                continue
            }
            if part.amount.currency != available.currency {
                issues.add("\(path).amount",
                           "is in \(part.amount.currency.code), the receipt in \(available.currency.code)")
            } else if part.amount.minorUnits <= 0 {
                issues.add("\(path).amount", "must be greater than 0")
            } else if part.amount.minorUnits + (plannedPerInvoice[item.invoiceID] ?? 0) > item.open {
                // Several parts for one invoice count together: never allocate more than its open balance.
                let left = Money.format(item.open - (plannedPerInvoice[item.invoiceID] ?? 0),
                                        digits: available.currency.minorDigits, grouping: false)
                issues.add("\(path).amount",
                           "\(part.amount.plainString) is more than the open \(left) left of \(item.number)")
            } else {
                plannedPerInvoice[item.invoiceID, default: 0] += part.amount.minorUnits
                planned.append((item, part.amount.minorUnits))
                total += part.amount.minorUnits
            }
        }
        if total > available.minorUnits {
            issues.add("allocations",
                       "allocations total "
                       + "\(Money.format(total, digits: available.currency.minorDigits, grouping: false)) exceeds "
                         + "the available \(available.plainString)")
        }
        try issues.throwIfAny()
        return planned
    }
}

/// Records a receipt (收款单) and applies it per `allocation`. Outcome: the receipt and what was allocated.
public struct RecordReceipt: LedgerCommand {
    public static let name = "receipt.record"
    public var customerCode: String
    public var date: CivilDate
    public var amount: Money
    public var method: PaymentMethod = .bankTransfer
    public var reference: String = ""
    public var note: String = ""
    public var allocation: AllocationPlan = .auto
    public var series: String = "RCT"

    public init(customerCode: String, date: CivilDate, amount: Money, allocation: AllocationPlan = .auto) {
        self.customerCode = customerCode
        self.date = date
        self.amount = amount
        self.allocation = allocation
    }

    public struct Outcome: Hashable, Sendable, CustomStringConvertible {
        public var receipt: Receipt
        public var allocation: AllocationOutcome
        public var description: String { "\(receipt.displayNumber): \(allocation)" }
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Outcome {
        let customer = try checkedCustomer(tx)
        var receipt = try numbered(customerID: customer.id, tx)
        receipt.id = try tx.insert(receipt)
        context.recordChange(entity: "receipt", id: receipt.id, before: Receipt?.none, after: receipt)
        let outcome = try Allocator.apply(plan: allocation, available: amount, source: .receipt, sourceID: receipt.id,
                                          sourceDate: date, customer: customer, tx: tx, context: context)
        return Outcome(receipt: receipt, allocation: outcome)
    }

    /// The receipt's own checks (customer, amount, currency); returns its customer.
    func checkedCustomer(_ tx: any LedgerTransaction) throws -> Customer {
        var issues = IssueCollector()
        let customer = try tx.customer(code: customerCode)
        if customer == nil { issues.add("customer", "unknown customer code \(customerCode)") }
        issues.check(amount.minorUnits > 0, "amount", "amount must be greater than 0")
        issues.check(LedgerLimits.isWithinAmountBound(amount.minorUnits), "amount",
                     "amount must be at most \(LedgerLimits.amountBoundText(amount.currency))")
        if let customer, customer.currency != amount.currency {
            issues.add("amount", "is in \(amount.currency.code) but \(customer.code) pays in \(customer.currency.code)")
        }
        try issues.throwIfAny()
        guard let customer else { throw LedgerError.notFound(customerCode) }
        return customer
    }

    /// The receipt with the next number of its series (not yet inserted: id 0).
    func numbered(customerID: Int64, _ tx: any LedgerTransaction) throws -> Receipt {
        Receipt(id: 0, series: series, numberYear: date.year,
                number: try tx.nextNumber(series: series, year: date.year), customerID: customerID, date: date,
                amount: amount, method: method, reference: reference, note: note)
    }
}

/// Applies the unapplied part of an earlier receipt or credit note (`number`) to open invoices.
public struct AllocateCredit: LedgerCommand {
    public static let name = "allocation.create"
    public var number: String
    public var plan: AllocationPlan
    public init(number: String, plan: AllocationPlan = .auto) {
        self.number = number
        self.plan = plan
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> AllocationOutcome {
        let source: AllocationSource, sourceID: Int64, total: Money, date: CivilDate, customerID: Int64
        if let receipt = try tx.receipt(number: number) {
            (source, sourceID, total, date, customerID) = (.receipt, receipt.id, receipt.amount, receipt.date,
                                                           receipt.customerID)
        } else if let note = try tx.invoice(number: number), note.kind == .creditNote, note.status == .posted {
            (source, sourceID, total, date, customerID) = (.creditNote, note.id, note.total, note.date, note.customerID)
        } else {
            throw LedgerError.validation([FieldIssue("number", "no receipt or posted credit note numbered \(number)")])
        }
        guard let customer = try tx.customer(id: customerID) else {
            throw LedgerError.notFound("customer #\(customerID)")
        }
        let available = total.minorUnits - (try tx.allocatedFrom(source: source, id: sourceID))
        guard available > 0 else { throw LedgerError.refused("\(number) has nothing left to allocate") }
        return try Allocator.apply(plan: plan, available: Money(minorUnits: available, currency: total.currency),
                                   source: source, sourceID: sourceID, sourceDate: date, customer: customer,
                                   tx: tx, context: context)
    }
}

/// Reverses an allocation (反核销): a new allocation row with the negative amount. Outcome: the reversal.
public struct ReverseAllocation: LedgerCommand {
    public static let name = "allocation.reverse"
    public var allocationID: Int64
    public var reason: String
    public init(allocationID: Int64, reason: String) {
        self.allocationID = allocationID
        self.reason = reason
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Allocation {
        var issues = IssueCollector()
        issues.check(!reason.trimmingSpaces().isEmpty, "reason", "a reason is required")
        let original = try tx.allocation(id: allocationID)
        if original == nil { issues.add("allocation", "no allocation #\(allocationID)") }
        try issues.throwIfAny()
        guard let original else { throw LedgerError.notFound("allocation #\(allocationID)") }
        guard original.reversesID == nil, original.amount.minorUnits > 0 else {
            throw LedgerError.refused("allocation #\(allocationID) is itself a reversal")
        }
        if try tx.isReversed(allocationID: allocationID) {
            throw LedgerError.refused("allocation #\(allocationID) is already reversed")
        }
        var reversal = Allocation(id: 0, invoiceID: original.invoiceID, source: original.source,
                                  sourceID: original.sourceID,
                                  date: try AllocationDating.date(context.today, invoiceID: original.invoiceID,
                                                                  invoiceDate: original.date, tx: tx),
                                  amount: -original.amount,
                                  reversesID: original.id, note: reason)
        reversal.id = try tx.insert(reversal)
        context.recordChange(entity: "allocation", id: reversal.id, before: Allocation?.none, after: reversal)
        return reversal
    }
}

/// Writes off an invoice's open balance as bad debt (坏账核销). Manager only; reported separately.
public struct WriteOffInvoice: LedgerCommand {
    public static let name = "invoice.write_off"
    public static var allowedRoles: Set<UserRole> { AccessRoles.managers }
    public var number: String
    public var reason: String
    public var date: CivilDate?
    public init(number: String, reason: String, date: CivilDate? = nil) {
        self.number = number
        self.reason = reason
        self.date = date
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Allocation {
        try context.requireManager("writing off bad debt")
        var issues = IssueCollector()
        issues.check(!reason.trimmingSpaces().isEmpty, "reason", "a reason is required")
        let invoice = try tx.invoice(number: number)
        if invoice == nil || invoice?.kind != .invoice { issues.add("number", "no invoice numbered \(number)") }
        try issues.throwIfAny()
        guard let invoice else { throw LedgerError.notFound(number) }
        guard invoice.status == .posted else { throw LedgerError.refused("\(number) is not posted") }
        let open = invoice.total.minorUnits - (try tx.allocatedToInvoice(id: invoice.id))
        guard open > 0 else { throw LedgerError.refused("\(number) has no open balance") }
        var allocation = Allocation(id: 0, invoiceID: invoice.id, source: .writeOff, sourceID: nil,
                                    date: try AllocationDating.date(date ?? context.today, invoiceID: invoice.id,
                                                                    invoiceDate: invoice.date, tx: tx),
                                    amount: Money(minorUnits: open, currency: invoice.currency), reversesID: nil,
                                    note: reason)
        allocation.id = try tx.insert(allocation)
        context.recordChange(entity: "allocation", id: allocation.id, before: Allocation?.none, after: allocation)
        return allocation
    }
}
