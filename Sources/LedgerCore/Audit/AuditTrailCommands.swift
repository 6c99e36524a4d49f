/// Commands that only add an entry to the audit trail and change no ledger record. The auditor role (which
/// writes nothing else) may run them: recording an audit run or a confirmation reply is the auditor's own work.
public protocol AuditTrailCommand: LedgerCommand {}

extension AuditTrailCommand {
    /// Every role, the auditor included: these commands only append to the audit trail.
    public static var allowedRoles: Set<UserRole> { AccessRoles.everyone }
}

/// Records an audit run (`audit check`) in the audit log: the period, the report file's SHA-256 and the keys of
/// its findings, so a later run can tell new, resolved and still-open findings (`--since-last`).
/// Outcome: a one-line description.
public struct RecordAuditRun: AuditTrailCommand {
    public static let name = "audit.run"
    public var from: CivilDate
    public var to: CivilDate
    /// Hex SHA-256 of the report file as written.
    public var reportSHA256: String
    public var reportFile: String
    public var seed: UInt64
    /// Stable keys of the findings (severity review and above), e.g. `numbering.gap:INV-2026-000003`.
    public var findingKeys: [String]

    public init(from: CivilDate, to: CivilDate, reportSHA256: String, reportFile: String, seed: UInt64,
                findingKeys: [String]) {
        self.from = from
        self.to = to
        self.reportSHA256 = reportSHA256
        self.reportFile = reportFile
        self.seed = seed
        self.findingKeys = findingKeys
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> String {
        guard reportSHA256.count == 64 else {
            throw LedgerError.validation([FieldIssue("reportSHA256", "must be 64 hexadecimal digits")])
        }
        return "audit run \(from)…\(to): \(findingKeys.count) findings, report sha256 \(reportSHA256)"
    }
}

/// Records that confirmation letters (询证函) were produced for customers as of a date, with the balance each
/// letter states (minor units of `currency`). Outcome: a one-line description.
public struct RecordConfirmationSent: AuditTrailCommand, Decodable {
    public static let name = "audit.confirm.send"
    public struct Letter: Hashable, Sendable, Codable {
        public var customerCode: String
        public var currency: Currency
        public var balance: Int64
        /// `positive` (reply always) or `negative` (reply only when wrong).
        public var form: String
        public init(customerCode: String, currency: Currency, balance: Int64, form: String) {
            self.customerCode = customerCode
            self.currency = currency
            self.balance = balance
            self.form = form
        }
    }
    public var asOf: CivilDate
    public var letters: [Letter]
    public init(asOf: CivilDate, letters: [Letter]) {
        self.asOf = asOf
        self.letters = letters
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> String {
        var issues = IssueCollector()
        for (i, letter) in letters.enumerated() {
            if try tx.customer(code: letter.customerCode) == nil {
                issues.add("letters[\(i + 1)].customer", "unknown customer code \(letter.customerCode)")
            }
        }
        try issues.throwIfAny()
        return "\(letters.count) confirmation letters as of \(asOf)"
    }
}

/// Records a customer's reply to a confirmation letter: agreed (数据证明无误) or a difference (数据不符) of
/// `difference` minor units (customer's figure − ours) with a note. Outcome: a one-line description.
public struct RecordConfirmationReply: AuditTrailCommand, Decodable {
    public static let name = "audit.confirm.reply"
    public var customerCode: String
    public var asOf: CivilDate
    public var agreed: Bool
    public var difference: Money?
    public var note: String
    public init(customerCode: String, asOf: CivilDate, agreed: Bool, difference: Money?, note: String) {
        self.customerCode = customerCode
        self.asOf = asOf
        self.agreed = agreed
        self.difference = difference
        self.note = note
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> String {
        var issues = IssueCollector()
        if try tx.customer(code: customerCode) == nil { issues.add("customer", "unknown customer code \(customerCode)") }
        if !agreed {
            issues.check(difference != nil, "difference", "a difference amount is required unless the reply agrees")
            issues.check(!note.trimmingSpaces().isEmpty, "note", "a note is required with a difference")
        }
        try issues.throwIfAny()
        return agreed ? "\(customerCode): agreed" : "\(customerCode): difference \(difference?.plainString ?? "")"
    }
}
