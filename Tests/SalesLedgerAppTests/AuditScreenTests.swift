import LedgerCore
import TerminalUI
import Testing

@testable import SalesLedgerApp

/// The audit screen (F8) shows the same findings, log and metrics as the CLI, in English and Chinese.
@Suite struct AuditScreenTests {
    @Test func panelsShowFindingsLogAndProcessMetrics() throws {
        var h = try AppHarness(language: .en, size: Size(width: 160, height: 48), seedLedger: seedGenerated)
        h.press(.function(11))
        #expect(h.text.contains("2026-08-30 … 2026-11-29: 0 findings, 5 observations, 25 checks"))
        #expect(h.text.contains("dates.cutoff-window"))
        h.press(.tab)
        #expect(h.text.contains("entries, newest first"))
        #expect(h.text.contains("receipt.record"))
        h.press(.tab)
        #expect(h.text.contains("days from invoice to first receipt"))
        h.press(.tab)
        #expect(h.text.contains("25 checks"))
    }

    @Test func chineseAndTheNumberKey() throws {
        var h = try AppHarness(language: .zh, size: Size(width: 100, height: 30), seedLedger: seedGenerated)
        h.press(.function(4), .char("8"))
        #expect(h.text.contains("审计发现"))
        #expect(h.text.contains("0 项发现，5 项观察，共 25 项检查"))
        h.press(.backTab)
        #expect(h.text.contains("开票至首次收款天数"))
    }
}
