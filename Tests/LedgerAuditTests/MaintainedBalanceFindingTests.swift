import Testing
import LedgerCore
@testable import LedgerAudit

/// s31-reads: a difference in a ledger-wide maintained row (`document_tally`, `vat_month`) is a finding naming the
/// row and field, with no document or customer; a document's difference still names the document.
@Suite struct MaintainedBalanceFindingTests {
    @Test func ledgerWideRowsNameNoDocument() {
        let result = MaintainedBalanceCheck.run(differences: [
            MaintainedBalanceDifference(subject: "invoice CNY", field: "document_tally_lines", stored: "7",
                                        recomputed: "6"),
            MaintainedBalanceDifference(subject: "2026-01 1300 CNY", field: "vat_month_tax", stored: "1301",
                                        recomputed: "1300"),
            MaintainedBalanceDifference(subject: "INV-2026-000001", field: "open_amount", stored: "5",
                                        recomputed: "0"),
        ], .zh)
        #expect(result.findings.map(\.documents) == [[], [], ["INV-2026-000001"]])
        #expect(result.findings.map(\.customer) == ["", "", ""])
        #expect(result.findings[1].message == "2026-01 1300 CNY：vat_month_tax 维护值 1301，重算值 1300")
    }
}
