import Foundation
import LedgerCore

/// Readings of an audit entry's JSON through Foundation's decoders (the slow, complete path behind
/// `AuditJSONScan`), the bulk-load reasons and the amount format of findings.
public enum AuditFormat {
    /// Credit-override reasons the shipped loaders and the importer use; an `invoice.post` with one of them starts
    /// a bulk load (see DECISIONS.md, periodic audit).
    static let loadReasons: Set<String> = ["historical import", "sample data", "import"]

    /// The changes an entry recorded; empty when they cannot be decoded.
    static func changes(of entry: AuditLogEntry) -> [AuditChange] {
        (try? JSONDecoder().decode([AuditChange].self, from: Data(entry.changes.utf8))) ?? []
    }

    /// A top-level field of an entry's JSON payload; nil when absent or the payload is not a JSON object.
    static func payloadField(_ entry: AuditLogEntry, _ name: String) -> Any? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(entry.payload.utf8)) as? [String: Any] else {
            return nil
        }
        return object[name]
    }

    /// `text` with every plain decimal amount grouped (`12345.60` → `12,345.60`) for people to read: the CLI's
    /// report and the screen; CSV and JSON keep the plain figures. Numbers inside a word (INV-2026-0001, 3.1.2) are
    /// left as they are.
    public static func grouped(_ text: String) -> String {
        var out = "", run = "", before: Character = " "
        func inWord(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber || "_/".contains($0) } ?? false }
        func flush(_ next: Character?) {
            let stop = run.hasSuffix(".") ? "." : ""   // a sentence's full stop
            let parts = run.dropLast(stop.count).split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 2, parts[0].count > 3, !parts[1].isEmpty, !inWord(before), !inWord(next),
               before != "-" || !inWord(out.dropLast().last), let whole = Int64(parts[0]) {
                out += Money.format(whole, digits: 0, grouping: true) + "." + parts[1] + stop
            } else {
                out += run
            }
            run = ""
        }
        for c in text {
            if c.isASCII && (c.isNumber || (c == "." && !run.isEmpty)) { run.append(c); continue }
            if !run.isEmpty { flush(c) }
            out.append(c)
            before = c
        }
        if !run.isEmpty { flush(nil) }
        return out
    }

    /// `1234.50 CNY`: minor units of `currency`, plain (no grouping), with the code.
    static func amount(_ minor: Int64, _ currency: Currency) -> String {
        "\(Money.format(minor, digits: currency.minorDigits, grouping: false)) \(currency.code)"
    }
}
