import Testing
@testable import LedgerAudit

/// Tryout s14: a check with one finding said "1 findings".
@Suite struct AuditStatusWordsTests {
    @Test func oneFindingIsSingular() {
        var result = AuditCheckResult(id: "numbering.gaps", title: "Gaps", severity: .warning)
        #expect(result.status(.en) == "pass")
        result.add(severity: .warning, subject: "a", message: "m")
        #expect(result.status(.en) == "1 finding")
        #expect(result.status(.zh) == "1 项发现")
        result.add(severity: .warning, subject: "b", message: "m")
        #expect(result.status(.en) == "2 findings")
        var info = AuditCheckResult(id: "x", title: "X", severity: .info)
        info.add(severity: .info, subject: "a", message: "m")
        #expect(info.status(.en) == "1 observation")
    }
}
