import Foundation
@testable import LedgerAudit
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// The store-reading process metrics (issue 10) against the old in-memory computation (`ProcessMetricsReference`
/// on `AuditData`) on a generated ledger: a bulk-loaded history, then three users' daily work with drafts, voids,
/// credit notes, overrides, late and unapplied receipts, promises and an "historical import" by hand.
@Suite struct ProcessMetricsComparisonTests {
    static func ledger() throws -> AuditTestLedger {
        let l = try AuditTestLedger()
        let generator = SampleGenerator(language: .en, customers: 15, invoices: 240, seed: 5,
                                        today: day("2026-07-31"), cities: [])
        _ = try l.service("2026-07-31", actor: "loader").runBatch { try generator.load(into: $0) }
        let codes = ["PA", "PB", "PC", "PD", "PE"]
        for code in codes { try l.customer(code, limit: code == "PC" ? "500.00" : nil, on: "2026-07-31") }
        let users = ["clerk1", "clerk2", "boss"]
        var random = SplitMix64(seed: 11)
        var open: [String: [Invoice]] = [:]
        var unapplied: [String] = []
        var date = day("2026-08-01")
        for step in 0..<160 {
            if random.next(below: 3) == 0 { date = date.adding(days: 1) }
            let actor = users[random.next(below: users.count)]
            let code = codes[random.next(below: codes.count)]
            let iso = date.description
            switch random.next(below: 10) {
            case 0...2:
                let amount = "\(random.next(in: 20...400)).00"
                let backDated = random.next(below: 6) == 0 ? date.adding(days: -random.next(in: 1...20)) : date
                let invoice = try post(l, code, backDated.description, amount, on: iso, actor: actor)
                open[code, default: []].append(invoice)
            case 3:
                try post(l, code, iso, "\(random.next(in: 5...90)).00", on: iso, actor: actor, draft: true)
            case 4, 5:
                let later = random.next(below: 3) == 0
                let amount = cny("\(random.next(in: 10...300)).00")
                let outcome = try l.service(iso, actor: actor).run(
                    RecordReceipt(customerCode: code, date: date.adding(days: -random.next(in: 0...3)), amount: amount,
                                  allocation: later ? .none : .auto))
                if later { unapplied.append(outcome.receipt.displayNumber) }
            case 6:
                if let number = unapplied.popLast() {
                    _ = try? l.service(iso, actor: actor).run(AllocateCredit(number: number))
                }
            case 7:
                let promised = random.next(below: 4) == 0 ? nil : date.adding(days: random.next(in: 1...25))
                var contact = LogContact(customerCode: code, date: date, who: actor, channel: .phone,
                                         note: "call \(step)", promisedDate: promised)
                if promised != nil, random.next(below: 2) == 0 {
                    contact.promisedAmount = cny("\(random.next(in: 10...200)).00")
                }
                try l.service(iso, actor: actor).run(contact)
            case 8:
                if let invoice = open[code]?.popLast() {
                    if random.next(below: 2) == 0 {
                        _ = try? l.service(iso, actor: actor).run(VoidInvoice(number: invoice.displayNumber,
                                                                               reason: "wrong customer"))
                    } else {
                        _ = try? l.service(iso, actor: actor).run(
                            IssueCreditNote(customerCode: code, date: date, appliesToNumber: invoice.displayNumber,
                                            amount: cny("5.00"), reason: "discount"))
                    }
                }
            default:
                // An "historical import" by hand: the invoice and that user's receipts of the day are a bulk load.
                try l.invoice(code, date.adding(days: -40).description, "77.00", postedOn: iso, actor: actor,
                              override: "historical import")
                _ = try l.service(iso, actor: actor).run(
                    RecordReceipt(customerCode: code, date: date.adding(days: -30), amount: cny("77.00")))
            }
        }
        return l
    }

    /// Posts an invoice; when credit control holds it, posts it again with an override (a credit_override change).
    @discardableResult
    static func post(_ l: AuditTestLedger, _ code: String, _ date: String, _ amount: String, on day: String,
                     actor: String, draft: Bool = false) throws -> Invoice {
        do {
            return try l.invoice(code, date, amount, postedOn: day, actor: actor, draft: draft)
        } catch {
            return try l.invoice(code, date, amount, postedOn: day, actor: actor, override: "approved by phone",
                                 draft: draft)
        }
    }

