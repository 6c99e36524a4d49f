/// Dunning levels (催款级别), in escalation order.
public enum DunningLevel: Int, Sendable, Codable, CaseIterable, Comparable {
    /// A friendly reminder (also used before and on the due date).
    case friendly = 1
    /// 第二次催款通知.
    case secondNotice = 2
    /// 最后催款通知.
    case finalNotice = 3
    /// Stop further credit (暂停赊销): the account should be put on credit hold.
    case stopCredit = 4

    public static func < (lhs: DunningLevel, rhs: DunningLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Stable code: `friendly`, `second_notice`, `final_notice`, `stop_credit`.
    public var code: String {
        switch self {
        case .friendly: return "friendly"
        case .secondNotice: return "second_notice"
        case .finalNotice: return "final_notice"
        case .stopCredit: return "stop_credit"
        }
    }

    /// Display name in English or Chinese.
    public func displayName(chinese: Bool) -> String {
        switch self {
        case .friendly: return chinese ? "友好提醒" : "friendly reminder"
        case .secondNotice: return chinese ? "第二次催款通知" : "second notice"
        case .finalNotice: return chinese ? "最后催款通知" : "final notice"
        case .stopCredit: return chinese ? "暂停赊销" : "stop further credit"
        }
    }
}

/// When reminders fall due for an invoice, and how they escalate.
///
/// Defaults (this ledger's choice, documented in docs/receivables.md): 3 days before the due date, on the due date,
/// then every 7 days while overdue;
/// the level is friendly from 1 day overdue, second notice from 15, final notice from 30, stop further credit
/// from 45; each broken promise to pay raises the level by one (at most stop further credit).
public struct ReminderPolicy: Hashable, Sendable, Codable {
    /// Days before the due date on which a reminder is sent (positive numbers; empty = none).
    public var daysBeforeDue: [Int]
    public var onDueDate: Bool
    /// While overdue, a reminder every this many days (≥ 1).
    public var overdueEveryDays: Int
    /// Days overdue at which second notice, final notice and stop further credit begin (increasing, ≥ 1).
    public var secondNoticeFromDays: Int
    public var finalNoticeFromDays: Int
    public var stopCreditFromDays: Int

    public init(daysBeforeDue: [Int] = [3], onDueDate: Bool = true, overdueEveryDays: Int = 7,
                secondNoticeFromDays: Int = 15, finalNoticeFromDays: Int = 30, stopCreditFromDays: Int = 45) {
        self.daysBeforeDue = daysBeforeDue
        self.onDueDate = onDueDate
        self.overdueEveryDays = overdueEveryDays
        self.secondNoticeFromDays = secondNoticeFromDays
        self.finalNoticeFromDays = finalNoticeFromDays
        self.stopCreditFromDays = stopCreditFromDays
    }

    public static let standard = ReminderPolicy()

    /// Level by days overdue (≥ 1) before broken promises are counted.
    public func level(daysOverdue: Int) -> DunningLevel {
        if daysOverdue >= stopCreditFromDays { return .stopCredit }
        if daysOverdue >= finalNoticeFromDays { return .finalNotice }
        if daysOverdue >= secondNoticeFromDays { return .secondNotice }
        return .friendly
    }

    /// Field issues of an invalid policy (paths prefixed by `path`).
    public func issues(path: String) -> [FieldIssue] {
        var issues = IssueCollector()
        issues.check(daysBeforeDue.allSatisfy { $0 > 0 }, "\(path).daysBeforeDue", "must be positive day counts")
        issues.check(overdueEveryDays >= 1, "\(path).overdueEveryDays", "must be at least 1")
        issues.check(1 <= secondNoticeFromDays && secondNoticeFromDays < finalNoticeFromDays
                     && finalNoticeFromDays < stopCreditFromDays,
                     "\(path).escalation", "second notice < final notice < stop credit days, all ≥ 1")
        return issues.issues
    }
}

/// The ledger's reminder rules: a default policy and, optionally, one per customer class (客户等级).
public struct ReminderRules: Hashable, Sendable, Codable {
    public var standardPolicy: ReminderPolicy
    /// Policies by customer class code, e.g. `A`.
    public var byCustomerClass: [String: ReminderPolicy]

    public init(standardPolicy: ReminderPolicy = .standard, byCustomerClass: [String: ReminderPolicy] = [:]) {
        self.standardPolicy = standardPolicy
        self.byCustomerClass = byCustomerClass
    }

    public static let standard = ReminderRules()

    /// The policy for a customer class (the default when the class has none).
    public func policy(forClass customerClass: String) -> ReminderPolicy {
        byCustomerClass[customerClass] ?? standardPolicy
    }
}

/// Stores the reminder rules. Manager only. Outcome: the rules. Errors: `validation` naming the bad field.
public struct SetReminderRules: LedgerCommand {
    public static let name = "reminder.rules"
    public static var allowedRoles: Set<UserRole> { AccessRoles.managers }
    public var rules: ReminderRules
    public init(_ rules: ReminderRules) { self.rules = rules }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> ReminderRules {
        try context.requireManager("changing reminder rules")
        var issues = rules.standardPolicy.issues(path: "default")
        for (key, policy) in rules.byCustomerClass.sorted(by: { $0.key < $1.key }) {
            issues += policy.issues(path: "class[\(key)]")
        }
        if !issues.isEmpty { throw LedgerError.validation(issues) }
        let before = try tx.reminderRules()
        try tx.save(rules)
        context.recordChange(entity: "reminder_rules", id: 1, before: before, after: rules)
        return rules
    }
}
