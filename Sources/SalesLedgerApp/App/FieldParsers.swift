import LedgerCore
import TerminalUI

/// Field parsers for the toolkit's forms, built on the ledger's strict parsers (money, dates, quantities).
enum FieldParsers {
    static func money(_ currency: Currency, _ s: Strings)
        -> @Sendable (String) -> Result<FieldValue, TerminalUI.FieldIssue> {
        { text in
            if text.trimmingCharacters(in: .whitespaces).isEmpty { return .success(.empty) }
            do { return .success(.integer(try MoneyParser.parse(text, currency: currency).minorUnits)) } catch {
                return .failure(TerminalUI.FieldIssue(String(describing: error)))
            }
        }
    }

    static func date(_ today: CivilDate) -> @Sendable (String) -> Result<FieldValue, TerminalUI.FieldIssue> {
        { text in
            if text.trimmingCharacters(in: .whitespaces).isEmpty { return .success(.empty) }
            do {
                let d = try DateParser.parse(text, today: today)
                return .success(.date(year: d.year, month: d.month, day: d.day))
            } catch {
                return .failure(TerminalUI.FieldIssue(String(describing: error)))
            }
        }
    }

    static func methodName(_ method: PaymentMethod, _ s: Strings) -> String {
        switch method {
        case .cash: return s.t("Cash", "现金")
        case .bankTransfer: return s.t("Bank transfer", "银行转账")
        case .cheque: return s.t("Cheque", "支票")
        case .card: return s.t("Card", "刷卡")
        case .wechatPay: return s.t("WeChat Pay", "微信支付")
        case .alipay: return s.t("Alipay", "支付宝")
        case .acceptanceBill: return s.t("Acceptance bill", "承兑汇票")
        case .other: return s.t("Other", "其他")
        }
    }
}
