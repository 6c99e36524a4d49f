import Foundation
@testable import LedgerAudit
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// s17-pay (issue 10): `audit log --document` reads only the commands of a bulk entry whose text names the
/// document's id or number (`AuditLogFilter.mentions`); the rows are exactly those of the decoded rule (a record
/// of the document, an allocation to or from it, or a payload naming its number), for every invoice, credit note
/// and receipt of a seeded ledger and every tenth of a generated one.
@Suite struct AuditLogDocumentFilterTests {
    /// The decoded rule of `AuditLogView.row(_:document:)`, written out.
    static func touches(_ entry: AuditLogEntry, _ document: (id: Int64, number: String, isReceipt: Bool)) -> Bool {
        let changes = (try? JSONDecoder().decode([AuditChange].self, from: Data(entry.changes.utf8))) ?? []
        let entity = document.isReceipt ? "receipt" : "invoice"
        return entry.payload.contains("\"\(document.number)\"") || changes.contains { change in
            if change.entity == entity && change.id == document.id { return true }
            guard change.entity == "allocation", let text = change.after,
                  let after = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                return false
            }
            let key = document.isReceipt ? "sourceID" : "invoiceID"
            let source = document.isReceipt ? after["source"] as? String == "receipt" : true
            return source && (after[key] as? NSNumber)?.int64Value == document.id
        }
    }

    /// Seeded (one entry per command) and generated (bulk entries of many commands, read through the store's
    /// scan of `AuditLogFilter.mentions`) ledgers.
    @Test(arguments: [false, true]) func sameRowsAsTheDecodedRuleForEveryDocument(generated: Bool) throws {
        let l = try generated ? AuditTestLedger() : AuditCheckTests.seededLedger()
        if generated {
            let generator = SampleGenerator(language: .zh, customers: 30, invoices: 400, seed: 3,
                                            today: day("2026-11-27"), cities: [])
            _ = try l.service("2026-11-27", actor: "loader").runBatch { try generator.load(into: $0) }
        }
        let log = try l.store.auditLog(filter: .all)
        var targets: [(Int64, String, Bool)] = []
        for number in Set(AuditLogView.rows(log).map(\.document)) where !number.isEmpty {
            if let document = try l.store.invoiceDocument(number: number) {
                targets.append((document.id, number, false))
            } else if let receipt = try l.store.receipt(number: number) {
                targets.append((receipt.id, number, true))
            }
        }
        #expect(targets.count > 20)
        #expect(targets.contains { $0.2 })
        var matched = 0, checked = 0
        // Every tenth document of the generated ledger (each one reads the whole log twice), and those with the
        // smallest ids (s18: the scan checks the key naming the id; id 1 as a bare number is in most lines).
        for (index, target) in targets.sorted(by: { $0.1 < $1.1 }).enumerated()
        where !generated || index % 10 == 0 || target.0 <= 2 {
            let expected = log.filter { Self.touches($0, target) }.compactMap { AuditLogView.row($0) }
            #expect(AuditLogView.rows(log, document: target) == expected, "\(target.1)")
            var scanned: [AuditLogRow] = []
            try l.store.forEachAuditLogEntry(filter: AuditLogFilter(mentions: .init(id: target.0, number: target.1))) {
                if let row = AuditLogView.row($0, document: target) { scanned.append(row) }
            }
            #expect(scanned == expected, "\(target.1)")
            matched += expected.count
            checked += 1
        }
        #expect(checked > 20 && matched > checked)
    }
}
