/// What the practice ledger shows since a lesson started, read in one snapshot for the checker.
public struct TrainingFacts: Hashable, Sendable {
    public struct Line: Hashable, Sendable {
        public var lineNo: Int
        public var sku: String
        /// Thousandths.
        public var quantity: Int64
        public var taxBP: Int64
        public var creditsLine: Int?
        public init(lineNo: Int, sku: String, quantity: Int64, taxBP: Int64, creditsLine: Int? = nil) {
            self.lineNo = lineNo
            self.sku = sku
            self.quantity = quantity
            self.taxBP = taxBP
            self.creditsLine = creditsLine
        }
    }
    public struct Document: Hashable, Sendable {
        public var id: Int64
        public var number: String
        /// `invoice` or `credit_note`.
        public var kind: String
        public var customerCode: String
        public var total: Int64
        public var appliesTo: String?
        public var lines: [Line]
        public init(
            id: Int64, number: String, kind: String, customerCode: String, total: Int64, appliesTo: String? = nil,
            lines: [Line]
        ) {
            self.id = id
            self.number = number
            self.kind = kind
            self.customerCode = customerCode
            self.total = total
            self.appliesTo = appliesTo
            self.lines = lines
        }
    }
    public struct Receipt: Hashable, Sendable {
        public var id: Int64
        public var number: String
        public var customerCode: String
        public var amount: Int64
        /// Invoice number → amount allocated from this receipt (reversals netted).
        public var allocations: [String: Int64]
        public init(id: Int64, number: String, customerCode: String, amount: Int64, allocations: [String: Int64]) {
            self.id = id
            self.number = number
            self.customerCode = customerCode
            self.amount = amount
            self.allocations = allocations
        }
    }
    public struct Contact: Hashable, Sendable {
        public var customerCode: String
        public var promisedDate: CivilDate?
        public init(customerCode: String, promisedDate: CivilDate?) {
            self.customerCode = customerCode
            self.promisedDate = promisedDate
        }
    }
    public struct Confirmation: Hashable, Sendable {
        public var customerCode: String
        public var asOf: CivilDate
        public init(customerCode: String, asOf: CivilDate) {
            self.customerCode = customerCode
            self.asOf = asOf
        }
    }
    public struct AuditEntry: Hashable, Sendable {
        public var command: String
        public var payload: String
        public init(command: String, payload: String) {
            self.command = command
            self.payload = payload
        }
    }

    /// Posted documents created since the baseline, oldest first.
    public var documents: [Document] = []
    public var receipts: [Receipt] = []
    public var contacts: [Contact] = []
    public var confirmations: [Confirmation] = []
    public var audit: [AuditEntry] = []
    /// Customers with an open invoice past its due date today.
    public var overdueCustomers: Set<String> = []
    /// Product SKU → VAT rate (basis points), for the products the expectations name.
    public var productRates: [String: Int64] = [:]
    public init() {}
}

/// Reads of training mode. The SQLite store implements them in `LedgerStore/Training/`; every method throws
/// `LedgerError.storage` on a store failure.
public protocol TrainingQueries: AnyObject {
    /// The highest ids and audit sequence now.
    func trainingBaseline() throws -> TrainingBaseline
    /// What was written since `baseline`, plus the overdue customers as of `today` and every product's VAT rate.
    func trainingFacts(since baseline: TrainingBaseline, today: CivilDate) throws -> TrainingFacts
    /// The training log (newest first), of one user or all.
    func trainingLog(user: String?) throws -> [TrainingResult]
}

/// Writes of training mode inside a command's transaction (the real ledger's training log).
public protocol TrainingTransaction: AnyObject {
    /// Appends a result; returns its id.
    func insert(_ result: TrainingResult) throws -> Int64
}

/// One line of the training log (培训评估) kept in the real ledger.
public struct TrainingResult: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable { case lesson, quiz }
    public var id: Int64
    public var user: String
    public var kind: Kind
    public var lesson: String
    public var date: CivilDate
    public var passed: Bool
    /// 0…100.
    public var score: Int
    public var attempts: Int
    /// Time taken, seconds.
    public var seconds: Int64
    public var language: String
    public init(
        id: Int64 = 0, user: String, kind: Kind, lesson: String, date: CivilDate, passed: Bool, score: Int,
        attempts: Int, seconds: Int64, language: String
    ) {
        self.id = id
        self.user = user
        self.kind = kind
        self.lesson = lesson
        self.date = date
        self.passed = passed
        self.score = score
        self.attempts = attempts
        self.seconds = seconds
        self.language = language
    }
}

/// Writes a lesson's or quiz's result to the training log of the REAL ledger (never the practice one). Any role
/// may record its own training; the actor is the user. Outcome: the stored result.
public struct RecordTrainingResult: LedgerCommand {
    public static let name = "training.result"
    public static var allowedRoles: Set<UserRole> { AccessRoles.everyone }
    public var result: TrainingResult

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> TrainingResult {
        var issues = IssueCollector()
        issues.check((0...100).contains(result.score), "score", "must be 0…100")
        issues.check(result.attempts >= 1, "attempts", "must be at least 1")
        issues.check(result.seconds >= 0, "seconds", "must not be negative")
        issues.check(TrainingLessons.lesson(result.lesson) != nil, "lesson", "unknown lesson \(result.lesson)")
        try issues.throwIfAny()
        if try tx.setting(PracticeLedger.markerKey) != nil {
            throw LedgerError.validation([FieldIssue("ledger", "is a practice ledger; results go to the real ledger")])
        }
        guard let log = tx as? any TrainingTransaction else {
            throw LedgerError.storage("this store keeps no training log")
        }
        var stored = result
        stored.user = context.actor
        stored.id = try log.insert(stored)
        context.recordChange(entity: "training_log", id: stored.id, before: TrainingResult?.none, after: stored)
        return stored
    }
}
