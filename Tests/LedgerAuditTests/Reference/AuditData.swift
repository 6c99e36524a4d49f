import Foundation
@testable import LedgerAudit
import LedgerCore

/// Namespace of the reference audit (the checks as they were before s14-audit).
enum AuditReference {}

/// The reference (before s14-audit; kept for the comparison tests): everything the checks read, loaded once:
/// the receivables snapshot, every document with its line sums, the
/// audit log, the number counters. Also knows which audit entry posted which document, and which entries belong
/// to a bulk load (sample data, historical imports), which the posting-date checks leave out.
public struct AuditData: Sendable {
    public var snapshot: ReceivablesSnapshot
    public var documents: [AuditDocument]
    public var log: [AuditLogEntry]
    public var counters: [NumberCounter]
    public var openItems: [OpenItem]
    public var unappliedCredits: [UnappliedCredit]
    public var documentTotals: [DocumentTotals]
    /// Audit entry that created a document (by document id) and a receipt (by receipt id).
    public var documentPosting: [Int64: AuditLogEntry] = [:]
    public var receiptPosting: [Int64: AuditLogEntry] = [:]
    /// Sequence numbers of entries that are part of a bulk load.
    public var loadEntries: Set<Int64> = []
    /// The snapshot cut per customer, so per-customer figures (`customerBalance`) cost O(that customer's records).
    public var customerSnapshots: [Int64: ReceivablesSnapshot] = [:]

    /// Credit-override reasons the shipped loaders and the importer use; an `invoice.post` with one of them starts
    /// a bulk load (see DECISIONS.md, periodic audit).
    public static let loadReasons = AuditFormat.loadReasons

    /// Loads the data as of now, for a check period ending `to` (open items and credits are as of `to`).
    public static func load(from queries: any LedgerQueries & AuditQueries, to: CivilDate) throws -> AuditData {
        var data = AuditData(
            snapshot: try queries.receivablesSnapshot(customerID: nil),
            documents: try queries.auditDocuments(), log: try queries.auditLog(filter: .all),
            counters: try queries.numberCounters(), openItems: try queries.openItems(asOf: to),
            unappliedCredits: try queries.unappliedCredits(asOf: to),
            documentTotals: try queries.documentTotals(from: nil, to: to))
        data.index()
        return data
    }

    mutating func index() {
        var docs: [Int64: [ReceivableDocument]] = [:]
        var receipts: [Int64: [Receipt]] = [:]
        var allocations: [Int64: [Allocation]] = [:]
        var owner: [Int64: Int64] = [:]
        for d in snapshot.documents {
            docs[d.customerID, default: []].append(d)
            owner[d.id] = d.customerID
        }
        for r in snapshot.receipts { receipts[r.customerID, default: []].append(r) }
        for a in snapshot.allocations { if let c = owner[a.invoiceID] { allocations[c, default: []].append(a) } }
        for c in snapshot.customers {
            customerSnapshots[c.id] = ReceivablesSnapshot(
                customers: [c], documents: docs[c.id] ?? [],
                receipts: receipts[c.id] ?? [], allocations: allocations[c.id] ?? [])
        }
        var loadDay: [String: String] = [:]
        for entry in log {
            let changes = AuditData.changes(of: entry)
            for change in changes where change.before == nil {
                if change.entity == "invoice", documentPosting[change.id] == nil { documentPosting[change.id] = entry }
                if change.entity == "receipt", receiptPosting[change.id] == nil { receiptPosting[change.id] = entry }
            }
            let day = String(entry.timestampUTC.prefix(10))
            switch entry.command {
            case "invoice.post":
                let reason = AuditData.payloadField(entry, "creditOverrideReason") as? String
                if let reason, AuditData.loadReasons.contains(reason) {
                    loadDay[entry.actor] = day
                    loadEntries.insert(entry.seq)
                } else {
                    loadDay[entry.actor] = nil
                }
            case "credit_note.issue", "receipt.record", "allocation.create", "allocation.reverse":
                if loadDay[entry.actor] == day { loadEntries.insert(entry.seq) }
            default:
                break
            }
        }
    }

    /// The changes an entry recorded.
    public static func changes(of entry: AuditLogEntry) -> [AuditChange] { AuditFormat.changes(of: entry) }

    /// A top-level field of an entry's JSON payload.
    public static func payloadField(_ entry: AuditLogEntry, _ name: String) -> Any? {
        AuditFormat.payloadField(entry, name)
    }

    /// `ReceivablesSnapshot.customerBalance` of one customer, on that customer's cut of the snapshot.
    public func customerBalance(_ customerID: Int64, _ currency: Currency, asOf: CivilDate) -> Int64 {
        customerSnapshots[customerID]?.customerBalance(customerID: customerID, currency: currency, asOf: asOf) ?? 0
    }

    /// Customer code by id.
    public func customerCode(_ id: Int64) -> String { customerSnapshots[id]?.customers.first?.code ?? "#\(id)" }

    /// Posted invoices and credit notes (the documents that count).
    public var postedDocuments: [AuditDocument] { documents.filter { $0.status == .posted } }

    /// Whether an entry is part of a bulk load.
    public func isLoad(_ entry: AuditLogEntry?) -> Bool { entry.map { loadEntries.contains($0.seq) } ?? false }

    /// `1234.50 CNY`.
    static func amount(_ minor: Int64, _ currency: Currency) -> String { AuditFormat.amount(minor, currency) }
}
