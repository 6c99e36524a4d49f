import LedgerCore

/// Numbering (编号): gaps and duplicates per series and year (invoices, credit notes and receipts), and the voided
/// numbers, which stay used.
///
/// Reads (issue 10): per series and year the count, highest number and counter, the runs of missing numbers and
/// the holders of duplicate numbers, each set-based in SQL; the period's voided documents as the runner streams
/// them.
enum NumberingChecks {
    static func gapsAndDuplicates(_ q: any AuditCheckQueries, _ lang: AuditLanguage) throws -> [AuditCheckResult] {
        var gaps = AuditCheckResult(
            id: "numbering.gaps", title: lang.t("No gaps in number series", "编号连续无断号"),
            severity: .error)
        var duplicates = AuditCheckResult(
            id: "numbering.duplicates", title: lang.t("No duplicate numbers", "编号无重复"),
            severity: .error)
        func key(_ series: String, _ year: Int) -> String { "\(series)\u{1}\(year)" }
        var runs: [String: [ClosedRange<Int>]] = [:]
        try q.forEachAuditNumberGap { series, year, first, last in
            runs[key(series, year), default: []].append(first...last)
        }
        var holders: [String: [AuditNumberHolder]] = [:]
        for holder in try q.auditDuplicateNumbers() {
            holders[key(holder.series, holder.year), default: []].append(holder)
        }
        // In the order of the series-and-year keys as text, as the findings always came.
        for s in try q.auditNumberSeries().sorted(by: { key($0.series, $0.year) < key($1.series, $1.year) }) {
            let (series, year) = (s.series, s.year)
            let last = max(s.counter, s.highest)
            var missing = (runs[key(series, year)] ?? []).flatMap { Array($0) }
            if last > max(s.highest, 0) { missing += Array((max(s.highest, 0) + 1)...last) }
            for n in missing {
                let number = Invoice.formatNumber(series: series, year: year, number: n)
                gaps.add(
                    severity: .error, subject: number, documents: [number],
                    message: lang.t(
                        "number \(number) is missing (series \(series) \(year) goes to \(last))",
                        "缺号 \(number)（\(series) \(year) 年已编至 \(last)）"))
            }
            var group: [AuditNumberHolder] = []
            func flush() {
                guard group.count > 1 else { return }
                let number = Invoice.formatNumber(series: series, year: year, number: group[0].number)
                duplicates.add(
                    severity: .error, subject: number, documents: group.map(\.displayNumber),
                    customer: group.map(\.customerCode).joined(separator: " "),
                    message: lang.t(
                        "number \(number) is used \(group.count) times",
                        "编号 \(number) 使用了 \(group.count) 次"))
            }
            for holder in holders[key(series, year)] ?? [] {
                if let first = group.first, first.number != holder.number {
                    flush()
                    group = []
                }
                group.append(holder)
            }
            flush()
            gaps.notes.append(
                lang.t(
                    "\(series) \(year): \(counted(s.count, "number")), last \(last)",
                    "\(series) \(year)：\(s.count) 个编号，最大 \(last)"))
        }
        return [gaps, duplicates]
    }

    /// The period's voided documents (`voided`: the period's documents with status void, by id).
    static func voids(_ voided: [AuditDocument], _ lang: AuditLanguage) -> AuditCheckResult {
        var result = AuditCheckResult(
            id: "numbering.voids",
            title: lang.t(
                "Voided documents per series and year",
                "各编号序列作废单据"), severity: .info)
        var counts: [String: Int] = [:]
        for doc in voided {
            counts["\(doc.series) \(doc.numberYear)", default: 0] += 1
            result.add(
                severity: .info, subject: doc.displayNumber,
                documents: [doc.displayNumber], customer: doc.customerCode,
                amount: AuditFormat.amount(doc.total, doc.currency),
                message: lang.t("voided: \(doc.voidReason)", "已作废：\(doc.voidReason)"))
        }
        for (key, n) in counts.sorted(by: { $0.key < $1.key }) {
            result.notes.append(lang.t("\(key): \(n) voided", "\(key)：作废 \(n) 张"))
        }
        return result
    }
}
