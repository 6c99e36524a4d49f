/// Output VAT (销项税) of posted sales less credit notes for one month, rate and currency (minor units).
public struct OutputVATRow: Hashable, Sendable {
    /// `YYYY-MM`.
    public var month: String
    public var rate: Rate
    public var currency: Currency
    public var net: Int64
    public var tax: Int64
    public init(month: String, rate: Rate, currency: Currency, net: Int64, tax: Int64) {
        self.month = month
        self.rate = rate
        self.currency = currency
        self.net = net
        self.tax = tax
    }
}

/// A report as a table of display strings, shared by the CLI (table/CSV/JSON) and the Reports screen, so both
/// show the same figures. Amount cells are plain numbers (`1234.50`).
public struct TradeTable: Sendable {
    public struct Column: Sendable {
        public var key: String
        public var english: String
        public var chinese: String
        public var isAmount: Bool
        public init(_ key: String, _ english: String, _ chinese: String, amount: Bool = false) {
            self.key = key
            self.english = english
            self.chinese = chinese
            self.isAmount = amount
        }
    }
    public var columns: [Column]
    public var rows: [[String]]
    /// One total row per currency.
    public var totals: [[String]]
}

/// The fapiao reports, computed from `SaleFapiaoPosition`s (one query) and `OutputVATRow`s (one query).
public enum FapiaoReports {
    public static let kinds = ["uninvoiced", "invoiced-unpaid", "output-vat", "to-issue"]

    static func amount(_ minor: Int64, _ currency: Currency) -> String {
        Money.format(minor, digits: currency.minorDigits, grouping: false)
    }

    /// 应收未开票: what is left to invoice per customer, by age since the sale date (days = as-of − sale date)
    /// in buckets 0–30, 31–60, 61–90, 91+ (`bounds`). 不开票 sales are left out.
    public static func uninvoiced(_ positions: [SaleFapiaoPosition], asOf: CivilDate,
                                  bounds: [Int] = [30, 60, 90]) -> TradeTable {
        var labels: [String] = []
        var lower = 0
        for b in bounds { labels.append("\(lower)-\(b)"); lower = b + 1 }
        labels.append("\(lower)+")
        var columns = [TradeTable.Column("customer", "customer", "客户"), TradeTable.Column("name", "name", "名称"),
                       TradeTable.Column("currency", "currency", "币种"),
                       TradeTable.Column("sales", "sales", "单数")]
        columns += labels.map { TradeTable.Column($0, "\($0) days", "\($0)天", amount: true) }
        columns.append(TradeTable.Column("total", "total", "合计", amount: true))
        struct Key: Hashable { var code: String; var currency: Currency }
        var groups: [Key: (name: String, count: Int, buckets: [Int64])] = [:]
        var order: [Key] = []
        for p in positions where p.leftToInvoice > 0 {
            let key = Key(code: p.customerCode, currency: p.currency)
            if groups[key] == nil { groups[key] = (p.customerName, 0,
                                                   Array(repeating: 0, count: labels.count)); order.append(key) }
            let age = p.date.days(to: asOf)
            let index = bounds.firstIndex { age <= $0 } ?? bounds.count
            groups[key]?.count += 1
            groups[key]?.buckets[index] += p.leftToInvoice
        }
        var rows: [[String]] = []
        var totals: [Currency: [Int64]] = [:]
        for key in order {
            guard let g = groups[key] else { continue }
            rows.append([key.code, g.name, key.currency.code, String(g.count)] + g.buckets.map { amount($0,
                                                                                                        key.currency) }
                        + [amount(g.buckets.reduce(0, +), key.currency)])
            var t = totals[key.currency] ?? Array(repeating: 0, count: labels.count + 1)
            t[0] += Int64(g.count)
            for (i, v) in g.buckets.enumerated() { t[i + 1] += v }
            totals[key.currency] = t
        }
        let totalRows = totals.sorted { $0.key.code < $1.key.code }.map { c, t in
            ["TOTAL", "", c.code, String(t[0])] + t.dropFirst().map { amount($0,
                                                                             c) } + [amount(t.dropFirst().reduce(0, +),
                                                                                            c)]
        }
        return TradeTable(columns: columns, rows: rows, totals: totalRows)
    }

    /// 已开票未收款: per customer, invoiced (blue less red), paid (receipts and write-offs, up to what was
    /// invoiced) and the difference. Payments settle invoiced amounts first.
    public static func invoicedUnpaid(_ positions: [SaleFapiaoPosition]) -> TradeTable {
        let columns = [TradeTable.Column("customer", "customer", "客户"), TradeTable.Column("name", "name", "名称"),
                       TradeTable.Column("currency", "currency", "币种"),
                       TradeTable.Column("invoiced", "invoiced", "已开票", amount: true),
                       TradeTable.Column("paid", "paid", "已收款", amount: true),
                       TradeTable.Column("unpaid", "invoiced unpaid", "已开票未收款", amount: true)]
        struct Key: Hashable { var code: String; var currency: Currency }
        var sums: [Key: (name: String, invoiced: Int64, unpaid: Int64)] = [:]
        var order: [Key] = []
        for p in positions where p.invoicedTotal > 0 {
            let key = Key(code: p.customerCode, currency: p.currency)
            if sums[key] == nil { sums[key] = (p.customerName, 0, 0); order.append(key) }
            sums[key]?.invoiced += p.invoicedTotal
            sums[key]?.unpaid += p.invoicedUnpaid
        }
        var rows: [[String]] = []
        var totals: [Currency: (Int64, Int64)] = [:]
        for key in order {
            guard let s = sums[key], s.unpaid > 0 else { continue }
            rows.append([key.code, s.name, key.currency.code, amount(s.invoiced, key.currency),
                         amount(s.invoiced - s.unpaid, key.currency), amount(s.unpaid, key.currency)])
            let t = totals[key.currency] ?? (0, 0)
            totals[key.currency] = (t.0 + s.invoiced, t.1 + s.unpaid)
        }
        let totalRows = totals.sorted { $0.key.code < $1.key.code }.map { c, t in
            ["TOTAL", "", c.code, amount(t.0, c), amount(t.0 - t.1, c), amount(t.1, c)]
        }
        return TradeTable(columns: columns, rows: rows, totals: totalRows)
    }

