import LedgerCore

/// Aging reports as tables. By bucket (no grouping): bucket, amount, count, with the unapplied credits as a
/// negative row, so the total row (its rule) is the net receivable. Grouped (customer, salesperson, region,
/// channel): key, name, one money column per bucket, credits (negative) and total per group; one TOTAL row per
/// currency. Bucket titles are the report's labels in English and 逾期…天 in Chinese.
public enum AgingTable {
    /// One currency's aging by bucket; the total row reads `total`.
    public static func buckets(_ report: AgingReport) -> ReportTable {
        let c = report.currency
        var rows: [[ReportCell]] = report.buckets.map { [.text($0.label), .amount($0.amount, c), .count($0.count)] }
        rows.append([.text("unapplied credits"), .amount(report.unappliedCreditsShown, c), .empty])
        let byInvoiceDate = isByInvoiceDate(report.buckets.map(\.label))
        var terms = Dictionary(report.buckets.map { ($0.label, zhBucket($0.label, byInvoiceDate: byInvoiceDate)) },
                               uniquingKeysWith: { a, _ in a })
        terms["unapplied credits"] = "未核销预收"
        return ReportTable(name: "aging", columns: [ReportColumn("bucket", .text, en: "Bucket", zh: "账龄",
                                                                 termsZH: terms),
                                                    ReportColumn("amount", .money, en: "Amount", zh: "金额"),
                                                    ReportColumn("count", .count, en: "Count", zh: "笔数")],
                           rows: rows, totalRule: .sumPerCurrency(label: "total"),
                           notes: [byInvoiceDate
                                   ? "Aging as of \(report.asOf) (\(c.code)) by invoice date; "
                                       + "days = as-of − invoice date"
                                   : "Aging as of \(report.asOf) (\(c.code)); days overdue = as-of − due date"])
    }

    /// Whether `labels` are those of aging by invoice date (`AgingBuckets.invoiceDateLabels`: the first is `0-N`).
    static func isByInvoiceDate(_ labels: [String]) -> Bool { labels.first?.hasPrefix("0-") == true }

    /// A bucket's Chinese title: 逾期1-30天 by due date; 0-30天 (days since the invoice, not overdue) by invoice date.
    static func zhBucket(_ label: String, byInvoiceDate: Bool) -> String {
        byInvoiceDate ? "\(label)天" : StatementWords(chinese: true).bucket(label)
    }

    /// A page of the aging grouped by `grouping` (`Reports.aging(…page:)`): the page's rows; the TOTAL row of
    /// each currency is the whole report's (its bucket totals and credits), not the sum of the rows shown.
    public static func grouped(_ page: AgingPage, by grouping: AgingGrouping) -> ReportTable {
        var table = grouped(page.reports, by: grouping)
        guard page.page != nil else { return table }
        table.totalRule = .given(page.reports.map { report in
            func money(_ minor: Int64) -> ReportCell { .amount(minor, report.currency) }
            let credits = grouping == .customer ? report.unappliedCredits : 0
            return [.text("TOTAL"), .empty] + report.buckets.map { money($0.amount) }
                + [money(UnappliedCreditSign.shown(credits)), money(report.openTotal - credits)]
        })
        return table
    }

    /// Aging grouped by `grouping`, the reports of every currency in one table (one TOTAL row per currency).
    public static func grouped(_ reports: [AgingReport], by grouping: AgingGrouping) -> ReportTable {
        let labels = reports.first?.buckets.map(\.label) ?? AgingBuckets.standard.labels
        let en = StatementWords(chinese: false), byInvoiceDate = isByInvoiceDate(labels)
        // Documents without a salesperson, region or channel: an empty code in CSV and JSON (it is data: a
        // program reads "no salesperson", and "(none)" could be a real code), named in the table and on screen.
        let blank = grouping == .customer ? [:] : ["": "(none)"]
        var columns = [ReportColumn(grouping.rawValue, .text, en: "Code", zh: "编码",
                                    termsZH: blank.mapValues { _ in "（未指定）" }, termsEN: blank),
                       ReportColumn("name", .text, en: "Name", zh: "名称")]
        columns += labels.map {
            ReportColumn($0, .money, en: en.bucket($0), zh: zhBucket($0, byInvoiceDate: byInvoiceDate))
        }
        columns += [ReportColumn("credits", .money, en: "Credits", zh: "未核销预收"),
                    ReportColumn("total", .money, en: "Total", zh: "合计")]
        var rows: [[ReportCell]] = []
        for report in reports {
            func money(_ minor: Int64) -> ReportCell { .amount(minor, report.currency) }
            for g in report.groups {
                rows.append([.text(g.key), .text(g.label)] + g.amounts.map(money)
                    + [money(UnappliedCreditSign.shown(g.credits)), money(g.total)])
            }
        }
        return ReportTable(name: "aging-by-\(grouping.rawValue)", columns: columns, rows: rows,
                           totalRule: .sumPerCurrency(label: "TOTAL"))
    }
}
