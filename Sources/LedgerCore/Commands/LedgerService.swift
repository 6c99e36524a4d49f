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
    /// entries are written one per chunk of `BulkAuditBuffer.chunkSize` commands (issue 10).
    public func runBatch<T>(_ body: (BatchRunner) throws -> T) throws(LedgerError) -> T {
        do {
            return try store.write { tx in
                let runner = BatchRunner(service: self, tx: tx, audit: BulkAuditBuffer())
                let result = try body(runner)
                try runner.audit.flush(tx)
                return result
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
        @discardableResult
        public func run<C: LedgerCommand>(_ command: C) throws -> C.Outcome {
            try service.execute(command, in: tx, audit: audit)
        }

        /// Reads a document inside the batch (read-only).
        public func invoice(number: String) throws -> Invoice? { try tx.invoice(number: number) }
        /// Open amount now of a posted invoice (maintained, `open_item`), minor units (read-only).
        public func openAmount(invoiceID: Int64) throws -> Int64 { try tx.openAmount(invoiceID: invoiceID) }
        /// Net amount allocated to an invoice so far, minor units (read-only).
        public func allocated(invoiceID: Int64) throws -> Int64 { try tx.allocatedToInvoice(id: invoiceID) }
        /// The code of the first customer named exactly `name`, if any (read-only).
        public func customerCode(named name: String) throws -> String? { try tx.customer(named: name)?.code }
        /// Whether a document with this external reference exists (read-only).
        public func documentExists(externalReference: String) throws -> Bool {
            try tx.documentExists(externalReference: externalReference)
        }
        /// Reads a salesperson inside the batch (read-only).
        public func salesperson(code: String) throws -> Salesperson? { try tx.salesperson(code: code) }
        /// Reads a customer inside the batch (read-only).
        public func customer(code: String) throws -> Customer? { try tx.customer(code: code) }
    }

    /// Runs `command` in `tx` and writes its audit entry — or hands it to `audit`, a bulk load's chunk buffer.
    func execute<C: LedgerCommand>(_ command: C, in tx: any LedgerTransaction,
                                   audit: BulkAuditBuffer? = nil) throws -> C.Outcome {
        guard C.allowedRoles.contains(role) else {
            throw LedgerError.permissionDenied(
                "\(C.name) needs the \(Self.roleList(C.allowedRoles)) role (you are \(role.rawValue))")
        }
        let context = CommandContext(actor: actor, role: role, today: clock.today(), rounding: rounding,
                                     creditOverdueDays: creditOverdueDays)
        let outcome = try command.execute(in: tx, context: context)
        let draft = AuditDraft(
            actor: actor, timestampUTC: utcTimestamp(wallClock()), command: C.name,
            payload: AuditJSON.payload(command), changes: context.changes,
            outcome: AuditJSON.outcome(outcome), businessDate: context.today.description)
        if let audit { try audit.add(draft, tx: tx) } else { try tx.appendAudit(draft) }
        return outcome
    }

    static func ledgerError(_ error: any Error) -> LedgerError {
        if let ledger = error as? LedgerError { return ledger }
        return .storage(String(describing: error))
    }
}

/// Thrown to roll back a dry run.
struct DryRunRollback: Error {}
