/// A typed change to the ledger. Every write in SalesLedger is one of these, run by `LedgerService`.
public protocol LedgerCommand: Encodable, Sendable {
    associatedtype Outcome: Sendable
    /// Stable name written to the audit log, e.g. `invoice.post`.
    static var name: String { get }
    /// Roles that may run the command (default: clerk, manager, admin); checked before it runs.
    static var allowedRoles: Set<UserRole> { get }
    /// Validates (throwing `LedgerError.validation` with every field issue), then writes through `tx`.
    /// Runs inside one transaction: any throw rolls everything back.
    func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Outcome
    /// Whether a run that changed no record still writes its audit entry (default true). False for the re-import of
    /// master data that is already as the file says (`ImportClasses`, `MergeCustomerTaxDetails`): an entry naming
    /// no record says nothing (s33-fix: every re-run of `class import` wrote one).
    static var auditsRunWithoutChanges: Bool { get }
}

extension LedgerCommand {
    public static var auditsRunWithoutChanges: Bool { true }
}

/// The one write path: validate → one transaction → write → append an audit entry → commit.
public final class LedgerService {
    public let store: any LedgerStore
    /// "Today"; replaced when a sample pins the ledger's date (see `PinLedgerClock`).
    public var clock: any LedgerClock
    public var actor: String
    public var role: UserRole
    public var rounding: RoundingRule
    public var creditOverdueDays: Int
    /// The real clock for audit timestamps (seconds since 1970 UTC); `--today` (a `FixedClock` without a time)
    /// only moves the business date. A clock given an explicit time (tests) also sets the audit time.
    public var wallClock: @Sendable () -> Int64 = { SystemClock().nowUTCSeconds() }

    public init(store: any LedgerStore, clock: any LedgerClock, actor: String, role: UserRole = .admin,
                rounding: RoundingRule = .halfUp, creditOverdueDays: Int = 60) {
        self.store = store
        self.clock = clock
        self.actor = actor
        self.role = role
        self.rounding = rounding
        self.creditOverdueDays = creditOverdueDays
        if let fixed = clock as? FixedClock, let seconds = fixed.seconds { wallClock = { seconds } }
    }

    /// Runs one command in its own transaction.
    /// - Throws: `LedgerError` (validation, credit hold, permission, not found, refused, storage).
    @discardableResult
    public func run<C: LedgerCommand>(_ command: C) throws(LedgerError) -> C.Outcome {
        try authorize(command)
        do {
            return try store.write { tx in try self.execute(command, in: tx) }
        } catch {
            throw refusalAudited(LedgerService.ledgerError(error), command: C.name,
                                 payload: AuditJSON.encode(command) ?? "{}")
        }
    }

    /// A permission refusal raised inside a command (rolled back with everything else) is audited on its own.
    func refusalAudited(_ error: LedgerError, command: String, payload: String) -> LedgerError {
        if case .permissionDenied = error { auditRefusal(command: command, payload: payload, error: error) }
        return error
    }

    /// Runs many commands in one transaction (sample loads, imports): all commit or none does. Their audit
    /// entries are written one per chunk of `BulkAuditBuffer.chunkSize` commands (issue 10). `bulk`: a load that
    /// only inserts documents, receipts and allocations (`import sales`) lets the store bring its derived tables up
    /// to date once, set-based, before the commit (`beginBulkChunk`); a change of an older document is then refused.
    /// `invoicesOnly`: the batch posts invoices and nothing else (no credit notes, receipts or allocations), so it
    /// never reads open items by customer, and a large one defers that index too.
    public func runBatch<T>(bulk: Bool = false, rows: Int = 0, invoicesOnly: Bool = false,
                            _ body: (BatchRunner) throws -> T) throws(LedgerError) -> T {
        do {
            return try store.write { tx in
                // A large bulk batch of about `rows` documents builds the indexes it does not read at its end.
                let deferred = bulk && rows > 0 ? try tx.deferLoadIndexes(rows: rows, invoicesOnly: invoicesOnly)
                    : false
                if bulk { try tx.beginBulkChunk() }
                let runner = BatchRunner(service: self, tx: tx, audit: BulkAuditBuffer(), chunks: nil)
                let result = try body(runner)
                if bulk { try tx.endBulkChunk() }
                if deferred { try tx.rebuildLoadIndexes() }
                try runner.audit.flush(tx)
                return result
            }
        } catch {
            throw refusalAudited(LedgerService.ledgerError(error), command: "batch", payload: "{}")
        }
    }

