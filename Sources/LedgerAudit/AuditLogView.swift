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

    /// Records a text table shows in its cell; the rest are counted (`recordsCell`).
    public static let recordsShown = 5

    /// The records as one cell, separated by spaces: every one (CSV, JSON), or with `limit` the first `limit` and
    /// `… and K more` / `… 等另 K 条` (a text table: a class import creates hundreds of records in one entry).
    public func recordsCell(limit: Int? = nil, chinese: Bool = false) -> String {
        guard let limit, records.count > limit else { return records.joined(separator: " ") }
        let more = records.count - limit
        return records.prefix(limit).joined(separator: " ") + (chinese ? " … 等另 \(more) 条" : " … and \(more) more")
    }
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
        // Only created records (most entries, and every one of a bulk load): their names come from the quick
        // reading of the changes (s31-audit), with nothing to compare; the same row as the full decoding gives.
        if document == nil, let quick = AuditJSONScan.quickChanges(entry.changes), quick.allSatisfy(\.isCreation) {
            return AuditLogRow(
                seq: entry.seq, timestampUTC: entry.timestampUTC, actor: entry.actor, command: entry.command,
                records: quick.map { "+\($0.entity)#\($0.id)" }, changes: [],
                document: documentNumber(in: entry.outcome))
        }
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
        asciiDocumentNumber(in: text) ?? characterDocumentNumber(in: text)
    }

    /// `documentNumber(in:)` read Character by Character: any text.
    static func characterDocumentNumber(in text: String) -> String {
        let words = text.split { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")) }
        let number = words.first { word in
            let parts = word.split(separator: "-", omittingEmptySubsequences: false)
            return parts.count == 3 && (2...4).contains(parts[0].count) && parts[0].allSatisfy(\.isUppercase)
                && parts[1].count == 4 && parts[2].count >= 4 && (parts[1] + parts[2]).allSatisfy(\.isNumber)
        }
        return number.map(String.init) ?? ""
    }

    /// `documentNumber(in:)` read from the bytes (s31-audit: it was a fifth of `audit log`'s time), for an all-ASCII
    /// text (each byte a Character, a CR LF pair being neither letter nor digit); nil for any other text.
    static func asciiDocumentNumber(in text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            func isWordByte(_ b: UInt8) -> Bool {
                (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                    || b == 0x2D || b == 0x5F
            }
            var start = 0
            var i = 0
            while i <= bytes.count {
                if i < bytes.count {
                    guard bytes[i] < 0x80 else { return nil }
                    if isWordByte(bytes[i]) {
                        i += 1
                        continue
                    }
                }
                if i > start, isDocumentNumber(UnsafeBufferPointer(rebasing: bytes[start ..< i])) {
                    // The rest must be ASCII too, or the slow reading decides.
                    guard !bytes[i...].contains(where: { $0 >= 0x80 }) else { return nil }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< i]), as: UTF8.self)
                }
                i += 1
                start = i
            }
            return ""
        }
    }

    /// 2–4 capitals, a dash, 4 digits, a dash, 4 or more digits (exactly three dash-separated parts).
    private static func isDocumentNumber(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var parts: [Range<Int>] = []
        var from = 0
        for (j, b) in word.enumerated() where b == 0x2D {
            parts.append(from ..< j)
            from = j + 1
            if parts.count > 2 { return false }
        }
        parts.append(from ..< word.count)
        guard parts.count == 3, (2...4).contains(parts[0].count), parts[1].count == 4, parts[2].count >= 4 else {
            return false
        }
        func all(_ r: Range<Int>, _ ok: (UInt8) -> Bool) -> Bool { r.allSatisfy { ok(word[$0]) } }
        return all(parts[0]) { $0 >= 0x41 && $0 <= 0x5A } && all(parts[1]) { $0 >= 0x30 && $0 <= 0x39 }
            && all(parts[2]) { $0 >= 0x30 && $0 <= 0x39 }
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
