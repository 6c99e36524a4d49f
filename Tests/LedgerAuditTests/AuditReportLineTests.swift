import LedgerAudit
import LedgerCore
import Testing

/// Tryout s33: `audit check` printed `[error] consistency.totals … : pass` (zh `[错误] … 通过`), and
/// `control.voids-credits-per-user` said the same fact twice (a note and an observation) for a user who voided.
@Suite struct AuditReportLineTests {
    @Test(arguments: [AuditLanguage.en, .zh]) func aPassingCheckCarriesNoSeverity(language: AuditLanguage) throws {
        let ledger = try AuditCheckTests.seededLedger()
        // A period with nothing in it: most checks pass.
        let run = try ledger.audit(from: "2020-01-01", to: "2020-01-31", language: language)
        let text = AuditReport.render(run, format: .text)
        let pass = language == .en ? ": pass" : ": 通过"
        let passing = text.split(separator: "\n").filter { $0.hasSuffix(pass) }
        #expect(passing.contains { $0.hasPrefix("consistency.tie-out — ") }, "\(text)")
        for line in passing { #expect(!line.hasPrefix("["), "\(line)") }
        // With findings the severity stays (the seeded ledger's planted totals error is whole-ledger).
        let error = language == .en ? "[error] " : "[错误] "
        #expect(text.split(separator: "\n").contains { $0.hasPrefix(error + "consistency.totals — ") }, "\(text)")
    }

    @Test func eachUsersVoidsAndCreditNotesAreSaidOnce() throws {
        let run = try AuditCheckTests.seededLedger().audit(from: "2026-08-01", to: "2026-10-31")
        let check = try #require(run.checks.first { $0.id == "control.voids-credits-per-user" })
        #expect(check.findings.count == 1)
        let users = check.findings.map { String($0.message.prefix { $0 != ":" }) }
        for note in check.notes {
            #expect(!users.contains(String(note.prefix { $0 != ":" })), "\(note) repeats \(check.findings)")
        }
    }
}
