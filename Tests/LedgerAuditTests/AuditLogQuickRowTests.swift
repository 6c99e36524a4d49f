import Foundation
@testable import LedgerAudit
import LedgerCore
import Testing

/// s31-audit: `audit log` reads the document number of an all-ASCII outcome from its bytes and the records of an
/// entry that only created records through the quick JSON scan; the rows are those of the Character-by-Character
/// and Foundation readings.
@Suite struct AuditLogQuickRowTests {
    @Test func documentNumberFromBytesMatchesCharacterReading() {
        let cases: [(String, String)] = [
            ("posted INV-2026-000012 for C0001", "INV-2026-000012"),
            ("RCT-2025-0007,CN-2026-000001", "RCT-2025-0007"),
            ("voided inv-2026-000012 and ABCDE-2026-0001 and AB-26-0001", ""),
            ("X_INV-2026-0001 then CN-2026-00012\r\n", "CN-2026-00012"),
            ("INV-2026-000012-1 INV-2026-000099", "INV-2026-000099"),
            ("", ""),
            ("1000 commands: 1000 invoice.post", ""),
        ]
        for (text, number) in cases {
            #expect(AuditLogView.asciiDocumentNumber(in: text) == number, "\(text)")
            #expect(AuditLogView.characterDocumentNumber(in: text) == number, "\(text)")
            #expect(AuditLogView.documentNumber(in: text) == number)
        }
        // Not ASCII: the Character reading decides (a combining accent joins the digit before it).
        #expect(AuditLogView.asciiDocumentNumber(in: "收款单 RCT-2026-000012") == nil)
        #expect(AuditLogView.documentNumber(in: "收款单 RCT-2026-000012") == "RCT-2026-000012")
        // "2\u{301}" is one Character, not ASCII: the word ends before it (a byte reading would keep the 2).
        #expect(AuditLogView.asciiDocumentNumber(in: "INV-2026-000012\u{301} INV-2026-000013") == nil)
        #expect(AuditLogView.documentNumber(in: "INV-2026-000012\u{301} INV-2026-000013") == "INV-2026-00001")
    }

    @Test func createdOnlyAndChangedEntriesGiveTheFullRows() {
        func entry(_ changes: String, outcome: String = "INV-2026-000005 posted") -> AuditLogEntry {
            AuditLogEntry(seq: 9, timestampUTC: "2026-06-30T10:00:00Z", actor: "li", command: "invoice.post",
                          payload: "{}", changes: changes, outcome: outcome, hash: "h")
        }
        let created = entry(#"[{"after":"{\"total\":100}","before":null,"entity":"invoice","id":5},"#
                            + #"{"after":"{}","entity":"allocation","id":40}]"#)
        let row = AuditLogView.row(created)
        #expect(row?.records == ["+invoice#5", "+allocation#40"])
        #expect(row?.changes == [])
        #expect(row?.document == "INV-2026-000005")
        let changed = entry(#"[{"after":"{\"status\":\"void\"}","before":"{\"status\":\"posted\"}","#
                            + #""entity":"invoice","id":5}]"#, outcome: "voided")
        let voided = AuditLogView.row(changed)
        #expect(voided?.records == ["invoice#5"])
        #expect(voided?.changes == ["status: posted → void"])
        #expect(voided?.document == "")
        // Not the quick shape (another key): Foundation's reading, same names.
        let odd = AuditLogView.row(entry(#"[{"entity":"invoice","id":5,"note":"x"}]"#))
        #expect(odd?.records == ["+invoice#5"])
    }
}
