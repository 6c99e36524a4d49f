/// A text in both UI languages.
public struct LocalText: Hashable, Sendable, Codable {
    public var en: String
    public var zh: String
    public init(_ en: String, _ zh: String) {
        self.en = en
        self.zh = zh
    }
    public func text(zh chinese: Bool) -> String { chinese ? zh : en }
}

/// One scripted lesson of training mode (培训): its steps, what is prepared in the practice ledger before it starts,
/// what the practice ledger must show afterwards, and its quiz. Lessons are data (`TrainingLessons.all`); the
/// checker (`TrainingChecker`) interprets the expectations.
///
/// Steps may name prepared documents with placeholders: `{target}` (the prepared invoice's number),
/// `{target.total}`, `{target.customer}`, `{target.name}`, `{target.initials}` (the customer's pinyin initials).
public struct TrainingLesson: Hashable, Sendable {
    /// Stable key used in the training log (`sale-two-lines`).
    public var id: String
    public var title: LocalText
    public var steps: [LocalText]
    public var setup: [TrainingSetup] = []
    public var expectations: [TrainingExpectation]
    public var quiz: [QuizQuestion]
}

/// A line of a prepared or expected document: product SKU, whole quantity, VAT rate in basis points.
public struct TrainingLine: Hashable, Sendable, Codable {
    public var sku: String = ""
    public var quantity: Int
    public var taxBP: Int64?
    /// For credit notes: the invoice line (1-based) the line reverses.
    public var creditsLine: Int?
}

/// What is prepared in the practice ledger when a lesson starts (through the command layer).
public enum TrainingSetup: Hashable, Sendable {
    /// Posts an invoice for `customer` dated `daysAgo` days before today with `lines` (explicit VAT rates), known to
    /// the steps and the checker as `{ref}`.
    case postInvoice(ref: String, customer: String, daysAgo: Int, lines: [TrainingLine])
}

/// What the practice ledger must show after a lesson. Documents are those written since the lesson started.
public enum TrainingExpectation: Hashable, Sendable {
    /// The customer's newest posted invoice has exactly these lines (SKU, quantity; VAT at the product's rate).
    case invoice(customer: String, lines: [TrainingLine])
    /// The newest posted credit note against the prepared invoice `ref` reverses exactly these lines.
    case creditNote(ref: String, lines: [TrainingLine])
    /// The customer's newest receipt equals the prepared invoice's total and is allocated (核销) to it in full.
    case receiptAllocated(customer: String, ref: String)
    /// A call is logged for a customer overdue today, with a promised payment date on or after today.
    case overdueCallWithPromise
    /// A draft was saved and later reopened (posted from the draft).
    case draftSavedAndReopened
    /// A statement of the customer was issued for confirmation (对账确认) as of today.
    case statementIssued(customer: String)
    /// A backup was made and restored (the restore is in the practice ledger's audit log).
    case backupRestored
    /// The trainee picks the prepared invoice `ref` among others (found by pinyin).
    case pickInvoice(ref: String)
}

/// One quiz question: the choices and the index of the right one.
public struct QuizQuestion: Hashable, Sendable {
    public var question: LocalText
    public var choices: [LocalText]
    public var answer: Int
    public init(_ question: LocalText, _ choices: [LocalText], answer: Int) {
        self.question = question
        self.choices = choices
        self.answer = answer
    }
}

/// The state of the lesson in progress, kept in the practice ledger (`SaveTrainingLessonState`).
public struct TrainingLessonState: Hashable, Sendable, Codable {
    public var lessonID: String
    /// Record ids and audit sequence when the lesson started (after its set-up): newer records are the trainee's.
    public var baseline: TrainingBaseline
    /// Prepared documents by ref: number, total (minor units), customer code, name, pinyin initials.
    public var refs: [String: String]
    /// Wall-clock seconds (UTC) when the lesson started.
    public var startedAt: Int64
    public var attempts: Int = 0
    public var passed: Bool = false
}

/// The highest record ids and audit sequence number at a moment.
public struct TrainingBaseline: Hashable, Sendable, Codable {
    public var documentID: Int64
    public var receiptID: Int64
    public var contactID: Int64
    public var confirmationID: Int64
    public var auditSeq: Int64
    public init(
        documentID: Int64 = 0, receiptID: Int64 = 0, contactID: Int64 = 0, confirmationID: Int64 = 0,
        auditSeq: Int64 = 0
    ) {
        self.documentID = documentID
        self.receiptID = receiptID
        self.contactID = contactID
        self.confirmationID = confirmationID
        self.auditSeq = auditSeq
    }
}
