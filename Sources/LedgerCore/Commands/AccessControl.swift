/// Who may do what: the command × role matrix, checked by `LedgerService` BEFORE a command touches anything
/// (and again inside the few commands whose rule depends on data, e.g. a credit note's amount).
/// The whole matrix is written out in docs/security.md; `AccessTests` and the e2e `t_cli_roles.sh` test it row
/// by row.
public enum AccessRoles {
    /// Clerk, manager and admin: entering sales, receipts, customers.
    public static let writers: Set<UserRole> = [.clerk, .manager, .admin]
    /// Manager and admin: voids, write-offs, rates, reminder rules, large credit notes.
    public static let managers: Set<UserRole> = [.manager, .admin]
    /// Admin only: users, restore.
    public static let admins: Set<UserRole> = [.admin]
    /// Everyone with a role: reading, reports, `audit verify`, changing one's own password.
    public static let everyone: Set<UserRole> = Set(UserRole.allCases)
}

/// Actions that are not ledger commands (they write files or reveal data) but are checked and audited the same
/// way through `LedgerService.authorize(_:detail:)`.
public enum LedgerOperation: String, Sendable, CaseIterable, Codable {
    /// `backup`, `backup --daily`, the TUI's daily backup: writes the whole book to a file.
    case backup = "ledger.backup"
    /// `restore`: replaces the ledger (checked against the ledger being replaced).
    case restore = "ledger.restore"
    /// `export journal`: the whole book as a file for an accountant.
    case export = "ledger.export"
    /// `user list`: who the users and admins are.
    case userList = "user.list"
    /// `user passwd NAME` for another user (an admin reset).
    case resetPassword = "user.passwd.other"
    /// `user passwd` for oneself.
    case changeOwnPassword = "user.passwd.own"
    /// `init --fix-permissions`: changes file modes of the ledger's files.
    case fixPermissions = "ledger.fix_permissions"
    /// `train report`: every user's training results (培训评估).
    case trainingReport = "training.report"

    public var allowedRoles: Set<UserRole> {
        switch self {
        case .backup: return AccessRoles.writers
        case .trainingReport: return AccessRoles.managers
        case .restore, .resetPassword, .fixPermissions: return AccessRoles.admins
        case .export: return [.manager, .auditor, .admin]
        case .userList: return [.auditor, .admin]
        case .changeOwnPassword: return AccessRoles.everyone
        }
    }
}

extension LedgerCommand {
    /// Default: any role that writes (clerk, manager, admin). Commands override it with a static `allowedRoles`.
    public static var allowedRoles: Set<UserRole> { AccessRoles.writers }
}

/// Setting keys of access policy (kept in the ledger's `setting` table, changed by `SetAccessPolicy`).
public enum AccessPolicy {
    /// Credit notes whose total (minor units) is above this need a manager; default 0 (every credit note).
    public static let creditNoteClerkLimitKey = "policy.credit_note_clerk_limit"

    /// The clerk limit for credit notes stored in the ledger (0 when unset or unreadable).
    public static func creditNoteClerkLimit(_ tx: any LedgerTransaction) throws -> Int64 {
        Int64(try tx.classificationSetting(creditNoteClerkLimitKey) ?? "0") ?? 0
    }
}

/// Sets the amount (minor units) up to which a clerk may issue a credit note (admin only). Outcome: the limit.
public struct SetAccessPolicy: LedgerCommand {
    public static let name = "policy.set"
    public static var allowedRoles: Set<UserRole> { AccessRoles.admins }
    public var creditNoteClerkLimit: Int64
    public init(creditNoteClerkLimit: Int64) { self.creditNoteClerkLimit = creditNoteClerkLimit }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Int64 {
        var issues = IssueCollector()
        issues.check(creditNoteClerkLimit >= 0, "credit-note-clerk-limit", "must be 0 or more (minor units)")
        try issues.throwIfAny()
        let before = try AccessPolicy.creditNoteClerkLimit(tx)
        try tx.setClassificationSetting(AccessPolicy.creditNoteClerkLimitKey, value: String(creditNoteClerkLimit))
        context.recordChange(entity: "setting", id: 0, before: before, after: creditNoteClerkLimit)
        return creditNoteClerkLimit
    }
}

extension LedgerService {
    /// Checks that the actor's role may run `operation`; a refusal is audited (even for roles that cannot write)
    /// and thrown as `permissionDenied`. Call it before the operation has any effect.
    public func authorize(_ operation: LedgerOperation, detail: String = "") throws(LedgerError) {
        guard operation.allowedRoles.contains(role) else {
            let error = LedgerError.permissionDenied(
                "\(operation.rawValue) needs the \(Self.roleList(operation.allowedRoles)) role (you are "
                + "\(role.rawValue))")
            auditRefusal(command: operation.rawValue, payload: AuditJSON.encode(["detail": detail]) ?? "{}",
                         error: error)
            throw error
        }
    }

    /// Throws (and audits) `permissionDenied` unless the role may run commands of type `C`.
    func authorize<C: LedgerCommand>(_ command: C) throws(LedgerError) {
        guard C.allowedRoles.contains(role) else {
            let error = LedgerError.permissionDenied(
                "\(C.name) needs the \(Self.roleList(C.allowedRoles)) role (you are \(role.rawValue))")
            auditRefusal(command: C.name, payload: AuditJSON.encode(command) ?? "{}", error: error)
            throw error
        }
    }

    /// Checks, before a screen asks for a command's details (a void's reason), that the role may run commands of
    /// type `C`: throws (and audits) the `permissionDenied` running it would, so nothing typed is lost to a
    /// refusal (s34-fix3, tryout defect 4).
    public func authorize<C: LedgerCommand>(before type: C.Type) throws(LedgerError) {
        guard C.allowedRoles.contains(role) else {
            let error = LedgerError.permissionDenied(
                "\(C.name) needs the \(Self.roleList(C.allowedRoles)) role (you are \(role.rawValue))")
            auditRefusal(command: C.name, payload: AuditJSON.encode(["detail": "asked before its details"]) ?? "{}",
                         error: error)
            throw error
        }
    }

    /// Appends an `access.refused` entry in its own transaction, whatever the role. A store that cannot be
    /// written (read-only file) loses the entry; the refusal itself still stands.
    public func auditRefusal(command: String, payload: String, error: LedgerError, roleText: String? = nil) {
        let entry = AuditDraft(actor: actor, timestampUTC: utcTimestamp(wallClock()), command: "access.refused",
                               payload: AuditJSON.encode(RefusedCommand(command: command,
                                                                        role: roleText ?? role.rawValue,
                                                                        payload: payload)) ?? "{}",
                               changes: [], outcome: error.description, businessDate: clock.today().description)
        _ = try? store.write { tx in try tx.appendAudit(entry) }
    }

    static func roleList(_ roles: Set<UserRole>) -> String {
        UserRole.allCases.filter(roles.contains).map(\.rawValue).joined(separator: " or ")
    }
}

/// The payload of an `access.refused` audit entry.
struct RefusedCommand: Encodable {
    var command: String
    var role: String
    var payload: String
}
