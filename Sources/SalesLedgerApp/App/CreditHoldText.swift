import LedgerCore
import TerminalUI

/// The one-line credit-hold banner (信用冻结) of Sales entry: the reasons in full when they fit, else in a short form
/// whose figures are whole (issue 12: a number is never cut); reasons that still do not fit are counted (`+1`).
enum CreditHoldText {
    /// `prefix` and the reasons, at most `width` cells (the first short reason is kept whole even when wider).
    static func banner(_ reasons: [CreditHoldReason], prefix: String, width: Int, strings s: Strings) -> String {
        let full = prefix + reasons.map { s.core($0.message) }.joined(separator: s.t("; ", "；"))
        guard DisplayWidth.of(full) > width else { return full }
        let parts = reasons.map { short($0, s) }
        var text = prefix + (parts.first ?? "")
        for (i, part) in parts.enumerated().dropFirst() {
            let rest = parts.count - i - 1
            let more = rest > 0 ? " +\(rest)" : ""
            let candidate = text + s.t("; ", "；") + part
            if DisplayWidth.of(candidate + more) <= width { text = candidate; continue }
            return text + " +\(parts.count - i)"
        }
        return text
    }

    /// A reason in a few words: its figures, the limit and the invoice.
    static func short(_ reason: CreditHoldReason, _ s: Strings) -> String {
        func money(_ minor: Int64, _ c: Currency) -> String {
            Money.format(minor, digits: c.minorDigits, grouping: true)
        }
        switch reason {
        case let .overLimit(balance, limit, c):
            return s.t("balance \(money(balance, c)) > limit \(money(limit, c)) \(c.code)",
                       "余额 \(money(balance, c)) 超出信用额度 \(money(limit, c)) \(c.code)")
        case let .stopCredit(invoice, days, _):
            return s.t("\(invoice) \(days) days overdue", "\(invoice) 已逾期 \(days) 天")
        case let .overLimitWithBills(exposure, _, limit, c):
            return s.t("balance+bills \(money(exposure, c)) > limit \(money(limit, c)) \(c.code)",
                       "余额加汇票 \(money(exposure, c)) 超出信用额度 \(money(limit, c)) \(c.code)")
        }
    }
}
