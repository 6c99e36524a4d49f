import LedgerCore

/// The fapiao reports as report tables (`report fapiao`, the Reports screen's fapiao tab), from
/// `SaleFapiaoPosition`s (one query) and `OutputVATRow`s (one query); one TOTAL row per currency
/// (`TotalRule.sumPerCurrency`).
public enum FapiaoTables {
    public static let kinds = ["uninvoiced", "invoiced-unpaid", "output-vat", "to-issue"]
    /// Invoiced sales passed one at a time to the closure it is given (a store cursor or an array), by customer
    /// code, date, id, so a report over a million sales holds only its per-customer sums.
    public typealias Feed = ((InvoicedSale) throws -> Void) throws -> Void

    /// `a + b` of one customer's sums, or `LedgerError.refused` naming the customer when it does not fit Int64.
    static func add(_ a: Int64, _ b: Int64, _ customer: String) throws -> Int64 {
        guard let sum = CheckedSum.add(a, b) else { throw tooLarge(customer) }
        return sum
    }

    static func tooLarge(_ customer: String) -> LedgerError {
        .refused("fapiao report: the sums of customer \(customer) are too large to add")
    }

    static func make(_ kind: String, _ columns: [ReportColumn], _ rows: [[ReportCell]]) -> ReportTable {
        ReportTable(name: "fapiao-\(kind)", columns: columns, rows: rows, totalRule: .sumPerCurrency(label: "TOTAL"))
    }

    static let customer = [ReportColumn("customer", .text, en: "Customer", zh: "客户"),
                           ReportColumn("name", .text, en: "Name", zh: "名称"),
                           ReportColumn("currency", .text, en: "Currency", zh: "币种")]

    /// 应收未开票: what is left to invoice per customer, by age since the sale date (days = as-of − sale date)
    /// in buckets 0–30, 31–60, 61–90, 91+ (`bounds`), from the store's sums (`TradeQueries.uninvoicedSums`, in
    /// its order). 不开票 sales are left out.
    public static func uninvoiced(_ sums: [UninvoicedSum],
                                  bounds: [Int] = Self.uninvoicedBounds) throws -> ReportTable {
        var labels: [String] = []
        var lower = 0
        for b in bounds { labels.append("\(lower)-\(b)"); lower = b + 1 }
        labels.append("\(lower)+")
        let columns = customer + [ReportColumn("sales", .count, en: "Sales", zh: "单数")]
            + labels.map { ReportColumn($0, .money, en: "\($0) days", zh: "\($0)天") }
            + [ReportColumn("total", .money, en: "Total", zh: "合计")]
        struct Key: Hashable { var code: String; var currency: Currency }
        var groups: [Key: (name: String, count: Int, buckets: [Int64])] = [:]
        var order: [Key] = []
        for sum in sums where labels.indices.contains(sum.bucket) {
            let key = Key(code: sum.customerCode, currency: sum.currency)
            if groups[key] == nil {
                groups[key] = (sum.customerName, 0, Array(repeating: 0, count: labels.count))
                order.append(key)
            }
            guard var group = groups[key] else { continue }
            group.count += sum.sales
            group.buckets[sum.bucket] = try add(group.buckets[sum.bucket], sum.amount, key.code)
            guard CheckedSum.of(group.buckets) != nil else { throw tooLarge(key.code) }
            groups[key] = group
        }
        let rows = order.compactMap { key -> [ReportCell]? in
            guard let g = groups[key] else { return nil }
            return [.text(key.code), .text(g.name), .text(key.currency.code), .count(g.count)]
                + (g.buckets + [CheckedSum.of(g.buckets) ?? 0]).map { .amount($0, key.currency) }
        }
        return make("uninvoiced", columns, rows)
    }

    /// The age bounds (days) of 应收未开票's buckets.
    public static let uninvoicedBounds = [30, 60, 90]

