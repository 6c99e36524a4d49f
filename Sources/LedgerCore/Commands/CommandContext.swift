import Foundation

/// What a command sees while it runs inside one transaction: who runs it, today's date, the rounding rule,
/// and a record of changed records for the audit entry.
public final class CommandContext {
    public let actor: String
    public let role: UserRole
    public let today: CivilDate
    public let rounding: RoundingRule
    /// Days overdue beyond which posting for a customer needs a manager's override.
    public let creditOverdueDays: Int
    /// (entity, id, before JSON, after JSON) of each record the command changed.
    public private(set) var changes: [AuditChange] = []

    public init(actor: String, role: UserRole, today: CivilDate, rounding: RoundingRule = .halfUp,
                creditOverdueDays: Int = 60) {
        self.actor = actor
        self.role = role
        self.today = today
        self.rounding = rounding
        self.creditOverdueDays = creditOverdueDays
    }

    /// Records a change for the audit log. A creation (no `before`) is recorded by entity and id only: the new
    /// record is sealed by the same entry (or rebuilt by replaying its payload), so its JSON would be a copy
    /// (issue 10, compact audit log). Edits keep before and after.
    public func recordChange<T: Encodable>(entity: String, id: Int64, before: T?, after: T?) {
        let beforeText: String? = before.map { AuditJSON.encode($0) ?? "" }
        let afterText: String? = before == nil ? nil : after.map { AuditJSON.encode($0) ?? "" }
        changes.append(AuditChange(entity: entity, id: id, before: beforeText, after: afterText))
    }

    /// Throws `permissionDenied` unless the role may manage.
    public func requireManager(_ what: String) throws(LedgerError) {
        guard role.canManage else { throw .permissionDenied("\(what) needs the manager or admin role (you are "
                                                            + "\(role.rawValue))") }
    }
}

/// A record changed by a command.
public struct AuditChange: Hashable, Sendable, Codable {
    public var entity: String
    public var id: Int64
    public var before: String?
    public var after: String?
}

/// An audit entry as the service hands it to the store; the store adds the sequence number and hash chain.
public struct AuditDraft: Sendable {
    public var actor: String
    public var timestampUTC: String
    public var command: String
    public var payload: String
    public var changes: [AuditChange]
    public var outcome: String
    /// The business date (`--today`) the command ran on; the timestamp is always the real clock.
    public var businessDate: String = ""
    /// Makes `payload` and `outcome` when the entry is written (s33-gen): a bulk load's chunk drafts leave both
    /// empty and have them made by the thread that builds their audit entry (`resolved`). Nil: both are set.
    public var makeTexts: (@Sendable () -> (payload: String, outcome: String))?

    public init(actor: String, timestampUTC: String, command: String, payload: String, changes: [AuditChange],
                outcome: String, businessDate: String = "") {
        self.actor = actor
        self.timestampUTC = timestampUTC
        self.command = command
        self.payload = payload
        self.changes = changes
        self.outcome = outcome
        self.businessDate = businessDate
    }

    /// The draft with `payload` and `outcome` made (itself when they are set): what a store writes.
    public func resolved() -> AuditDraft {
        guard let makeTexts else { return self }
        var draft = self
        (draft.payload, draft.outcome) = makeTexts()
        draft.makeTexts = nil
        return draft
    }
}

/// Canonical JSON for audit payloads: sorted keys, no escaping of slashes.
public enum AuditJSON {
    public static func encode<T: Encodable>(_ value: T) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
