import Foundation
@testable import LedgerAudit
import LedgerCore

// The periodic audit as it was before s14-audit (the whole ledger in `AuditData`), kept as the reference the
// streaming checks are compared with (AuditChecksComparisonTests). Copied unchanged, nested in `AuditReference`.
extension AuditReference {
    /// Numbering (编号): gaps and duplicates per series and year (invoices, credit notes and receipts), and the voided
    /// numbers, which stay used.
    enum NumberingChecks {
        struct Numbered {
            var series: String
            var year: Int
            var number: Int
            var display: String
            var customer: String
        }

        static func numbered(_ data: AuditData) -> [Numbered] {
            data.documents.filter { $0.number > 0 }.map {
                Numbered(
                    series: $0.series, year: $0.numberYear, number: $0.number, display: $0.displayNumber,
                    customer: $0.customerCode)
            }
                + data.snapshot.receipts.map {
                    Numbered(
                        series: $0.series, year: $0.numberYear, number: $0.number, display: $0.displayNumber,
                        customer: data.customerCode($0.customerID))
                }
        }

        static func gapsAndDuplicates(_ data: AuditData, _ lang: AuditLanguage) -> [AuditCheckResult] {
            var gaps = AuditCheckResult(
                id: "numbering.gaps", title: lang.t("No gaps in number series", "编号连续无断号"),
                severity: .error)
            var duplicates = AuditCheckResult(
                id: "numbering.duplicates", title: lang.t("No duplicate numbers", "编号无重复"),
                severity: .error)
            var bySeries: [String: [Numbered]] = [:]
            for item in numbered(data) { bySeries["\(item.series)\u{1}\(item.year)", default: []].append(item) }
            var counters: [String: Int] = [:]
            for c in data.counters { counters["\(c.series)\u{1}\(c.year)"] = c.last }
            for key in Set(bySeries.keys).union(counters.keys).sorted() {
                let items = bySeries[key] ?? []
                let parts = key.split(separator: "\u{1}").map(String.init)
                let series = parts[0]
                let year = Int(parts.count > 1 ? parts[1] : "") ?? 0
                var seen: [Int: [Numbered]] = [:]
                for item in items { seen[item.number, default: []].append(item) }
                let last = max(counters[key] ?? 0, items.map(\.number).max() ?? 0)
                var missing: [Int] = []
                for n in stride(from: 1, through: last, by: 1) where seen[n] == nil { missing.append(n) }
                for n in missing {
                    let number = Invoice.formatNumber(series: series, year: year, number: n)
                    gaps.add(
                        severity: .error, subject: number, documents: [number],
                        message: lang.t(
                            "number \(number) is missing (series \(series) \(year) goes to \(last))",
                            "缺号 \(number)（\(series) \(year) 年已编至 \(last)）"))
                }
                for (n, group) in seen.sorted(by: { $0.key < $1.key }) where group.count > 1 {
                    let number = Invoice.formatNumber(series: series, year: year, number: n)
                    duplicates.add(
                        severity: .error, subject: number, documents: group.map(\.display),
                        customer: group.map(\.customer).joined(separator: " "),
                        message: lang.t(
                            "number \(number) is used \(group.count) times",
                            "编号 \(number) 使用了 \(group.count) 次"))
                }
                gaps.notes.append(
                    lang.t(
                        "\(series) \(year): \(counted(items.count, "number")), last \(last)",
                        "\(series) \(year)：\(items.count) 个编号，最大 \(last)"))
            }
            return [gaps, duplicates]
        }

        static func voids(_ data: AuditData, from: CivilDate, to: CivilDate, _ lang: AuditLanguage) -> AuditCheckResult {
            var result = AuditCheckResult(
                id: "numbering.voids",
                title: lang.t(
                    "Voided documents per series and year",
                    "各编号序列作废单据"), severity: .info)
            var counts: [String: Int] = [:]
            for doc in data.documents where doc.status == .void && doc.date >= from && doc.date <= to {
                counts["\(doc.series) \(doc.numberYear)", default: 0] += 1
                result.add(
                    severity: .info, subject: doc.displayNumber,
                    documents: [doc.displayNumber], customer: doc.customerCode,
                    amount: AuditData.amount(doc.total, doc.currency),
                    message: lang.t("voided: \(doc.voidReason)", "已作废：\(doc.voidReason)"))
            }
            for (key, n) in counts.sorted(by: { $0.key < $1.key }) {
                result.notes.append(lang.t("\(key): \(n) voided", "\(key)：作废 \(n) 张"))
            }
            return result
        }
    }
}
