import ArgumentParser
import Foundation
import LedgerAudit
import LedgerCore
import LedgerStore

extension AuditReport.Format: ExpressibleByArgument {}

/// `audit check`: runs the periodic audit's checks (see LedgerAudit), writes the report, records the run in the
/// audit log with the report's SHA-256; exit 1 when there are findings (severity review and above).
struct AuditCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the periodic audit checks (定期审计); exit 1 when there are findings.",
        discussion: """
            The period defaults to the three months up to today. With --output F the report is written to F and \
            its findings to F's name with .findings.csv; the run is recorded in the audit log with the report's \
            SHA-256 (see `audit log --command audit.run`).
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "First day of the audited period (default: three months before --to).") var from: String?
    @Option(help: "Last day of the audited period (default: today).") var to: String?
    @Option(help: "text, md or csv (the findings only).") var format: AuditReport.Format = .text
    @Option(help: "Write the report to this file (and the findings CSV beside it).") var output: String?
    @Flag(help: "Compare with the previous recorded run: new, resolved and still-open findings.") var sinceLast = false
    @Flag(help: "Do not record the run in the audit log.") var noRecord = false
    @Option(help: "Backdated: posted more than this many days after the document date.") var backdatedDays = 7
    @Option(help: "Cut-off window in days either side of the period end.") var cutoffDays = 5
    @Option(help: "Disputes open longer than this many days.") var disputeDays = 30
    @Option(help: "Drafts older than this many days.") var draftDays = 7
    @Option(help: "Customers whose balance grew by more than this percentage.") var growthPercent = 50
    @Option(help: "Round-number invoices: multiples of this amount.") var roundUnit: Int64 = 1000
    @Option(help: "Size of the vouching sample.") var sample = 10
    @Option(help: "Seed of the vouching sample (default: a random one, printed in the report).") var seed: UInt64?

    func run() throws {
        let (store, service) = try global.openLedger()
        let today = service.clock.today()
        var issues = IssueCollector()
        let toDate = parseDate(to, "to", today, &issues) ?? today
        let fromDate = parseDate(from, "from", today, &issues) ?? AuditParameters.defaultPeriod(today: toDate).0
        issues.check(fromDate <= toDate, "from", "\(fromDate) is after --to \(toDate)")
        for (value, name) in [
            (backdatedDays, "backdated-days"), (cutoffDays, "cutoff-days"), (disputeDays, "dispute-days"),
            (draftDays, "draft-days"), (growthPercent, "growth-percent"), (sample, "sample"),
        ] {
            issues.check(value >= 0, name, "must be 0 or more")
        }
        issues.check(roundUnit > 0, "round-unit", "must be greater than 0")
        try issues.throwIfAny()
        var p = AuditParameters(from: fromDate, to: toDate)
        p.backdatedDays = backdatedDays
        p.cutoffDays = cutoffDays
        p.disputeDays = disputeDays
        p.draftDays = draftDays
        p.growthPercent = growthPercent
        p.roundUnit = roundUnit
        p.sampleSize = sample
        p.seed = seed ?? UInt64.random(in: 1...999_999)
        p.language = global.isChinese ? .zh : .en
        let showProgress = isatty(2) == 1
        // The anchored head is read before the audit's snapshot starts (s31-conc): a writer beside us may commit and
        // anchor a newer head during the run, which the snapshot does not see — read afterwards, it looked like a
        // truncated log. Read first, the anchor is never ahead of the snapshot.
        let run = try AuditRunner.run(
            queries: store, parameters: p, ranBy: global.actor, ranAtUTC: utcTimestamp(service.clock.nowUTCSeconds()),
            chainProblem: store.auditChainCheck(),
            progress: { step in if showProgress { FileHandle.standardError.write(Data("\u{1B}[2K\r\(step)…".utf8)) } })
        if showProgress { FileHandle.standardError.write(Data("\u{1B}[2K\r".utf8)) }
        var comparison: AuditComparison?
        if sinceLast {
            let last = AuditComparison.lastRun(
                in: try store.auditLog(filter: AuditLogFilter(command: RecordAuditRun.name)))
            comparison = AuditComparison(
                previous: last?.keys ?? [], current: run.findings.map(\.key), previousSeq: last?.seq)
        }
        let text = AuditReport.render(run, format: format, comparison: comparison)
        let hash = AuditReport.sha256(text)
        if let output {
            try Self.write(text, to: output)
            if format != .csv { try Self.write(AuditReport.findingsCSV(run), to: Self.findingsPath(output)) }
            print(p.language.t("report: \(output) (sha256 \(hash))", "报告：\(output)（sha256 \(hash)）"))
            if format != .csv {
                print(p.language.t("findings: \(Self.findingsPath(output))",
                                   "发现清单：\(Self.findingsPath(output))"))
            }
            print(
                p.language.t(
                    "\(counted(run.findings.count, "finding")), "
                        + "\(counted(run.allFindings.count - run.findings.count, "observation")), "
                        + "sample seed \(p.seed)",
                    "\(run.findings.count) 项发现，\(run.allFindings.count - run.findings.count) "
                    + "项观察，样本种子 \(p.seed)"))
        } else {
            print(text, terminator: "")
        }
        if !noRecord {
            try service.run(
                RecordAuditRun(
                    from: fromDate, to: toDate, reportSHA256: hash, reportFile: output ?? "-",
                    seed: p.seed, findingKeys: run.findings.map(\.key)))
        }
        if !run.findings.isEmpty { throw ExitCode(1) }
    }

    /// `report.md` → `report.findings.csv`.
    static func findingsPath(_ output: String) -> String {
        let url = URL(fileURLWithPath: output)
        let base = url.pathExtension.isEmpty ? url : url.deletingPathExtension()
        return base.path + ".findings.csv"
    }

    static func write(_ text: String, to path: String) throws {
        let temp = path + ".tmp"
        guard
            FileManager.default.createFile(
                atPath: temp, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]),
            rename(temp, path) == 0
        else {
            throw UserError("output: cannot write \(path)")
        }
    }
}
