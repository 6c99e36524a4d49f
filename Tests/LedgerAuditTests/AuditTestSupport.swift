import Foundation
import GRDB
import LedgerAudit
import LedgerCore
import LedgerInterop
import LedgerStore

/// A file-backed ledger whose every command runs with the clock pinned to the day it is "posted", so the audit
/// log's posting times are under the test's control; raw SQL (`corrupt`) seeds what the command layer refuses.
final class AuditTestLedger {
    let path: String
    let store: SQLiteLedgerStore

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString)").path
        path = folder + "/ledger.sqlite"
        store = try SQLiteLedgerStore(path: path)
    }

    func service(_ day: String, actor: String = "clerk1") -> LedgerService {
        LedgerService(store: store, clock: FixedClock.atNoon(CivilDate(iso: day)!), actor: actor, role: .admin)
    }

    @discardableResult
    func customer(_ code: String, limit: String? = nil, on day: String = "2026-05-04") throws -> Customer {
        var fields = CustomerFields(code: code, name: "Customer \(code)")
        fields.creditLimit = limit.map { cny($0) }
        return try service(day).run(CreateCustomer(fields))
    }

    /// A one-line invoice (tax 0) of `amount`, posted on `postedOn` (default: its date) by `actor`.
    @discardableResult
    func invoice(_ customer: String, _ date: String, _ amount: String, postedOn: String? = nil, actor: String = "clerk1",
                 reference: String = "", override: String? = nil, draft: Bool = false) throws -> Invoice {
        var post = PostInvoice(customerCode: customer, date: CivilDate(iso: date)!,
                               lines: [LineInput(description: "goods", quantity: Quantity(1), unitPrice: cny(amount))])
        post.externalReference = reference
        post.creditOverrideReason = override
        post.asDraft = draft
        return try service(postedOn ?? date, actor: actor).run(post)
    }

    @discardableResult
    func receipt(_ customer: String, _ date: String, _ amount: String, reference: String = "") throws -> RecordReceipt.Outcome {
        var record = RecordReceipt(customerCode: customer, date: CivilDate(iso: date)!, amount: cny(amount))
        record.reference = reference
        return try service(date).run(record)
    }

    /// Runs raw SQL on the file (a second connection), for seeding corruption the ledger itself refuses.
    func corrupt(_ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: sql) }
    }

    func audit(from: String, to: String, today: String = "2026-11-27", seed: UInt64 = 7,
               language: AuditLanguage = .en) throws -> AuditRun {
        var p = AuditParameters(from: CivilDate(iso: from)!, to: CivilDate(iso: to)!)
        p.seed = seed
        p.language = language
        return try AuditRunner.run(queries: store, parameters: p, ranBy: "auditor", ranAtUTC: "\(today)T12:00:00Z",
                                   chainProblem: { try store.verifyAuditChain() })
    }
}

func cny(_ text: String) -> Money { try! MoneyParser.parse(text, currency: .cny) }
func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

extension FixedClock {
    /// A pinned clock whose audit time is that day's noon UTC (issue 13: audit entries take the real clock unless
    /// a clock gives an explicit time), so fixtures can place entries on chosen days.
    static func atNoon(_ date: CivilDate) -> FixedClock {
        FixedClock(date, nowUTCSeconds: Int64(date.daysSinceEpoch) * 86_400 + 43_200)
    }
}