    /// Runs a long bulk load (`sample generate`) in chunks of about `commandsPerCommit` commands, each committed
    /// with its audit entries (issue 10): the write-ahead log and page cache stay small, other writers get the lock
    /// between chunks, and a load killed in the middle leaves whole chunks, which the load resumes from its
    /// `BulkLoadMarker`. The load chooses where a chunk may end (`BatchRunner.commitIfDue`).
    public func runChunked<T>(commandsPerCommit: Int = 20_000,
                              _ body: (BatchRunner) throws -> T) throws(LedgerError) -> T {
        do {
            return try store.writeInChunks { tx, commit in
                try withoutActuallyEscaping(commit) { commit in
                    let audit = BulkAuditBuffer()
                    // Each chunk's derived tables are brought up to date set-based before it commits (issue 10).
                    let chunks = ChunkCommitter(commandsPerCommit: commandsPerCommit) {
                        try tx.endBulkChunk()
                        try audit.flush(tx)
                        try commit()
                        try tx.beginBulkChunk()
                    }
                    try tx.beginBulkChunk()
                    let runner = BatchRunner(service: self, tx: tx, audit: audit, chunks: chunks)
                    let result = try body(runner)
                    try tx.endBulkChunk()
                    try audit.flush(tx)
                    return result
                }
            }
        } catch {
            throw refusalAudited(LedgerService.ledgerError(error), command: "batch", payload: "{}")
        }
    }

    /// Dry run: executes `command` in a transaction that is always rolled back and returns its field issues
    /// (empty when it would pass validation). Lets a form or CLI list parse errors and rule errors together.
    public func validationIssues<C: LedgerCommand>(of command: C) -> [FieldIssue] {
        do {
            _ = try store.write { tx -> Int in
                _ = try self.execute(command, in: tx)
                throw DryRunRollback()
            }
        } catch let error as LedgerError {
            return error.fieldIssues
        } catch {}
        return []
    }

    /// Runs commands inside an open batch transaction.
    public struct BatchRunner {
        let service: LedgerService
        let tx: any LedgerTransaction
        let audit: BulkAuditBuffer
        /// Set in a chunked load (`runChunked`), nil in a one-transaction batch.
        var chunks: ChunkCommitter?
        @discardableResult
        public func run<C: LedgerCommand>(_ command: C) throws -> C.Outcome {
            chunks?.countCommands()
            return try service.execute(command, in: tx, audit: audit)
        }

        /// In a chunked load: when the chunk is full, runs `beforeCommit` (which saves the load's marker) and
        /// commits everything written so far; returns whether it committed. In a one-transaction batch: false.
        @discardableResult
        public func commitIfDue(_ beforeCommit: () throws -> Void) throws -> Bool {
            try chunks?.commitIfDue(beforeCommit) ?? false
        }
        /// In a chunked load: how many more commands fill the chunk (0 when full), so a load that writes commands
        /// a chunk at a time (`postInvoices`) can end one where a commit is due. Nil in a one-transaction batch.
        public var commandsUntilCommit: Int? { chunks?.commandsUntilDue }
        /// The marker of the interrupted bulk load `name` (read-only).
        public func bulkLoadMarker(name: String) throws -> BulkLoadMarker? { try tx.bulkLoadMarker(name: name) }
        /// Saves a load's marker: bookkeeping written with the chunk it describes, not a command (not audited).
        public func save(_ marker: BulkLoadMarker) throws { try tx.save(marker) }
        /// Deletes the marker in the load's last transaction.
        public func deleteBulkLoadMarker(name: String) throws { try tx.deleteBulkLoadMarker(name: name) }
        /// In a chunked load: drops the indexes it does not read until its end (`InteropTransaction`).
        public func deferLoadIndexes() throws { if chunks != nil { try tx.deferLoadIndexes() } }
        /// The highest document id so far (read-only).
        public func maxDocumentID() throws -> Int64 { try tx.maxDocumentID() }
        /// An invoice a resumed load wrote before (read-only): see `InteropTransaction.loadedInvoice`.
        public func loadedInvoice(after afterID: Int64, customerID: Int64, date: CivilDate) throws -> LoadedInvoice? {
            try tx.loadedInvoice(after: afterID, customerID: customerID, date: date)
        }
        /// Refreshes the query planner's statistics at the end of a bulk load.
        public func refreshPlannerStatistics() throws { try tx.refreshPlannerStatistics() }

