import Foundation
import LedgerCore

/// The chart-of-accounts mapping for voucher export: which account code each posting goes to.
///
/// Codes are kept dotted (`2221.01.01`) and written undotted (`22210101`) for targets that want that (用友).
/// Presets follow 企业会计准则 (CAS) and 小企业会计准则 (SBAS, 2013), as in shared/docs/cn-finance.md §2: receivable
/// 1122 (customer as 辅助核算), revenue 6001 / 5001, output VAT 2221.01.01, advances 2203, bad debts 1231 (CAS
/// allowance) / 5711 (SBAS 营业外支出), exchange differences 6603 / 5603 (财务费用),
/// receipts 1001 cash, 1002 bank, 1012 WeChat/Alipay, 1121 acceptance bills.
/// A TOML file (`--map`) starts from a preset and overrides any code, per product category, channel or method.
public struct AccountMap: Sendable, Equatable {
    public enum Standard: String, Sendable, CaseIterable { case cas, sbas }

    public var standard: Standard
    public var receivable: String
    public var revenue: String
    public var outputVAT: String
    public var advances: String
    public var badDebt: String
    /// 财务费用—汇兑损益: the difference between the rate a foreign-currency receivable was booked at (the invoice's)
    /// and the rate it was settled at (the receipt's). CAS 6603, SBAS 5603 (both 财务费用).
    public var exchangeDifference: String
    /// Receipt method raw value (`cash`, `bank_transfer`, `wechat_pay`, `acceptance_bill` …) → account.
    public var receiptMethods: [String: String]
    /// 结算方式 written for a receipt method (the target's 结算方式 names; a method not listed is written as stored).
    public var settlementNames: [String: String] = [
        "cash": "现金", "bank_transfer": "转账", "cheque": "支票", "card": "银行卡", "wechat_pay": "微信",
        "alipay": "支付宝", "acceptance_bill": "银行承兑汇票", "other": "其他",
    ]
    /// Used for a method not in `receiptMethods`.
    public var receiptDefault: String
    /// Revenue account per product category, then per channel (category wins).
    public var revenueByCategory: [String: String] = [:]
    public var revenueByChannel: [String: String] = [:]
    /// Output VAT account per product category (e.g. a separate 简易计税 account).
    public var vatByCategory: [String: String] = [:]
    /// Account names (科目名称) by dotted code, for targets with a name column.
    public var names: [String: String]
    /// nil: the target decides (Kingdee dotted, Yonyou undotted).
    public var dotted: Bool?
    /// Book receipt credit not applied on the receipt's date to advances (预收账款) and move it to the receivable
    /// when applied; false (default) keeps everything on the receivable.
    public var advancesSeparate = false

    public static func preset(_ standard: Standard) -> AccountMap {
        let cas = standard == .cas
        return AccountMap(
            standard: standard, receivable: "1122", revenue: cas ? "6001" : "5001", outputVAT: "2221.01.01",
            advances: "2203", badDebt: cas ? "1231" : "5711", exchangeDifference: cas ? "6603" : "5603",
            receiptMethods: ["cash": "1001", "bank_transfer": "1002", "cheque": "1002", "card": "1002",
                             "wechat_pay": "1012", "alipay": "1012", "acceptance_bill": "1121", "other": "1002"],
            receiptDefault: "1002",
            names: ["1001": "库存现金", "1002": "银行存款", "1012": "其他货币资金", "1121": "应收票据", "1122": "应收账款",
                    "1231": "坏账准备", "2203": "预收账款", "2221": "应交税费", "2221.01": "应交增值税",
                    "2221.01.01": "销项税额", "6001": "主营业务收入", "5001": "主营业务收入", "5711": "营业外支出",
                    "6711": "营业外支出", "6603": "财务费用", "5603": "财务费用"])
    }

    /// The revenue account of a document part.
    public func revenueAccount(category: String, channel: String) -> String {
        revenueByCategory[category] ?? revenueByChannel[channel] ?? revenue
    }

    public func vatAccount(category: String) -> String { vatByCategory[category] ?? outputVAT }

    public func receiptAccount(method: String) -> String { receiptMethods[method] ?? receiptDefault }

    /// The 结算方式 of a receipt method ("" stays "").
    public func settlementName(_ method: String) -> String { settlementNames[method] ?? method }

    /// `code` as the target writes it.
    public func written(_ code: String, targetDotted: Bool) -> String {
        (dotted ?? targetDotted) ? code : code.replacingOccurrences(of: ".", with: "")
    }

    public func name(of code: String) -> String { names[code] ?? "" }
}
