import Foundation
import LedgerCore

/// Language of audit texts (findings, reports, letters).
public enum AuditLanguage: String, Sendable, CaseIterable {
    case en, zh
    /// The English or the Chinese text.
    public func t(_ en: String, _ zh: String) -> String { self == .zh ? zh : en }
}

/// How serious a finding is. `info` items are observations for the auditor's file (cut-off listings, analytical
/// figures); they are listed but are not findings: `audit check` exits 1 only for `review` and above.
public enum AuditSeverity: String, Sendable, CaseIterable, Comparable, Codable {
    case info, review, warning, error
    public static func < (a: AuditSeverity, b: AuditSeverity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
    public var isFinding: Bool { self >= .review }
    public func label(_ lang: AuditLanguage) -> String {
        switch self {
        case .info: return lang.t("info", "信息")
        case .review: return lang.t("review", "复核")
        case .warning: return lang.t("warning", "警告")
        case .error: return lang.t("error", "错误")
        }
    }
}

/// One finding (or observation) of a check: what, how serious, the documents and customer involved.
/// `key` is stable across runs (check id and subject), so runs can be compared (`--since-last`).
public struct AuditFinding: Hashable, Sendable, Codable {
    public var check: String
    public var severity: AuditSeverity
    public var key: String
    /// Document numbers involved (invoice, credit note or receipt numbers).
    public var documents: [String]
    public var customer: String
    /// Plain amount (`1234.50`) with the currency code, or empty.
    public var amount: String
    public var message: String

    public init(
        check: String, severity: AuditSeverity, subject: String, documents: [String] = [],
        customer: String = "", amount: String = "", message: String
    ) {
        self.check = check
        self.severity = severity
        self.key = "\(check):\(subject)"
        self.documents = documents
        self.customer = customer
        self.amount = amount
        self.message = message
    }
}

/// The result of one check: its findings and any figures it reports (notes).
public struct AuditCheckResult: Hashable, Sendable {
    /// Stable id, e.g. `numbering.gaps`.
    public var id: String
    public var title: String
    /// Severity of this check's findings.
    public var severity: AuditSeverity
    public var findings: [AuditFinding] = []
    public var notes: [String] = []

    /// Appends a finding of this check about `subject` (its key is `<id>:<subject>`, see `AuditFinding`).
    public mutating func add(severity: AuditSeverity, subject: String, documents: [String] = [], customer: String = "",
                             amount: String = "", message: String) {
        findings.append(AuditFinding(check: id, severity: severity, subject: subject, documents: documents,
                                     customer: customer, amount: amount, message: message))
    }

    /// The check's line in the report: `[warning] numbering.gaps — …: 3 findings` with findings; a passing check
    /// carries no severity (tryout s33: `[error] consistency.totals … : pass` read as an error).
    public func headline(_ lang: AuditLanguage) -> String {
        let tail = "\(id) — \(title): \(status(lang))"
        return findings.isEmpty ? tail : "[\(severity.label(lang))] " + tail
    }

    /// `pass`, `3 findings`, `2 observations`, or both (`1 finding, 2 observations`).
    public func status(_ lang: AuditLanguage) -> String {
        if findings.isEmpty { return lang.t("pass", "通过") }
        // A check of findings may also list observations (info items): both are counted (s35-fix).
        let seen = severity.isFinding ? findings.filter { !$0.severity.isFinding }.count : findings.count
        let real = findings.count - seen
        let observed = lang.t(counted(seen, "observation"), "\(seen) 项观察")
        guard real > 0 else { return observed }
        let found = lang.t(counted(real, "finding"), "\(real) 项发现")
        return seen == 0 ? found : found + lang.t(", ", "，") + observed
    }
}

/// Thresholds of the checks; every default is documented in docs/audit.md.
public struct AuditParameters: Hashable, Sendable {
    public var from: CivilDate
    public var to: CivilDate
    /// Backdated: posted more than this many days after the document date.
    public var backdatedDays = 7
    /// Cut-off window: documents within this many days either side of the period end.
    public var cutoffDays = 5
    /// Disputes open longer than this many days at period end.
    public var disputeDays = 30
    /// Drafts older than this many days at period end.
    public var draftDays = 7
    /// Customers whose balance grew by more than this many percent over the period.
    public var growthPercent = 50
    /// Round-number postings: totals that are a multiple of this many major units (1000.00).
    public var roundUnit: Int64 = 1000
    /// Size of the vouching sample and its seed.
    public var sampleSize = 10
    public var seed: UInt64 = 1
    public var language: AuditLanguage = .en

    public init(from: CivilDate, to: CivilDate) {
        self.from = from
        self.to = to
    }

    /// The default period: the three months up to `today` (a quarterly audit).
    public static func defaultPeriod(today: CivilDate) -> (CivilDate, CivilDate) {
        (today.adding(months: -3).adding(days: 1), today)
    }
}

/// One document of the vouching sample, with its lines to check against paper.
public struct VouchingItem: Hashable, Sendable {
    public var number: String
    public var date: CivilDate
    public var customer: String
    public var total: String
    /// `description qty × price = amount` per line.
    public var lines: [String]
}

/// A whole audit run: the period, who ran it and when, the parameters, the checks and the vouching sample.
public struct AuditRun: Sendable {
    public var parameters: AuditParameters
    public var ranBy: String
    public var ranAtUTC: String
    public var checks: [AuditCheckResult]
    public var sample: [VouchingItem]
    public var samplePopulation: Int

    public var allFindings: [AuditFinding] { checks.flatMap(\.findings) }
    /// Findings of severity review and above (what makes `audit check` exit 1).
    public var findings: [AuditFinding] { allFindings.filter { $0.severity.isFinding } }
}

extension String {
    /// Without leading and trailing white space.
    var auditTrimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
