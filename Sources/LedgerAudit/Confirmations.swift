import Foundation
import LedgerCore

/// Form of a confirmation letter (函证): positive asks for a reply in every case (large balances), negative only
/// when the customer disagrees (small balances) — cn-finance §6.4.
public enum ConfirmationForm: String, Sendable, CaseIterable, Codable { case positive, negative }

/// One open invoice on a letter (minor units of the letter's currency).
public struct ConfirmationLine: Hashable, Sendable {
    public var number: String
    public var date: CivilDate
    public var dueDate: CivilDate
    public var total: Int64
    public var open: Int64
}

/// A confirmation letter (询证函) for one customer as of a date: its open invoices, its unapplied credit and the
/// balance, which equals `ReceivablesSnapshot.customerBalance` as of the date.
public struct ConfirmationLetter: Hashable, Sendable {
    public var customer: Customer
    public var asOf: CivilDate
    public var form: ConfirmationForm
    public var lines: [ConfirmationLine]
    /// Receipts and credit notes not yet applied, minor units, ≥ 0.
    public var unappliedCredit: Int64
    public var balance: Int64
    public var currency: Currency { customer.currency }
}

/// Letters, replies and the summary of a confirmation round. Letters sent and replies are audit-log entries
/// (`audit.confirm.send`, `audit.confirm.reply`), so the round needs no table of its own.
public enum Confirmations {
    /// Letters as of `asOf` for `customerCodes` (all customers with a balance when nil, by code) whose balance is
    /// at least `minBalance` in absolute value (minor units), read in one snapshot without loading the ledger
    /// (issue 10): each customer's open invoices and unapplied credits as of the date in its currency — per
    /// customer on its index for the codes given, else the ledger's open set once — and the balance = open
    /// invoices − unapplied credit (`ReceivablesSnapshot.customerBalance` as of the date).
    /// - Throws: `LedgerError.validation` naming an unknown code; `LedgerError.storage`.
    public static func letters(
        store: any LedgerQueries, asOf: CivilDate, customerCodes: [String]?, minBalance: Int64,
        form: ConfirmationForm
    ) throws -> [ConfirmationLetter] {
        try store.readSnapshot {
            var chosen: [Customer] = []
            var items: [Int64: [OpenItem]] = [:]
            var credits: [Int64: [UnappliedCredit]] = [:]
            if let customerCodes {
                var issues = IssueCollector()
                for code in customerCodes {
                    guard let customer = try store.customer(code: code) else {
                        issues.add("customers", "unknown customer code \(code)")
                        continue
                    }
                    chosen.append(customer)
                    items[customer.id] = try store.openItems(asOf: asOf, customerID: customer.id)
                    credits[customer.id] = try store.unappliedCredits(asOf: asOf, customerID: customer.id)
                }
                try issues.throwIfAny()
            } else {
                items = Dictionary(grouping: try store.openItems(asOf: asOf), by: \.customerID)
                credits = Dictionary(grouping: try store.unappliedCredits(asOf: asOf), by: \.customerID)
                var codes = Set(items.values.compactMap(\.first?.customerCode))
                codes.formUnion(credits.values.compactMap(\.first?.customerCode))
                chosen = try codes.sorted().compactMap { try store.customer(code: $0) }
            }
            return try chosen.compactMap { customer in
                let open = (items[customer.id] ?? []).filter { $0.currency == customer.currency }
                let unapplied = try sum((credits[customer.id] ?? []).filter { $0.currency == customer.currency }
                    .map(\.amount), customer)
                let (balance, overflow) = try sum(open.map(\.open), customer)
                    .subtractingReportingOverflow(unapplied)
                guard !overflow else { throw LedgerError.storage("customer \(customer.code): balance overflows") }
                if customerCodes == nil && balance == 0 { return nil }
                guard balance.magnitude >= minBalance.magnitude else { return nil }
                let lines = open.map {
                    ConfirmationLine(number: $0.number, date: $0.date, dueDate: $0.dueDate, total: $0.total,
                                     open: $0.open)
                }
                return ConfirmationLetter(customer: customer, asOf: asOf, form: form, lines: lines,
                                          unappliedCredit: unapplied, balance: balance)
            }
        }
    }

