import Crypto
import Foundation
import LedgerCore
import LedgerInterop

/// Findings of this run against the previous recorded run (`audit check --since-last`), by finding key.
public struct AuditComparison: Hashable, Sendable {
    public var previousSeq: Int64?
    public var new: [String]
    public var resolved: [String]
    public var stillOpen: [String]

    public init(previous: [String], current: [String], previousSeq: Int64?) {
        let before = Set(previous)
        let now = Set(current)
        self.previousSeq = previousSeq
        new = now.subtracting(before).sorted()
        resolved = before.subtracting(now).sorted()
        stillOpen = now.intersection(before).sorted()
    }

    /// The finding keys of the last `audit.run` entry in the log, and its sequence number.
    public static func lastRun(in log: [AuditLogEntry]) -> (seq: Int64, keys: [String])? {
        guard let entry = log.last(where: { $0.command == RecordAuditRun.name }) else { return nil }
        return (entry.seq, AuditFormat.payloadField(entry, "findingKeys") as? [String] ?? [])
    }
}

/// The audit report: text or Markdown (period, who ran it, each check and its result, the vouching sample, the
/// comparison with the last run, and a corrective-actions section to fill in), and the findings as CSV.
public enum AuditReport {
    public enum Format: String, Sendable, CaseIterable { case text, md, csv }

    public static let csvHeader = ["check", "severity", "key", "documents", "customer", "amount", "message"]

    /// Every finding and observation as CSV (RFC 4180, header row, documents separated by spaces).
    public static func findingsCSV(_ run: AuditRun) -> String {
        CSVOutput.render(
            header: csvHeader,
            rows: run.allFindings.map {
                [
                    $0.check, $0.severity.rawValue, $0.key, $0.documents.joined(separator: " "), $0.customer, $0.amount,
                    $0.message,
                ]
            })
    }

    /// Hex SHA-256 of the text's UTF-8 bytes (what is recorded in the audit log).
    public static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    public static func render(_ run: AuditRun, format: Format, comparison: AuditComparison? = nil) -> String {
        if format == .csv { return findingsCSV(run) }
        let md = format == .md
        let p = run.parameters
        let lang = p.language
        var out: [String] = []
        func heading(_ text: String, _ level: Int) {
            if md {
                out.append(String(repeating: "#", count: level) + " " + text)
                out.append("")
            } else {
                out.append(text)
                out.append(String(repeating: level == 1 ? "=" : "-", count: max(8, text.count)))
            }
        }
        func item(_ text: String, indent: Int = 0) { out.append(String(repeating: "  ", count: indent) + "- " + text) }
        heading(lang.t("Audit report (定期审计)", "定期审计报告"), 1)
        item(lang.t("Period: \(p.from) … \(p.to)", "期间：\(p.from) … \(p.to)"))
        item(lang.t("Run by: \(run.ranBy) at \(run.ranAtUTC)", "执行人：\(run.ranBy)，时间 \(run.ranAtUTC)"))
        item(
            lang.t(
                "Parameters: backdated > \(p.backdatedDays) days, cut-off ± \(p.cutoffDays) days, disputes > "
                    + "\(p.disputeDays) days, drafts > \(p.draftDays) days, balance growth > \(p.growthPercent) %, "
                    + "round unit \(p.roundUnit), sample \(p.sampleSize), seed \(p.seed)",
                "参数：倒签 > \(p.backdatedDays) 天，截止 ± \(p.cutoffDays) 天，争议 > \(p.disputeDays) "
                + "天，草稿 > \(p.draftDays) "
                    + "天，余额增长 > \(p.growthPercent)%，整数单位 \(p.roundUnit)，样本 "
                      + "\(p.sampleSize)，种子 \(p.seed)"
            ))
        let findings = run.findings.count
        let observations = run.allFindings.count - findings
        item(
            lang.t(
                "Result: \(counted(findings, "finding")), \(counted(observations, "observation"))",
                "结果：\(findings) 项发现，\(observations) 项观察"))
        out.append("")
        heading(lang.t("Checks", "检查项目"), 2)
        for check in run.checks {
            let line = check.headline(lang)
            md ? out.append("### " + line + "\n") : out.append(line)
            // Notes and the sample are read by people too: amounts grouped like the findings (tryout s30).
            for note in check.notes { item(AuditFormat.grouped(note), indent: md ? 0 : 1) }
            for f in check.findings {
                let docs = f.documents.isEmpty ? "" : f.documents.joined(separator: ", ") + ": "
                let who = f.customer.isEmpty ? "" : " [\(f.customer)]"
                let amount = f.amount.isEmpty ? "" : " (\(AuditFormat.grouped(f.amount)))"
                item("\(docs)\(AuditFormat.grouped(f.message))\(who)\(amount)", indent: md ? 0 : 1)
            }
            out.append("")
        }
        heading(
            lang.t(
                "Vouching sample (seed \(p.seed): \(run.sample.count) of \(counted(run.samplePopulation, "document")))",
                "抽凭样本（种子 \(p.seed)：\(run.samplePopulation) 张中抽取 \(run.sample.count) 张）"), 2)
        for s in run.sample {
            item("\(s.number) \(s.date) \(s.customer) \(AuditFormat.grouped(s.total))  [ ] "
                 + lang.t("vouched", "已核对"))
            for line in s.lines { item(AuditFormat.grouped(line), indent: 1) }
        }
        out.append("")
        if let c = comparison {
            heading(lang.t("Since the last run", "与上次审计比较"), 2)
            if c.previousSeq == nil { item(lang.t("no earlier run recorded", "无上次审计记录")) }
            item(lang.t("new: \(c.new.count)", "新增：\(c.new.count)"))
            for k in c.new { item(k, indent: 1) }
            item(lang.t("resolved: \(c.resolved.count)", "已解决：\(c.resolved.count)"))
            for k in c.resolved { item(k, indent: 1) }
            item(lang.t("still open: \(c.stillOpen.count)", "仍未解决：\(c.stillOpen.count)"))
            for k in c.stillOpen { item(k, indent: 1) }
            out.append("")
        }
        heading(lang.t("Corrective actions", "整改措施"), 2)
        let open = run.checks.filter { $0.severity.isFinding && !$0.findings.isEmpty }
        if open.isEmpty { item(lang.t("none needed", "无需整改")) }
        for check in open {
            item(
                lang.t(
                    "\(check.id) (\(check.findings.count)): action ________  owner ________  due ________  done [ ]",
                    "\(check.id)（\(check.findings.count)）：措施 ________  负责人 ________  期限 ________  "
                    + "完成 [ ]"))
        }
        return out.joined(separator: "\n") + "\n"
    }
}