    /// 已开票未收款: per customer, invoiced (blue less red), paid (receipts and write-offs, up to what was
    /// invoiced) and the difference. Payments settle invoiced amounts first. `feed`: the store's invoiced sales
    /// (`TradeQueries.forEachInvoicedSale`) or positions' `invoicedSale`; sales with nothing invoiced are skipped.
    /// - Throws: `LedgerError.refused` when a customer's sums do not fit Int64, or what `feed` throws.
    public static func invoicedUnpaid(feed: Feed) throws -> ReportTable {
        let columns = customer + [ReportColumn("invoiced", .money, en: "Invoiced", zh: "已开票"),
                                  ReportColumn("paid", .money, en: "Paid", zh: "已收款"),
                                  ReportColumn("unpaid", .money, en: "Invoiced unpaid", zh: "已开票未收款")]
        struct Key: Hashable { var code: String; var currency: Currency }
        var sums: [Key: (name: String, invoiced: Int64, unpaid: Int64)] = [:]
        var order: [Key] = []
        try feed { p in
            guard p.invoiced > 0 else { return }
            let key = Key(code: p.customerCode, currency: p.currency)
            if sums[key] == nil { sums[key] = (p.customerName, 0, 0); order.append(key) }
            guard var sum = sums[key] else { return }
            sum.invoiced = try add(sum.invoiced, p.invoiced, key.code)
            sum.unpaid = try add(sum.unpaid, p.unpaid, key.code)
            sums[key] = sum
        }
        let rows = order.compactMap { key -> [ReportCell]? in
            guard let s = sums[key], s.unpaid > 0 else { return nil }
            return [.text(key.code), .text(s.name), .text(key.currency.code), .amount(s.invoiced, key.currency),
                    .amount(s.invoiced - s.unpaid, key.currency), .amount(s.unpaid, key.currency)]
        }
        return make("invoiced-unpaid", columns, rows)
    }

    /// 销项税 by month and rate (13 %, 9 %, 6 %, 3 %, 1 %, 0 %): sales less credit notes, as in `report sales`;
    /// a total beyond Int64 is left empty (checked, never a trap).
    public static func outputVAT(_ rows: [OutputVATRow]) -> ReportTable {
        let columns = [ReportColumn("month", .text, en: "Month", zh: "月份"),
                       ReportColumn("rate", .text, en: "Rate", zh: "税率"),
                       ReportColumn("currency", .text, en: "Currency", zh: "币种"),
                       ReportColumn("net", .money, en: "Net", zh: "不含税金额"),
                       ReportColumn("tax", .money, en: "Output VAT", zh: "销项税额"),
                       ReportColumn("total", .money, en: "Total", zh: "价税合计")]
        return make("output-vat", columns, rows.map { r in
            [.text(r.month), .text(r.rate.description), .text(r.currency.code), .amount(r.net, r.currency),
             .amount(r.tax, r.currency), CheckedSum.add(r.net, r.tax).map { .amount($0, r.currency) } ?? .empty]
        })
    }

    /// To issue (待开票): every sale with something left to invoice and the buyer's details as a 专票 prints them
    /// (名称 = 开票抬头 or the customer name, 纳税人识别号, 地址电话, 开户行及账号), oldest
    /// first: `positions` in (date, id) order, as `Reports.fapiaoToIssue` reads them.
    public static func toIssue(_ positions: [SaleFapiaoPosition],
                               details: [String: CustomerTaxDetails]) -> ReportTable {
        var table = toIssueEmpty
        table.rows = positions.filter { $0.leftToInvoice > 0 }.map { toIssueRow($0, details[$0.customerCode]) }
        return table
    }

    /// The to-issue table without rows (name, columns, total rule), for a streamed listing (`ReportStream`).
    public static var toIssueEmpty: ReportTable {
        make("to-issue", [ReportColumn("sale", .text, en: "Sale", zh: "销售单"),
                          ReportColumn("date", .text, en: "Date", zh: "日期"),
                          ReportColumn("customer", .text, en: "Customer", zh: "客户"),
                          ReportColumn("buyer", .text, en: "Buyer", zh: "购买方名称"),
                          ReportColumn("tax_id", .text, en: "Taxpayer no.", zh: "纳税人识别号"),
                          ReportColumn("address_phone", .text, en: "Address, phone", zh: "地址电话"),
                          ReportColumn("bank", .text, en: "Bank, account", zh: "开户行及账号"),
                          ReportColumn("currency", .text, en: "Currency", zh: "币种"),
                          ReportColumn("amount", .money, en: "Amount", zh: "待开金额"),
                          ReportColumn("tax", .money, en: "Tax", zh: "税额")], [])
    }

    /// One sale's to-issue row; `details`: its customer's (nil: none set).
    public static func toIssueRow(_ p: SaleFapiaoPosition, _ details: CustomerTaxDetails?) -> [ReportCell] {
        let d = details ?? CustomerTaxDetails()
        return [.text(p.number), .text(p.date.description), .text(p.customerCode),
                .text(d.invoiceTitle.isEmpty ? p.customerName : d.invoiceTitle), .text(d.taxID), .text(d.addressPhone),
                .text(d.bankAccount), .text(p.currency.code), .amount(p.leftToInvoice, p.currency),
                .amount(p.leftTax, p.currency)]
    }

