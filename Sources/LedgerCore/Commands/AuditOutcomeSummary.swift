/// A short text for an audit entry's outcome (issue 10). The record itself is sealed by the entry and can be
/// rebuilt by replaying the payload, so the entry keeps only what a reader of the log wants to see — never a dump
/// of the whole value (`String(describing:)` of an invoice is about 1 KB and slow to build).
public protocol AuditOutcomeSummary {
    /// One line, e.g. `INV-2026-000001 522.06 CNY`.
    var auditSummary: String { get }
}

extension Invoice: AuditOutcomeSummary {
    public var auditSummary: String { number > 0 ? "\(displayNumber) \(total)" : "draft \(id) \(total)" }
}

extension Customer: AuditOutcomeSummary {
    public var auditSummary: String { "customer \(code)" }
}

extension Product: AuditOutcomeSummary {
    public var auditSummary: String { "product \(sku)" }
}

extension Salesperson: AuditOutcomeSummary {
    public var auditSummary: String { "salesperson \(code)" }
}

extension AuditJSON {
    /// The payload of a command as written in an audit entry: compact canonical JSON (`CompactJSONEncoder`).
    /// A command that is also `Decodable` (its entries are read back into the command) keeps every member.
    /// The bulk commands write theirs by hand (`CompactAuditPayload`, same bytes).
    public static func payload<C: Encodable>(_ command: C) -> String {
        let keepDefaults = command is any Decodable
        if !keepDefaults, let fast = command as? any CompactAuditPayload { return fast.compactPayload() }
        return CompactJSONEncoder(keepDefaults: keepDefaults).encode(command) ?? "{}"
    }

    /// The outcome text of an audit entry: `auditSummary` when the value has one, else its description.
    public static func outcome<T>(_ value: T) -> String {
        (value as? any AuditOutcomeSummary)?.auditSummary ?? String(describing: value)
    }
}
