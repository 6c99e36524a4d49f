import Foundation
import LedgerCore

/// Readings of an audit entry's JSON through Foundation's decoders (the slow, complete path behind
/// `AuditJSONScan`), the bulk-load reasons and the amount format of findings.
enum AuditFormat {
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

    /// `1234.50 CNY`: minor units of `currency`, plain (no grouping), with the code.
    static func amount(_ minor: Int64, _ currency: Currency) -> String {
        "\(Money.format(minor, digits: currency.minorDigits, grouping: false)) \(currency.code)"
    }
}
