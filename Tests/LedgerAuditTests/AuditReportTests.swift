import Foundation
import LedgerAudit
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

@Suite struct AuditReportTests {
    @Test func findingsCSVRoundTripsToTheSameFindings() throws {
        let run = try AuditCheckTests.seededLedger().audit(from: "2026-08-01", to: "2026-10-31", language: .zh)
        let csv = AuditReport.findingsCSV(run)
        let parsed = try Self.parseFindingsCSV(csv)
        #expect(parsed == run.allFindings)
        #expect(parsed.count == 26)   // s32-fixa: consistency.credits
    }

    /// Reads a findings CSV back (the product only writes it; CSVTable undoes the formula neutralising).
    static func parseFindingsCSV(_ text: String) throws -> [AuditFinding] {
        let table = try CSVTable.parse(data: Data(text.utf8), source: "findings.csv")
        try table.require(AuditReport.csvHeader)
        return try table.records.indices.map { r in
            let severity = try #require(AuditSeverity(rawValue: table.value(r, "severity")))
            var finding = AuditFinding(
                check: table.value(r, "check"), severity: severity, subject: "",
                documents: table.value(r, "documents").split(separator: " ").map(String.init),
                customer: table.value(r, "customer"), amount: table.value(r, "amount"),
                message: table.value(r, "message"))
            finding.key = table.value(r, "key")
            return finding
        }
    }

    @Test func reportNamesPeriodRunnerChecksAndCorrectiveActions() throws {
        let run = try AuditCheckTests.seededLedger().audit(from: "2026-08-01", to: "2026-10-31", seed: 99)
        let text = AuditReport.render(run, format: .md)
        #expect(text.contains("Period: 2026-08-01 … 2026-10-31"))
        #expect(text.contains("Run by: auditor at 2026-11-27T12:00:00Z"))
        #expect(text.contains("seed 99"))
        #expect(text.contains("## Corrective actions"))
        #expect(text.contains("- numbering.gaps (1): action ________"))
        for check in run.checks { #expect(text.contains("\(check.id) — \(check.title)")) }
        let zh = AuditReport.render(try AuditCheckTests.seededLedger().audit(from: "2026-08-01", to: "2026-10-31",
                                                                            language: .zh), format: .text)
        #expect(zh.contains("期间：2026-08-01 … 2026-10-31"))
        #expect(zh.contains("整改措施"))
        #expect(AuditReport.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func oneFindingAndOneObservationAreCountedInTheSingular() throws {
        var run = try AuditCheckTests.seededLedger().audit(from: "2026-08-01", to: "2026-10-31")
        let finding = try #require(run.findings.first)
        let observation = try #require(run.allFindings.first { !$0.severity.isFinding })
        run.checks = [run.checks[0]]
        run.checks[0].findings = [finding, observation]
        let text = AuditReport.render(run, format: .text)
        #expect(text.contains("Result: 1 finding, 1 observation\n"), "\(text)")
        #expect(counted(2, "entry", plural: "entries") == "2 entries" && counted(0, "row") == "0 rows")
    }

    @Test func runIsRecordedWithTheReportHashAndSinceLastCompares() throws {
        let l = try AuditCheckTests.seededLedger()
        let first = try l.audit(from: "2026-08-01", to: "2026-10-31")
        let text = AuditReport.render(first, format: .text)
        let auditor = l.service("2026-11-27", actor: "auditor1")
        try auditor.run(RecordAuditRun(from: day("2026-08-01"), to: day("2026-10-31"), reportSHA256: AuditReport.sha256(text),
                                       reportFile: "q3.txt", seed: 7, findingKeys: first.findings.map(\.key)))
        let entries = try l.store.auditLog(filter: AuditLogFilter(command: "audit.run"))
        #expect(entries.count == 1)
        #expect(entries[0].payload.contains(AuditReport.sha256(text)))
        #expect(entries[0].actor == "auditor1")
        // Resolve the dispute, add a new stale draft: one resolved, one new, the rest still open.
        let disputed = try #require(try l.store.invoices(filter: InvoiceFilter(customerCode: "D"), page: .all).first)
        try l.service("2026-11-27").run(SetDispute(number: disputed.number, isDisputed: false, reason: "settled"))
        try l.invoice("X", "2026-09-20", "99.17", draft: true)
        let second = try l.audit(from: "2026-08-01", to: "2026-10-31")
        let last = try #require(AuditComparison.lastRun(in: try l.store.auditLog(filter: .all)))
        let c = AuditComparison(previous: last.keys, current: second.findings.map(\.key), previousSeq: last.seq)
        #expect(c.resolved == ["control.disputes:\(disputed.number)"])
        #expect(c.new.count == 1 && c.new[0].hasPrefix("control.drafts:"))
        #expect(c.stillOpen.count == first.findings.count - 1)
    }

    @Test func theAuditorRoleMayRecordRunsButNothingElse() throws {
        let l = try AuditTestLedger()
        try l.customer("A")
        let auditor = LedgerService(store: l.store, clock: FixedClock.atNoon(day("2026-11-27")), actor: "eve", role: .auditor)
        try auditor.run(RecordAuditRun(from: day("2026-08-01"), to: day("2026-10-31"), reportSHA256: String(repeating: "a", count: 64),
                                       reportFile: "-", seed: 1, findingKeys: []))
        #expect(throws: LedgerError.self) {
            try auditor.run(PostInvoice(customerCode: "A", date: day("2026-11-27"),
                                        lines: [LineInput(description: "x", quantity: Quantity(1), unitPrice: cny("1.00"))]))
        }
    }
}