    /// `amounts` added, checked. - Throws: `LedgerError.storage` naming the customer on overflow.
    private static func sum(_ amounts: [Int64], _ customer: Customer) throws -> Int64 {
        var total: Int64 = 0
        for amount in amounts {
            let (next, overflow) = total.addingReportingOverflow(amount)
            guard !overflow else { throw LedgerError.storage("customer \(customer.code): amounts overflow") }
            total = next
        }
        return total
    }

    /// The letter's text in Chinese or English, with the reply part (数据证明无误 / 数据不符).
    public static func render(_ letter: ConfirmationLetter, language lang: AuditLanguage) -> String {
        let c = letter.currency
        func m(_ v: Int64) -> String { Money.format(v, digits: c.minorDigits, grouping: true) }
        var out: [String] = []
        out.append(lang.t("ACCOUNTS RECEIVABLE CONFIRMATION (询证函)", "企业询证函"))
        out.append(
            lang.t("Reference: \(letter.customer.code)-\(letter.asOf)",
                   "编号：\(letter.customer.code)-\(letter.asOf)"))
        out.append("")
        out.append(
            lang.t(
                "To: \(letter.customer.name) (\(letter.customer.code))",
                "致：\(letter.customer.name)（\(letter.customer.code)）"))
        if !letter.customer.address.isEmpty { out.append(lang.t("Address: ", "地址：") + letter.customer.address) }
        out.append("")
        out.append(
            lang.t(
                "Our auditors are reviewing our accounts. Please confirm the balance you owed us as of \(letter.asOf).",
                "本公司正在进行定期审计，按照惯例，请核对截至 \(letter.asOf) "
                + "贵公司与本公司的往来款项。"))
        switch letter.form {
        case .positive:
            out.append(
                lang.t(
                    "Whether or not it agrees with your records, please sign and return the reply part below "
                        + "(如无异议请签章寄回).",
                    "下列数据出自本公司账簿，如与贵公司记录相符，请在“数据证明无误”处签章证明；如有不符，请在“数据不符”处列明不符金额。如无异议请签章寄回。"))
        case .negative:
            out.append(
                lang.t(
                    "If it agrees with your records, no reply is needed; if not, please state the difference below and "
                        + "return it.",
                    "如与贵公司记录相符，无须回复；如有不符，请在“数据不符”处列明不符金额并签章寄回。"))
        }
        out.append("")
        out.append(
            lang.t(
                "Balance owed to us as of \(letter.asOf): \(m(letter.balance)) \(c.code)",
                "截至 \(letter.asOf) 贵公司欠本公司：\(m(letter.balance)) \(c.code)"))
        out.append("")
        out.append(lang.t("Open invoices:", "未核销销售单："))
        out.append(
            lang.t(
                "  number            date        due         total            open",
                "  单据号            日期        到期日      金额             未核销金额"))
        for line in letter.lines {
            out.append(
                "  \(pad(line.number, 16))  \(line.date)  \(line.dueDate)  \(left(m(line.total), 15))  "
                    + "\(left(m(line.open), 15))"
            )
        }
        if letter.unappliedCredit != 0 {
            out.append(
                lang.t(
                    "  less receipts and credit notes not yet applied: \(m(letter.unappliedCredit))",
                    "  减：尚未核销的收款及红字冲销：\(m(letter.unappliedCredit))"))
        }
        out.append("")
        out.append(String(repeating: "-", count: 60))
        out.append(
            lang.t(
                "REPLY (回执) — \(letter.customer.code), as of \(letter.asOf)",
                "回执 — \(letter.customer.code)，截至 \(letter.asOf)"))
        out.append(
            lang.t(
                "1. The above is correct (数据证明无误).          Signature/stamp: ________  Date: ________",
                "1. 数据证明无误。                    签章：________  日期：________"))
        out.append(
            lang.t(
                "2. The above is not correct (数据不符). Our balance: ________  Difference: ________",
                "2. 数据不符。贵公司记录余额：________  差异金额：________"))
        out.append(
            lang.t(
                "   Details of the difference: ______________________________  Signature/stamp: ________",
                "   请列明不符的详细情况：______________________________  签章：________"))
        return out.joined(separator: "\n") + "\n"
    }

    static func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
    static func left(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
}