    /// Sales read per keyset page of the to-issue list.
    public static let toIssuePage = 5_000
    /// Rows the Reports screen keeps of the to-issue list while it is filtered (its totals count every row).
    public static let toIssueShown = 2_000
}

extension Reports {
    /// The fapiao report `kind` (one of `FapiaoTables.kinds`; anything else gives `uninvoiced`), read in one
    /// snapshot: as of `asOf` for one customer or all, output VAT over `from...to`. - Throws: `LedgerError.storage`
    /// (`LedgerError.refused` when a customer's sums do not fit Int64).
    public func fapiao(_ kind: String, asOf: CivilDate, from: CivilDate?, to: CivilDate?,
                       customer: String? = nil) throws -> ReportTable {
        try fapiaoPage(kind, asOf: asOf, from: from, to: to, customer: customer, page: .all).table
    }

    /// A page of the fapiao report `kind` (the Reports screen's fapiao tab, issue 10): the rows
    /// `page.offset ..< page.offset + page.limit` of the table `fapiao` gives, its total rows over every row
    /// (`TotalRule.given` when rows are left out) and the whole table's row count. The to-issue list (a row per
    /// sale) is streamed and only the page's rows are kept; the others are a few rows per customer, made whole
    /// by the same query and cut. - Throws: as `fapiao`.
    public func fapiaoPage(_ kind: String, asOf: CivilDate, from: CivilDate?, to: CivilDate?, customer: String? = nil,
                           page: PageRequest) throws -> (table: ReportTable, rowCount: Int) {
        let end = page.offset.addingReportingOverflow(page.limit)
        let rows = page.offset ..< (end.overflow ? Int.max : end.partialValue)
        return try store.readSnapshot {
            var table: ReportTable
            var count = 0
            switch kind {
            case "output-vat": table = FapiaoTables.outputVAT(try store.outputVAT(from: from, to: to))
            case "invoiced-unpaid":
                table = try FapiaoTables.invoicedUnpaid(feed: {
                    try store.forEachInvoicedSale(asOf: asOf, customerCode: customer, $0)
                })
            case "to-issue":
                table = FapiaoTables.toIssueEmpty
                var sums = TotalSums(columns: table.columns, rule: table.totalRule)
                try fapiaoToIssue(asOf: asOf, customer: customer) { row in
                    if rows.contains(count) { table.rows.append(row) }
                    sums.add(row)
                    count += 1
                }
                if table.rows.count < count { table.totalRule = .given(sums.rows) }
                return (table, count)
            default:
                table = try FapiaoTables.uninvoiced(try store.uninvoicedSums(
                    asOf: asOf, customerCode: customer, bounds: FapiaoTables.uninvoicedBounds))
            }
            count = table.rows.count
            let kept = rows.clamped(to: 0 ..< count)
            if kept.count < count {
                table.totalRule = .given(table.totals)
                table.rows = Array(table.rows[kept])
            }
            return (table, count)
        }
    }
}

extension Reports {
    /// The to-issue list's rows (`FapiaoTables.toIssueRow`), oldest sale first, read in keyset pages of `pageSize`
    /// sales in one snapshot and passed to `row` one at a time, so a million sales are never held.
    /// - Throws: what `row` throws, or `LedgerError.storage`.
    public func fapiaoToIssue(asOf: CivilDate, customer: String? = nil, pageSize: Int = FapiaoTables.toIssuePage,
                              _ row: ([ReportCell]) throws -> Void) throws {
        try store.readSnapshot {
            var details: [String: CustomerTaxDetails] = [:]
            var after: (date: CivilDate, id: Int64)?
            repeat {
                let page = try store.saleFapiaoPositions(asOf: asOf, customerCode: customer, after: after,
                                                         limit: pageSize)
                for p in page where p.leftToInvoice > 0 {
                    if details[p.customerCode] == nil {
                        details[p.customerCode] = try store.taxDetails(customerCode: p.customerCode)
                            ?? CustomerTaxDetails()
                    }
                    try row(FapiaoTables.toIssueRow(p, details[p.customerCode]))
                }
                after = page.count < pageSize ? nil : page.last.map { ($0.date, $0.saleID) }
            } while after != nil
        }
    }
}
