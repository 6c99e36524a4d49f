import Foundation
import LedgerCore

/// One audit-log entry as people read it: who did what, when, to which records, with the fields that changed.
public struct AuditLogRow: Hashable, Sendable {
    public var seq: Int64
    public var timestampUTC: String
    public var actor: String
    public var command: String
    /// `invoice#12`, `allocation#40`, … (`+` in front when the record was created).
    public var records: [String]
    /// `status: posted → void`, one per changed field; empty when records were only created.
    public var changes: [String]
    /// The document number the command's outcome names (`RCT-2026-000012`), or empty.
    public var document: String
}

/// Reading the audit log: rows with before/after differences, filtered to one document when asked.
public enum AuditLogView {
    /// Rows of `entries`; with `document` only the entries that touched it (see `row(_:document:)`).
    public static func rows(_ entries: [AuditLogEntry], document: (id: Int64, number: String, isReceipt: Bool)? = nil)
        -> [AuditLogRow]
    {
        entries.compactMap { row($0, document: document) }
    }

    /// The row of `entry`; with `document` (its id and number) nil unless the entry touched it: records of the
    /// document, allocations to it, or a payload naming its number.
    public static func row(_ entry: AuditLogEntry, document: (id: Int64, number: String, isReceipt: Bool)? = nil)
        -> AuditLogRow?
    {
        let changes = AuditFormat.changes(of: entry)
        if let document {
            let entity = document.isReceipt ? "receipt" : "invoice"
            let touches = changes.contains { change in
                if change.entity == entity && change.id == document.id { return true }
                guard change.entity == "allocation", let after = object(change.after) else { return false }
                if document.isReceipt {
                    return after["source"] as? String == "receipt"
                        && (after["sourceID"] as? NSNumber)?.int64Value == document.id
                }
                return (after["invoiceID"] as? NSNumber)?.int64Value == document.id
            }
            guard touches || entry.payload.contains("\"\(document.number)\"") else { return nil }
        }
        return AuditLogRow(
            seq: entry.seq, timestampUTC: entry.timestampUTC, actor: entry.actor, command: entry.command,
            records: changes.map { ($0.before == nil ? "+" : "") + "\($0.entity)#\($0.id)" },
            changes: changes.flatMap { diff(before: $0.before, after: $0.after) },
            document: documentNumber(in: entry.outcome))
    }

    /// The first document number (`INV-2025-000012`: 2–4 capitals, a dash, 4 digits, a dash, 4 or more digits)
    /// in an entry's outcome text, else "". A plain scan: `audit log` reads every entry of the log.
    static func documentNumber(in text: String) -> String {
        let words = text.split { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")) }
        let number = words.first { word in
            let parts = word.split(separator: "-", omittingEmptySubsequences: false)
            return parts.count == 3 && (2...4).contains(parts[0].count) && parts[0].allSatisfy(\.isUppercase)
                && parts[1].count == 4 && parts[2].count >= 4 && (parts[1] + parts[2]).allSatisfy(\.isNumber)
        }
        return number.map(String.init) ?? ""
    }

    /// `field: before → after` for each top-level field whose value differs (both sides present).
    public static func diff(before: String?, after: String?) -> [String] {
        guard let old = object(before), let new = object(after) else { return [] }
        return Set(old.keys).union(new.keys).sorted().compactMap { key in
            let a = text(old[key])
            let b = text(new[key])
            return a == b ? nil : "\(key): \(a) → \(b)"
        }
    }

    static func object(_ json: String?) -> [String: Any]? {
        guard let json else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    }

    static func text(_ value: Any?) -> String {
        guard let value, !(value is NSNull) else { return "∅" }
        if let s = value as? String { return s }
        if let n = value as? NSNumber { return n.stringValue }
        guard JSONSerialization.isValidJSONObject(value),
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
        else { return "\(value)" }
        let s = String(decoding: data, as: UTF8.self)
        return s.count > 60 ? String(s.prefix(57)) + "..." : s
    }
}