    @Test func storeFiguresEqualTheInMemoryOnes() throws {
        let l = try Self.ledger()
        let periods = [
            ("2026-07-01", "2026-07-31"), ("2026-08-01", "2026-08-31"), ("2026-09-01", "2026-10-15"),
            ("2026-06-01", "2026-11-30"), ("2026-08-10", "2026-08-24"),
        ]
        var measured = 0
        for (from, to) in periods {
            let data = try AuditData.load(from: l.store, to: day(to))
            let expectedUsers = ProcessMetricsReference.users(data, from: day(from), to: day(to))
            #expect(try ProcessMetrics.users(l.store, from: day(from), to: day(to)) == expectedUsers)
            for user in [nil, "clerk1", "clerk2", "boss", "loader", "nobody"] as [String?] {
                let expected = ProcessMetricsReference.compute(data, from: day(from), to: day(to), user: user)
                let actual = try ProcessMetrics.compute(l.store, from: day(from), to: day(to), user: user)
                #expect(actual == expected, "\(from)…\(to) user \(user ?? "all")")
                measured += actual.filter { $0.basis > 0 }.count
            }
        }
        // The ledger exercises every metric somewhere.
        let all = try ProcessMetrics.compute(l.store, from: day("2026-06-01"), to: day("2026-11-30"))
        #expect(all.allSatisfy { $0.basis > 0 }, "\(all)")
        #expect(measured > 60)
    }

    @Test func quickJSONReadingsEqualFoundations() {
        let changes = [
            #"[{"entity":"invoice","id":12}]"#, #"[]"#, #" [ { "id" : -3 , "entity" : "allocation" } ] "#,
            #"[{"after":"{\"a\":1}","before":"x\ty","entity":"customer","id":4}]"#,
            #"[{"before":null,"entity":"receipt","id":7},{"entity":"credit_override","id":0}]"#,
            #"[{"entity":"invoice","id":1.5}]"#, #"[{"entity":"inv\u006fice","id":2}]"#, #"[{"id":2}]"#,
            #"[{"entity":"invoice","id":2,"extra":true}]"#, #"not json"#, "",
        ]
        for text in changes {
            let entry = AuditLogEntry(seq: 1, timestampUTC: "2026-01-01T00:00:00Z", actor: "a", command: "c",
                                      payload: "{}", changes: text, outcome: "", hash: "")
            let expected = AuditData.changes(of: entry)
            let decoded = AuditJSONScan.changes(entry)
            #expect(decoded.map(\.entity) == expected.map(\.entity), "\(text)")
            #expect(decoded.map(\.id) == expected.map(\.id), "\(text)")
            #expect(decoded.map(\.isCreation) == expected.map { $0.before == nil }, "\(text)")
        }
        let payloads = [
            #"{"asDraft":true,"creditOverrideReason":"sample data","lines":[{"d":"a\"b","q":1e3}]}"#,
            #"{"asDraft":false}"#, #"{"asDraft":1}"#, #"{"creditOverrideReason":"hist\u006frical import"}"#,
            #"{"creditOverrideReason":null,"x":[1,2,{"y":"z"}]}"#, #"{"creditOverrideReason":"a\nb"}"#,
            #"{"asDraft":true,"asDraft":false}"#, #"[1]"#, #"{"a":01}"#, "", #"{"creditOverrideReason":"import"} x"#,
        ]
        for text in payloads {
            let entry = AuditLogEntry(seq: 1, timestampUTC: "2026-01-01T00:00:00Z", actor: "a", command: "c",
                                      payload: text, changes: "[]", outcome: "", hash: "")
            #expect(AuditJSONScan.stringField(entry, "creditOverrideReason")
                    == AuditData.payloadField(entry, "creditOverrideReason") as? String, "\(text)")
            #expect(AuditJSONScan.isTrue(entry, "asDraft")
                    == ((AuditData.payloadField(entry, "asDraft") as? Bool) == true), "\(text)")
        }
    }
}
