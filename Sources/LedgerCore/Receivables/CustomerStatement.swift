/// The kind of a statement line.
public enum StatementLineKind: String, Sendable, Codable, CaseIterable {
    case invoice, creditNote = "credit_note", receipt, writeOff = "write_off"

    /// The standard word: 销售单, 红字冲销, 收款单, 坏账核销 in Chinese.
    public func displayName(chinese: Bool) -> String {
        switch self {
        case .invoice: return chinese ? "销售单" : "Invoice"
        case .creditNote: return chinese ? "红字冲销单" : "Credit note"
        case .receipt: return chinese ? "收款单" : "Receipt"
        case .writeOff: return chinese ? "坏账核销" : "Bad debt written off"
        }
    }
}

/// One line of a customer statement. `debit` raises what the customer owes, `credit` lowers it
/// (minor units, ≥ 0); `balance` is the running balance after the line.
public struct StatementLine: Hashable, Sendable, Codable {
    public var date: CivilDate
    public var kind: StatementLineKind
    public var number: String
    /// Due date of an invoice; the applied invoice's number for a linked credit note or a write-off.
    public var dueDate: CivilDate?
    public var reference: String
    public var debit: Int64
    public var credit: Int64
    public var balance: Int64
}

/// A customer statement (对账单) for a period, in the customer's currency.
///
/// Opening balance = customer balance at the end of the day before `from`; lines = invoices, credit notes,
/// receipts and write-offs (and write-off reversals) dated in `from...to`, by date then kind then number;
/// closing balance = opening + debits − credits = customer balance as of `to`. Aging at the end: open invoices
/// as of `to` by days past due, and the unapplied credit the customer holds then.
public struct CustomerStatement: Hashable, Sendable, Codable {
    public var customerCode: String
    public var customerName: String
    public var currency: Currency
    public var from: CivilDate
    public var to: CivilDate
    public var openingBalance: Int64
    public var lines: [StatementLine]
    public var closingBalance: Int64
    public var invoiced: Int64
    public var credited: Int64
    public var received: Int64
    public var writtenOff: Int64
    /// Aging of the open invoices as of `to` (current, 1–30, …).
    public var aging: [AgingBucketTotal]
    /// Unapplied credit as of `to`, ≥ 0.
    public var unappliedCredit: Int64
    /// `unappliedCredit` as shown (`UnappliedCreditSign`: negative), on screen and in the CLI alike.
    public var unappliedCreditShown: Int64 { UnappliedCreditSign.shown(unappliedCredit) }
    /// Open amount past due as of `to`.
    public var overdue: Int64