        /// Reads a document inside the batch (read-only).
        public func invoice(number: String) throws -> Invoice? { try tx.invoice(number: number) }
        /// The code of the first customer named exactly `name`, if any (read-only).
        public func customerCode(named name: String) throws -> String? { try tx.customer(named: name)?.code }
        /// For each of `names` some customer has, how many have it and the first two codes by code (read-only, one
        /// statement; the first code is what `customerCode(named:)` gives).
        public func customerCodes(named names: [String]) throws -> [String: CustomerNameMatches] {
            try tx.customerCodes(named: names)
        }
        /// Which of `codes` a customer has (read-only, one statement).
        public func customersExisting(codes: [String]) throws -> Set<String> {
            try tx.customersExisting(codes: codes)
        }
        /// The first customer code matching the GLOB `pattern` (read-only): the ledger's codes of a shape.
        public func firstCustomerCode(glob pattern: String) throws -> String? {
            try tx.firstCustomerCode(glob: pattern)
        }
        /// Whether a document with this external reference exists (read-only).
        public func documentExists(externalReference: String) throws -> Bool {
            try !tx.documentsExisting(externalReferences: [externalReference]).isEmpty
        }
        /// Which of `externalReferences` a document carries (read-only).
        public func documentsExisting(externalReferences: [String]) throws -> Set<String> {
            try tx.documentsExisting(externalReferences: externalReferences)
        }
        /// Reads a salesperson inside the batch (read-only).
        public func salesperson(code: String) throws -> Salesperson? { try tx.salesperson(code: code) }
        /// The ledger's default tax rate (`LedgerSettings`); 0 % when none is set.
        public func defaultTaxRate() throws -> Rate {
            Rate(basisPoints: Int64(try tx.setting(LedgerSettings.taxKey) ?? "") ?? 0)
        }
        /// Reads a customer inside the batch (read-only).
        public func customer(code: String) throws -> Customer? { try tx.customer(code: code) }
        /// A new customer checked by `CreateCustomer`'s rules and the actor's role, built but not written (id 0):
        /// hand it to `postInvoices(_:creating:)`, which inserts it before that invoice.
        /// `codeIsFree`: the caller has just found that no customer has the command's code (`customersExisting`,
        /// nothing written since), so the check does not read it again.
        /// - Throws: `LedgerError` as `CreateCustomer` does (validation by field, permission).
        public func checkedNewCustomer(_ command: CreateCustomer, codeIsFree: Bool = false) throws -> Customer {
            try service.checkRole(CreateCustomer.self)
            return try command.checked(in: tx, codeIsFree: codeIsFree)
        }
    }

    /// Runs `command` in `tx` and writes its audit entry — or hands it to `audit`, a bulk load's chunk buffer.
    func execute<C: LedgerCommand>(_ command: C, in tx: any LedgerTransaction,
                                   audit: BulkAuditBuffer? = nil) throws -> C.Outcome {
        try checkRole(C.self)
        let context = commandContext()
        let outcome = try command.execute(in: tx, context: context)
        if !C.auditsRunWithoutChanges && context.changes.isEmpty { return outcome }
        let draft = auditDraft(command, context: context, outcome: outcome)
        if let audit { try audit.add(draft, tx: tx) } else { try tx.appendAudit(draft) }
        return outcome
    }

    /// Throws `permissionDenied` unless the service's role may run `C`.
    func checkRole<C: LedgerCommand>(_: C.Type) throws {
        guard C.allowedRoles.contains(role) else {
            throw LedgerError.permissionDenied(
                "\(C.name) needs the \(Self.roleList(C.allowedRoles)) role (you are \(role.rawValue))")
        }
    }

    /// What one command sees while it runs (actor, role, today, rounding, credit days; its changes).
    func commandContext() -> CommandContext {
        CommandContext(actor: actor, role: role, today: clock.today(), rounding: rounding,
                       creditOverdueDays: creditOverdueDays)
    }

    /// The audit entry of `command`, run in `context` with `outcome`.
    func auditDraft<C: LedgerCommand>(_ command: C, context: CommandContext, outcome: C.Outcome) -> AuditDraft {
        AuditDraft(actor: actor, timestampUTC: stamps.timestamp(wallClock()), command: C.name,
                   payload: AuditJSON.payload(command), changes: context.changes,
                   outcome: AuditJSON.outcome(outcome), businessDate: stamps.date(context.today))
    }

    /// As `auditDraft`, with the payload and outcome texts made when the entry is written
    /// (`AuditDraft.makeTexts`; a bulk load's chunks, whose entries are built on a second thread, s33-gen).
    func deferredAuditDraft<C: LedgerCommand>(_ command: C, context: CommandContext,
                                              outcome: C.Outcome) -> AuditDraft {
        var draft = AuditDraft(actor: actor, timestampUTC: stamps.timestamp(wallClock()), command: C.name,
                               payload: "", changes: context.changes, outcome: "",
                               businessDate: stamps.date(context.today))
        draft.makeTexts = { (AuditJSON.payload(command), AuditJSON.outcome(outcome)) }
        return draft
    }

    /// The texts of the last audit time and business date, kept: a bulk load stamps thousands of commands with the
    /// same second and day (issue 10).
    private let stamps = AuditStamps()

    static func ledgerError(_ error: any Error) -> LedgerError {
        if let ledger = error as? LedgerError { return ledger }
        return .storage(String(describing: error))
    }
}

/// The last audit timestamp and business date as text (see `LedgerService.execute`).
final class AuditStamps {
    private var seconds = Int64.min
    private var secondsText = ""
    private var day: CivilDate?
    private var dayText = ""

    /// `utcTimestamp(seconds)`, formatted again only when the second changes.
    func timestamp(_ now: Int64) -> String {
        if now != seconds { (seconds, secondsText) = (now, utcTimestamp(now)) }
        return secondsText
    }

    /// `date.description`, formatted again only when the day changes.
    func date(_ date: CivilDate) -> String {
        if date != day { (day, dayText) = (date, date.description) }
        return dayText
    }
}

/// Thrown to roll back a dry run.
struct DryRunRollback: Error {}
