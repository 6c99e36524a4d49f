/// A statement sent for confirmation (对账确认) and the customer's reply.
public struct StatementConfirmation: Hashable, Sendable, Codable {
    public enum Reply: String, Sendable, Codable, CaseIterable {
        /// No reply yet (未回函).
        case pending
        /// 数据证明无误.
        case confirmed
        /// 数据不符: the customer states a difference.
        case disputed
    }
    public var id: Int64
    /// `DZ-2026-000001`.
    public var number: String
    public var customerID: Int64
    public var customerCode: String
    public var asOf: CivilDate
    /// The balance stated (应收余额 as of `asOf`).
    public var balance: Money
    public var issued: CivilDate
    public var reply: Reply = .pending
    /// For `disputed`: the difference the customer states (their figure − ours), minor units.
    public var difference: Int64 = 0
    public var note: String = ""
    public var replyDate: CivilDate?

    public init(id: Int64 = 0, number: String, customerID: Int64, customerCode: String = "", asOf: CivilDate,
                balance: Money, issued: CivilDate) {
        self.id = id
        self.number = number
        self.customerID = customerID
        self.customerCode = customerCode
        self.asOf = asOf
        self.balance = balance
        self.issued = issued
    }
}

/// Records a statement issued for confirmation: numbered `DZ-<year>-nnnnnn` (gapless), with its as-of date and
/// balance. Role: clerk. Outcome: the stored record.
public struct IssueStatementConfirmation: LedgerCommand {
    public static let name = "statement.issue"
    public var customerCode: String
    public var asOf: CivilDate
    public var balance: Money
    public init(customerCode: String, asOf: CivilDate, balance: Money) {
        self.customerCode = customerCode
        self.asOf = asOf
        self.balance = balance
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> StatementConfirmation {
        guard let customer = try tx.customer(code: customerCode) else {
            throw LedgerError.validation([FieldIssue("customer", "unknown customer code \(customerCode)")])
        }
        let year = context.today.year
        let number = Invoice.formatNumber(series: "DZ", year: year, number: try tx.nextNumber(series: "DZ", year: year))
        var record = StatementConfirmation(number: number, customerID: customer.id, customerCode: customer.code,
                                           asOf: asOf, balance: balance, issued: context.today)
        record.id = try tx.insert(record)
        context.recordChange(entity: "statement_confirmation", id: record.id, before: StatementConfirmation?.none,
                             after: record)
        return record
    }
}

/// Records the customer's reply: confirmed, or disputed with the difference and a note (both required).
/// Role: clerk. Outcome: the updated record.
public struct RecordStatementReply: LedgerCommand {
    public static let name = "statement.reply"
    public var number: String
    public var reply: StatementConfirmation.Reply
    public var difference: Int64
    public var note: String
    public var date: CivilDate?
    public init(number: String, reply: StatementConfirmation.Reply, difference: Int64 = 0, note: String = "",
                date: CivilDate? = nil) {
        self.number = number
        self.reply = reply
        self.difference = difference
        self.note = note
        self.date = date
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> StatementConfirmation {
        guard let before = try tx.statementConfirmation(number: number) else {
            throw LedgerError.validation([FieldIssue("statement", "no statement \(number)")])
        }
        var issues = IssueCollector()
        issues.check(reply != .pending, "reply", "is confirmed or disputed")
        if reply == .disputed {
            issues.check(difference != 0, "difference", "is required for a disputed statement")
            issues.check(!note.trimmingSpaces().isEmpty, "note", "is required for a disputed statement")
        }
        let day = date ?? context.today
        issues.check(day >= before.issued, "date", "\(day) is before the statement was issued (\(before.issued))")
        try issues.throwIfAny()
        var after = before
        after.reply = reply
        after.difference = reply == .disputed ? difference : 0
        after.note = note
        after.replyDate = day
        try tx.saveReply(after)
        context.recordChange(entity: "statement_confirmation", id: after.id, before: before, after: after)
        return after
    }
}
