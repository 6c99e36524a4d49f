import Foundation
import LedgerCore
@testable import LedgerStore
import Testing

/// s18 (issue 10): the scan behind `audit log --document` keeps a bulk entry's line when the document's id is the
/// value of a key `id`, `invoiceID` or `sourceID` (plain, or escaped in a change's `after`), or its number is in
/// quotes — and no longer every line holding the id as a bare number (id 1 is in most lines: quantities, terms).
@Suite struct AuditMentionScanTests {
    static let mention = AuditLogFilter.Mention(id: 1, number: "INV-2025-000001")

    static func kept(_ lines: [String], _ mention: AuditLogFilter.Mention = mention) -> [String] {
        let text = Array(lines.joined(separator: "\n").utf8) + [10]
        return AuditMentionScan.lines(in: text, mentioning: mention).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func keepsTheLinesNamingTheIdByKeyOrTheNumber() {
        let naming = [
            #"invoice.post\t{"quantity":1}\t[{"entity":"invoice","id":1}]\tINV-2025-000001"#,
            #"receipt.record\t{}\t[{"after":"{\"amount\":5,\"invoiceID\":1,\"source\":\"receipt\"}","#
                + #""entity":"allocation","id":7}]\tok"#,
            #"allocation.reverse\t{}\t[{"after":"{\"sourceID\" : 1}","entity":"allocation","id":8}]\tok"#,
            #"x\t{}\t[{"entity":"invoice", "id" : 1}]\tok"#,
            #"y\t{}\t[{"after":"{\n\"invoiceID\":\n1}","entity":"allocation","id":9}]\tok"#,
            #"credit_note.issue\t{"invoiceNumber":"INV-2025-000001"}\t[{"entity":"invoice","id":40}]\tok"#
        ].map { $0.replacingOccurrences(of: "\\t", with: "\t") }
        let other = [
            #"customer.create\t{"paymentTerms":"EOM+1M","line":1}\t[{"entity":"customer","id":12}]\tok"#,
            #"invoice.post\t{"lines":[{"quantity":1}]}\t[{"entity":"invoice","id":11}]\tINV-2025-000011"#,
            #"invoice.post\t{}\t[{"entity":"invoice","id":10}]\tpaid:1"#,
            #"z\t{"customerID":1,"paid":1,"valid":1}\t[{"entity":"invoice","id":21}]\tok"#,
            #"w\t{}\t[{"after":"{\"invoiceID\":12,\"grid\":1}","entity":"allocation","id":13}]\tok"#,
            #"v\t{"note":"INV-2025-0000012"}\t[{"entity":"invoice","id":100}]\tok"#
        ].map { $0.replacingOccurrences(of: "\\t", with: "\t") }
        #expect(Self.kept(other + naming + other) == naming)
        #expect(Self.kept(other).isEmpty)
    }

    /// A line naming only another record's id as a key value (`"id":1` of a customer) is still kept: the decoded
    /// rule, not the scan, checks the entity.
    @Test func theScanIsASupersetTheRuleNarrows() {
        let line = #"customer.create\t{}\t[{"entity":"customer","id":1}]\tok"#
            .replacingOccurrences(of: "\\t", with: "\t")
        #expect(Self.kept([line]) == [line])
        #expect(Self.kept([line], .init(id: 11, number: "INV-2025-000011")).isEmpty)
    }
}
