import Foundation
import LedgerAudit
import LedgerCore
import TerminalUI
import Testing

@testable import SalesLedgerApp

/// The audit screen (F11) shows the same findings, log, metrics and confirmation round as the CLI, in English and
/// Chinese, and records runs, letters and replies through the same commands (issue 14).
@Suite struct AuditScreenTests {
    @Test func panelsShowFindingsLogProcessMetricsAndConfirmations() throws {
        var h = try AppHarness(language: .en, size: Size(width: 160, height: 48), seedLedger: seedGenerated)
        h.press(.function(11))
        // s35-fix: the 6th observation is C0007, over its limit from the generated (bulk-loaded) history.
        #expect(h.text.contains("2026-08-30 … 2026-11-29: 0 findings, 6 observations, 26 checks"))
        #expect(h.text.contains("dates.cutoff-window"))
        h.press(.tab)
        #expect(h.text.contains("entries, newest first"))
        #expect(h.text.contains("receipt.record"))
        h.press(.tab)
        #expect(h.text.contains("days from invoice to first receipt"))
        h.press(.tab)
        #expect(h.text.contains("no confirmation letters yet: s sends them as of today"))
        h.press(.tab)
        #expect(h.text.contains("26 checks"))
    }

    @Test func chineseAndTheNumberKey() throws {
        var h = try AppHarness(language: .zh, size: Size(width: 100, height: 30), seedLedger: seedGenerated)
        h.press(.function(4), .char("8"))
        #expect(h.text.contains("审计发现"))
        #expect(h.text.contains("0 项发现，6 项观察，共 26 项检查"))
        h.press(.backTab)
        #expect(h.text.contains("尚未发出询证函"))
        h.press(.backTab)
        #expect(h.text.contains("开票至首次收款天数"))
    }

    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sl-audit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func lastEntry(_ h: AppHarness, _ command: String) throws -> AuditLogEntry? {
        try (h.context.store as! any AuditQueries).auditLog(filter: AuditLogFilter(command: command)).last
    }

    @Test func writeReportRecordsTheRunWithTheReportsHash() throws {
        var h = try AppHarness(language: .en, size: Size(width: 160, height: 48), seedLedger: seedGenerated)
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        h.app.audit.outputFolder = folder
        h.press(.function(11), .char("w"))
        let path = folder + "/salesledger-audit-2026-08-30-2026-11-29.md"
        let report = try String(contentsOfFile: path, encoding: .utf8)
        let entry = try #require(try Self.lastEntry(h, "audit.run"))
        #expect(entry.payload.contains(AuditReport.sha256(report)))
        #expect(entry.payload.contains(path))
        #expect(FileManager.default.fileExists(atPath: folder + "/salesledger-audit-2026-08-30-2026-11-29.findings.csv"))
        #expect(h.text.contains("recorded in the audit log"))
    }

    @Test func lettersAndRepliesAreRecordedAndSummarised() throws {
        var h = try AppHarness(language: .zh, size: Size(width: 160, height: 48), seedLedger: seedGenerated)
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        h.app.audit.outputFolder = folder
        h.press(.function(11), .backTab, .char("s"))
        // Asked first: nothing is recorded until the question is answered (tryout s15).
        #expect(h.text.contains("发出询证函"), "\(h.text)")
        #expect(try Self.lastEntry(h, "audit.confirm.send") == nil)
        h.press(.char("y"))
        let sent = try #require(try Self.lastEntry(h, "audit.confirm.send"))
        #expect(sent.payload.contains("2026-11-29"))
        let letters = try FileManager.default.contentsOfDirectory(atPath: folder + "/salesledger-confirm-2026-11-29")
        #expect(!letters.isEmpty)
        #expect(h.text.contains("发函 \(letters.count)，回函 0，相符 0，不符 0，未回函 \(letters.count)"))
        // The first row agrees; the second replies with a difference and a note.
        h.press(.char("a"))
        #expect(h.text.contains("发函 \(letters.count)，回函 1，相符 1，不符 0"))
        h.press(.down, .char("d"))
        #expect(h.text.contains("客户金额减我方金额"))
        h.type("-120.50 少记红字冲销")
        h.press(.enter)
        #expect(h.text.contains("回函 2，相符 1，不符 1"))
        #expect(h.text.contains("-120.50"))
        #expect(h.text.contains("少记红字冲销"))
        let reply = try #require(try Self.lastEntry(h, "audit.confirm.reply"))
        #expect(reply.payload.contains("-12050") || reply.payload.contains("\"minorUnits\":-12050"))
        // A bad amount is refused with a message, nothing recorded.
        let before = try (h.context.store as! any AuditQueries).auditLog(filter: AuditLogFilter(command: "audit.confirm.reply")).count
        h.press(.down, .char("d"))
        h.type("abc")
        h.press(.enter)
        #expect(h.text.contains("差异："))
        #expect(try (h.context.store as! any AuditQueries).auditLog(filter: AuditLogFilter(command: "audit.confirm.reply")).count == before)
    }
}
