/// How a customer paid.
public enum PaymentMethod: String, Sendable, Codable, CaseIterable {
    case cash, bankTransfer = "bank_transfer", cheque, card, wechatPay = "wechat_pay", alipay, other
    /// 承兑汇票 (bank acceptance bill): not cash until paid at maturity; details in `AcceptanceBill`.
    case acceptanceBill = "acceptance_bill"
}

/// A receipt (收款单): money received from a customer, allocated to invoices or left as unapplied credit.
public struct Receipt: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var series: String
    public var numberYear: Int
    public var number: Int
    public var customerID: Int64
    public var date: CivilDate
    public var amount: Money
    public var method: PaymentMethod
    public var reference: String
    public var note: String

    public var displayNumber: String { Invoice.formatNumber(series: series, year: numberYear, number: number) }

    public init(id: Int64, series: String, numberYear: Int, number: Int, customerID: Int64, date: CivilDate,
                amount: Money, method: PaymentMethod, reference: String, note: String) {
        self.id = id
        self.series = series
        self.numberYear = numberYear
        self.number = number
        self.customerID = customerID
        self.date = date
        self.amount = amount
        self.method = method
        self.reference = reference
        self.note = note
    }
}

/// What settles part of an invoice.
public enum AllocationSource: String, Sendable, Codable {
    case receipt
    case creditNote = "credit_note"
    /// 坏账核销: a manager closes the balance as bad debt.
    case writeOff = "write_off"
}

/// An allocation (核销): part of a receipt or credit note applied to an invoice. Never deleted: a reversal
/// (反核销) is a new row with the negative amount and `reversesID` set.
public struct Allocation: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var invoiceID: Int64
    public var source: AllocationSource
    /// The receipt or credit note id (nil for a write-off).
    public var sourceID: Int64?
    public var date: CivilDate
    public var amount: Money
    public var reversesID: Int64?
    public var note: String

    public init(id: Int64, invoiceID: Int64, source: AllocationSource, sourceID: Int64? = nil, date: CivilDate,
                amount: Money, reversesID: Int64? = nil, note: String) {
        self.id = id
        self.invoiceID = invoiceID
        self.source = source
        self.sourceID = sourceID
        self.date = date
        self.amount = amount
        self.reversesID = reversesID
        self.note = note
    }
}