    /// Builds the statement of `customer` from a snapshot (which may hold other customers too).
    public static func make(customer: Customer, from: CivilDate, to: CivilDate, snapshot: ReceivablesSnapshot,
                            buckets: AgingBuckets = .standard) -> CustomerStatement {
        let currency = customer.currency
        let opening = snapshot.customerBalance(customerID: customer.id, currency: currency, asOf: from.adding(days: -1))
        var lines: [StatementLine] = []
        func inPeriod(_ date: CivilDate) -> Bool { date >= from && date <= to }
        var numbers: [Int64: String] = [:]
        for doc in snapshot.documents where doc.customerID == customer.id { numbers[doc.id] = doc.number }
        for doc in snapshot.documents where doc.customerID == customer.id && doc.currency == currency
            && inPeriod(doc.date) {
            if doc.kind == .invoice {
                lines.append(StatementLine(date: doc.date, kind: .invoice, number: doc.number, dueDate: doc.dueDate,
                                           reference: doc.externalReference, debit: doc.total, credit: 0, balance: 0))
            } else {
                lines.append(StatementLine(date: doc.date, kind: .creditNote, number: doc.number, dueDate: nil,
                                           reference: doc.appliesToID.flatMap { numbers[$0] } ?? "",
                                           debit: 0, credit: doc.total, balance: 0))
            }
        }
        for receipt in snapshot.receipts where receipt.customerID == customer.id && receipt.amount.currency == currency
            && inPeriod(receipt.date) {
            lines.append(StatementLine(date: receipt.date, kind: .receipt, number: receipt.displayNumber, dueDate: nil,
                                       reference: receipt.reference, debit: 0, credit: receipt.amount.minorUnits,
                                       balance: 0))
        }
        for allocation in snapshot.allocations where allocation.source == .writeOff
            && allocation.amount.currency == currency
            && inPeriod(allocation.date) {
            guard let number = numbers[allocation.invoiceID] else { continue }
            let amount = allocation.amount.minorUnits
            lines.append(StatementLine(date: allocation.date, kind: .writeOff, number: number, dueDate: nil,
                                       reference: allocation.note, debit: max(0, -amount), credit: max(0, amount),
                                       balance: 0))
        }
        let order = StatementLineKind.allCases
        lines.sort { a, b in
            let ka = order.firstIndex(of: a.kind) ?? 0, kb = order.firstIndex(of: b.kind) ?? 0
            return (a.date, ka, a.number) < (b.date, kb, b.number)
        }
        var running = opening
        for index in lines.indices {
            running += lines[index].debit - lines[index].credit
            lines[index].balance = running
        }
        var aging = buckets.labels.map { AgingBucketTotal(label: $0, amount: 0, count: 0) }
        var overdue: Int64 = 0
        for (invoice, open) in snapshot.openInvoices(asOf: to,
                                                     customerID: customer.id) where invoice.currency == currency {
            let days = invoice.dueDate.days(to: to)
            let index = buckets.index(daysOverdue: days)
            aging[index].amount += open
            aging[index].count += 1
            if days > 0 { overdue += open }
        }
        func sum(_ kind: StatementLineKind) -> Int64 {
            lines.filter { $0.kind == kind }.reduce(0) { $0 + $1.credit - $1.debit }
        }
        return CustomerStatement(
            customerCode: customer.code, customerName: customer.name, currency: currency, from: from, to: to,
            openingBalance: opening, lines: lines, closingBalance: running,
            invoiced: -sum(.invoice), credited: sum(.creditNote), received: sum(.receipt), writtenOff: sum(.writeOff),
            aging: aging, unappliedCredit: snapshot.unappliedCredit(customerID: customer.id, currency: currency,
                                                                    asOf: to),
            overdue: overdue)
    }
}

/// The words of a statement in English or Chinese (the standard terms of the glossary).
public struct StatementWords: Sendable {
    public let chinese: Bool
    public init(chinese: Bool) { self.chinese = chinese }

    public var title: String { chinese ? "对账单" : "Customer statement" }
    public var period: String { chinese ? "期间" : "Period" }
    public var customer: String { chinese ? "客户" : "Customer" }
    public var currency: String { chinese ? "币种" : "Currency" }
    public var date: String { chinese ? "日期" : "Date" }
    public var document: String { chinese ? "单据号" : "Document" }
    public var type: String { chinese ? "类型" : "Type" }
    public var dueDate: String { chinese ? "到期日" : "Due date" }
    public var reference: String { chinese ? "摘要" : "Reference" }
    public var debit: String { chinese ? "应收" : "Debit" }
    public var credit: String { chinese ? "已收/冲销" : "Credit" }
    public var balance: String { chinese ? "余额" : "Balance" }
    public var openingBalance: String { chinese ? "期初余额" : "Opening balance" }
    public var closingBalance: String { chinese ? "期末余额" : "Closing balance" }
    public var aging: String { chinese ? "账龄" : "Aging" }
    public var overdue: String { chinese ? "逾期" : "Overdue" }
    public var unappliedCredit: String { chinese ? "未核销预收" : "Unapplied credit" }
    public var invoiced: String { chinese ? "本期销售" : "Invoiced" }
    public var credited: String { chinese ? "本期红字冲销" : "Credit notes" }
    public var received: String { chinese ? "本期收款" : "Received" }
    public var writtenOff: String { chinese ? "本期坏账核销" : "Written off" }

    /// A bucket label: `current` → 未到期 / Current; `1-30` → 逾期1-30天 / 1-30 days.
    public func bucket(_ label: String) -> String {
        if label == "current" { return chinese ? "未到期" : "Current" }
        return chinese ? "逾期\(label)天" : "\(label) days"
    }
}
