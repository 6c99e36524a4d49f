/// Read-only queries the periodic audit (定期审计) needs beyond `LedgerQueries`: the audit log itself, every
/// document whatever its status with the sums of its lines, and the number-series counters.
/// Synchronous and free of database types like the other store protocols; the SQLite store implements it in
/// `LedgerStore/Audit/`. Every method throws `LedgerError.storage` on a store failure.
public protocol AuditQueries: AnyObject {
    /// Calls `body` with each audit entry matching `filter`, by sequence number, in one read transaction, without
    /// holding the log in memory (issue 10: the log holds several entries per invoice). Errors of `body` propagate.
    func forEachAuditLogEntry(filter: AuditLogFilter, _ body: (AuditLogEntry) throws -> Void) throws
    /// Every document (draft, posted, void) with the sums of its stored lines, by id.
    func auditDocuments() throws -> [AuditDocument]
    /// The number-series counters (series, year, last number handed out).
    func numberCounters() throws -> [NumberCounter]
    /// The store's audit-chain verification (the one `audit verify` runs): nil when intact, else where it breaks.
    func verifyAuditChain() throws -> String?
    /// `verifyAuditChain` against the head anchored when this is called: call it before the audit's snapshot starts,
    /// so a writer that commits and anchors a newer head during the run is not taken for a truncated log (s31-conc;
    /// used by `audit check` and the audit screen alike).
    func auditChainCheck() -> () throws -> String?
    /// Compares every maintained open amount and customer balance with one recomputed from documents and
    /// allocations (issue 10); empty when all agree, else the differences by subject and field.
    func recomputeMaintainedBalances() throws -> [MaintainedBalanceDifference]
    /// The last `limit` entries of the log (bulk entries expanded into their commands, as `auditLog` gives them),
    /// oldest first, read from the end of the log (issue 10): no read of the whole log.
    func auditLogTail(limit: Int) throws -> [AuditLogEntry]
}

extension AuditQueries {
    /// Audit entries matching `filter`, by sequence number, in an array (for filters that match few entries).
    public func auditLog(filter: AuditLogFilter) throws -> [AuditLogEntry] {
        var entries: [AuditLogEntry] = []
        try forEachAuditLogEntry(filter: filter) { entries.append($0) }
        return entries
    }

    public func auditLogTail(limit: Int) throws -> [AuditLogEntry] { Array(try auditLog(filter: .all).suffix(limit)) }
}

/// One stored audit-log entry. `changes` is the JSON array of `AuditChange` the command recorded.
public struct AuditLogEntry: Hashable, Sendable, Codable {
    public var seq: Int64
    /// `YYYY-MM-DDTHH:MM:SSZ`.
    public var timestampUTC: String
    public var actor: String
    public var command: String
    public var payload: String
    public var changes: String
    public var outcome: String
    public var hash: String

    public init(
        seq: Int64, timestampUTC: String, actor: String, command: String, payload: String, changes: String,
        outcome: String, hash: String
    ) {
        self.seq = seq
        self.timestampUTC = timestampUTC
        self.actor = actor
        self.command = command
        self.payload = payload
        self.changes = changes
        self.outcome = outcome
        self.hash = hash
    }

    /// The UTC civil date of the entry (the day it was posted).
    public var date: CivilDate? { CivilDate(iso: String(timestampUTC.prefix(10))) }
}

/// Filter of `auditLog(filter:)`: dates are UTC days of the entry's timestamp, inclusive; `command` matches a
/// command name or its prefix (`invoice` matches `invoice.post`, `invoice.void`, …).
public struct AuditLogFilter: Hashable, Sendable {
    public var from: CivilDate?
    public var to: CivilDate?
    public var actor: String?
    public var command: String?
    /// Only the entries that may touch a record (issue 10, `audit log --document`): those whose text holds `id` as
    /// a whole number or `number` in quotes — a superset that `AuditLogView.row(_:document:)` narrows; the reader
    /// skips the other commands of a bulk entry without splitting them. nil: every entry.
    public var mentions: Mention?
    public struct Mention: Hashable, Sendable {
        public var id: Int64
        public var number: String
        public init(id: Int64, number: String) {
            self.id = id
            self.number = number
        }
    }
    public init(from: CivilDate? = nil, to: CivilDate? = nil, actor: String? = nil, command: String? = nil,
                mentions: Mention? = nil) {
        self.from = from
        self.to = to
        self.actor = actor
        self.command = command
        self.mentions = mentions
    }
    public static let all = AuditLogFilter()
}

/// A document as the audit sees it: header figures and the sums of its lines (minor units of `currency`).
public struct AuditDocument: Hashable, Sendable, Codable {
    public var id: Int64
    public var kind: DocumentKind
    public var status: DocumentStatus
    public var series: String
    public var numberYear: Int
    /// 0 for drafts.
    public var number: Int
    /// Display number; empty for drafts.
    public var displayNumber: String
    public var date: CivilDate
    public var customerID: Int64
    public var customerCode: String
    public var currency: Currency
    public var subtotal: Int64
    public var taxTotal: Int64
    public var total: Int64
    public var lineCount: Int
    public var lineNetSum: Int64
    public var lineTaxSum: Int64
    public var appliesToID: Int64?
    public var isDisputed: Bool
    public var externalReference: String
    public var note: String
    public var voidReason: String

    public init(
        id: Int64, kind: DocumentKind, status: DocumentStatus, series: String, numberYear: Int, number: Int,
        displayNumber: String, date: CivilDate, customerID: Int64, customerCode: String, currency: Currency,
        subtotal: Int64, taxTotal: Int64, total: Int64, lineCount: Int, lineNetSum: Int64, lineTaxSum: Int64,
        appliesToID: Int64? = nil, isDisputed: Bool = false, externalReference: String = "", note: String = "",
        voidReason: String = ""
    ) {
        self.id = id
        self.kind = kind
        self.status = status
        self.series = series
        self.numberYear = numberYear
        self.number = number
        self.displayNumber = displayNumber
        self.date = date
        self.customerID = customerID
        self.customerCode = customerCode
        self.currency = currency
        self.subtotal = subtotal
        self.taxTotal = taxTotal
        self.total = total
        self.lineCount = lineCount
        self.lineNetSum = lineNetSum
        self.lineTaxSum = lineTaxSum
        self.appliesToID = appliesToID
        self.isDisputed = isDisputed
        self.externalReference = externalReference
        self.note = note
        self.voidReason = voidReason
    }
}

/// A number-series counter: the last number handed out in `series` and `year`.
public struct NumberCounter: Hashable, Sendable, Codable {
    public var series: String
    public var year: Int
    public var last: Int
    public init(series: String, year: Int, last: Int) {
        self.series = series
        self.year = year
        self.last = last
    }
}
