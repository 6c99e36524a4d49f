/// A bank acceptance bill (承兑汇票) received as payment: the receipt (method `acceptanceBill`) records the money,
/// this records the bill. Until `maturity` the bill is not cash and still carries the customer's risk.
public struct AcceptanceBill: Hashable, Sendable, Codable {
    public var receiptID: Int64
    public var receiptNumber: String
    public var customerCode: String
    public var customerName: String
    /// 票据号码.
    public var billNumber: String
    /// 承兑银行 / 出票银行.
    public var bank: String
    public var received: CivilDate
    /// 到期日.
    public var maturity: CivilDate
    public var amount: Money

    public init(receiptID: Int64, receiptNumber: String = "", customerCode: String = "", customerName: String = "",
                billNumber: String, bank: String, received: CivilDate, maturity: CivilDate, amount: Money) {
        self.receiptID = receiptID
        self.receiptNumber = receiptNumber
        self.customerCode = customerCode
        self.customerName = customerName
        self.billNumber = billNumber
        self.bank = bank
        self.received = received
        self.maturity = maturity
        self.amount = amount
    }

    /// Held (at risk) on `date`: received on or before it and not yet matured.
    public func isHeld(on date: CivilDate) -> Bool { received <= date && date < maturity }
}

/// Records the bill of a receipt paid by 承兑汇票: bill number (unique), issuing bank, maturity on or after the
/// receipt date. Role: clerk. Outcome: the stored bill.
public struct RecordAcceptanceBill: LedgerCommand {
    public static let name = "receipt.acceptance_bill"
    public var receiptNumber: String
    public var billNumber: String
    public var bank: String
    public var maturity: CivilDate?
    public init(receiptNumber: String, billNumber: String, bank: String, maturity: CivilDate?) {
        self.receiptNumber = receiptNumber
        self.billNumber = billNumber
        self.bank = bank
        self.maturity = maturity
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> AcceptanceBill {
        var issues = IssueCollector()
        let receipt = try tx.receipt(number: receiptNumber)
        if receipt == nil { issues.add("receipt", "no receipt \(receiptNumber)") }
        if let receipt, receipt.method != .acceptanceBill {
            issues.add("method", "\(receiptNumber) was not paid by acceptance bill (承兑汇票)")
        }
        let number = billNumber.trimmingSpaces()
        issues.check(!number.isEmpty, "billNumber", "is required")
        issues.check(!bank.trimmingSpaces().isEmpty, "bank", "is required")
        if maturity == nil { issues.add("maturity", "is required") }
        if let maturity, let receipt, maturity < receipt.date {
            issues.add("maturity", "\(maturity) is before the receipt date \(receipt.date)")
        }
        if !number.isEmpty, try tx.billExists(number: number) { issues.add("billNumber",
                                                                           "bill \(number) is already recorded") }
        try issues.throwIfAny()
        guard let receipt, let maturity else { throw LedgerError.notFound(receiptNumber) }
        let bill = AcceptanceBill(receiptID: receipt.id, receiptNumber: receipt.displayNumber, billNumber: number,
                                  bank: bank.trimmingSpaces(), received: receipt.date, maturity: maturity,
                                  amount: receipt.amount)
        try tx.insert(bill)
        context.recordChange(entity: "acceptance_bill", id: receipt.id, before: AcceptanceBill?.none, after: bill)
        return bill
    }
}