    /// 销项税 by month and rate (13 %, 9 %, 6 %, 3 %, 1 %, 0 %): sales less credit notes, as in `report sales`.
    public static func outputVAT(_ rows: [OutputVATRow]) -> TradeTable {
        let columns = [TradeTable.Column("month", "month", "月份"), TradeTable.Column("rate", "rate", "税率"),
                       TradeTable.Column("currency", "currency", "币种"),
                       TradeTable.Column("net", "net", "不含税金额", amount: true),
                       TradeTable.Column("tax", "output VAT", "销项税额", amount: true),
                       TradeTable.Column("total", "total", "价税合计", amount: true)]
        var totals: [Currency: (Int64, Int64)] = [:]
        let body = rows.map { r -> [String] in
            let t = totals[r.currency] ?? (0, 0)
            totals[r.currency] = (t.0 + r.net, t.1 + r.tax)
            return [r.month, r.rate.description, r.currency.code, amount(r.net, r.currency), amount(r.tax, r.currency),
                    amount(r.net + r.tax, r.currency)]
        }
        let totalRows = totals.sorted { $0.key.code < $1.key.code }.map { c, t in
            ["TOTAL", "", c.code, amount(t.0, c), amount(t.1, c), amount(t.0 + t.1, c)]
        }
        return TradeTable(columns: columns, rows: body, totals: totalRows)
    }

    /// To issue (待开票): every sale with something left to invoice and the buyer's details as a 专票 prints them
    /// (名称 = 开票抬头 or the customer name, 纳税人识别号, 地址电话, 开户行及账号), oldest
    /// first.
    public static func toIssue(_ positions: [SaleFapiaoPosition], details: [String: CustomerTaxDetails]) -> TradeTable {
        let columns = [TradeTable.Column("sale", "sale", "销售单"), TradeTable.Column("date", "date", "日期"),
                       TradeTable.Column("customer", "customer", "客户"),
                       TradeTable.Column("buyer", "buyer", "购买方名称"),
                       TradeTable.Column("tax_id", "taxpayer no.", "纳税人识别号"),
                       TradeTable.Column("address_phone", "address, phone", "地址电话"),
                       TradeTable.Column("bank", "bank, account", "开户行及账号"),
                       TradeTable.Column("currency", "currency", "币种"),
                       TradeTable.Column("amount", "amount", "待开金额", amount: true),
                       TradeTable.Column("tax", "tax", "税额", amount: true)]
        let open = positions.filter { $0.leftToInvoice > 0 }.sorted { ($0.date, $0.saleID) < ($1.date, $1.saleID) }
        var totals: [Currency: (Int64, Int64)] = [:]
        let rows = open.map { p -> [String] in
            let d = details[p.customerCode] ?? CustomerTaxDetails()
            let t = totals[p.currency] ?? (0, 0)
            totals[p.currency] = (t.0 + p.leftToInvoice, t.1 + p.leftTax)
            return [p.number, p.date.description, p.customerCode,
                    d.invoiceTitle.isEmpty ? p.customerName : d.invoiceTitle,
                    d.taxID, d.addressPhone, d.bankAccount, p.currency.code, amount(p.leftToInvoice, p.currency),
                    amount(p.leftTax, p.currency)]
        }
        let totalRows = totals.sorted { $0.key.code < $1.key.code }.map { c, t in
            ["TOTAL", "", "", "", "", "", "", c.code, amount(t.0, c), amount(t.1, c)]
        }
        return TradeTable(columns: columns, rows: rows, totals: totalRows)
    }

    /// The report named `report` (one of `kinds`; anything else gives `uninvoiced`) read from `queries`.
    public static func table(_ report: String, queries store: any LedgerQueries, asOf: CivilDate, from: CivilDate?,
                             to: CivilDate?,
                      customer: String?) throws -> TradeTable {
        switch report {
        case "output-vat": return FapiaoReports.outputVAT(try store.outputVAT(from: from, to: to))
        case "invoiced-unpaid": return FapiaoReports.invoicedUnpaid(try store.saleFapiaoPositions(asOf: asOf,
                                                                                                  customerCode: customer))
        case "to-issue":
            let positions = try store.saleFapiaoPositions(asOf: asOf, customerCode: customer)
            var details: [String: CustomerTaxDetails] = [:]
            for code in Set(positions.filter { $0.leftToInvoice > 0 }.map(\.customerCode)) {
                details[code] = try store.taxDetails(customerCode: code)
            }
            return FapiaoReports.toIssue(positions, details: details)
        default: return FapiaoReports.uninvoiced(try store.saleFapiaoPositions(asOf: asOf, customerCode: customer),
                                                 asOf: asOf)
        }
    }
}
