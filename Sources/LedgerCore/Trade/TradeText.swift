/// Chinese texts of the fapiao and trade-practice messages. Commands write English `FieldIssue` messages (the
/// audit log and tests read them); `chinese(_:)` gives the Chinese UI's text for the CLI (`--lang zh`) and the
/// screens, or nil when the message is not one of these.
public enum TradeText {
    /// Field names as a Chinese user knows them.
    public static let fieldNames: [String: String] = [
        "taxID": "纳税人识别号", "invoiceTitle": "开票抬头", "addressPhone": "地址电话",
        "bankAccount": "开户行及账号",
        "customer": "客户", "number": "发票号码", "code": "发票代码", "type": "发票类型",
        "amount": "金额", "tax": "税额",
        "date": "日期", "sales": "销售单", "creditNote": "红字冲销单", "original": "原发票",
        "confirmation": "红字确认单",
        "rate": "提成比例", "basis": "提成基数", "salesperson": "业务员", "start": "起始日期",
        "bill": "承兑汇票",
        "maturity": "到期日", "bank": "出票银行", "statement": "对账单", "reply": "回函",
    ]

    static let patterns = PatternTable([
        (#"^taxpayer number has (\d+) characters; .*$"#,
         "纳税人识别号为 $1 位，应为 18 位统一社会信用代码（或旧的 15 位、20 位税号）"),
        (#"^taxpayer number has an invalid character '(.*)' at position (\d+)$"#,
         "纳税人识别号第 $2 位字符 '$1' 无效"),
        (#"^taxpayer number check character is '(.*)' but should be '(.*)' .*$"#,
         "纳税人识别号校验位为 '$1'，按 GB 32100-2015 应为 '$2'，请检查是否输错"),
        (#"^is longer than (\d+) characters$"#, "超过 $1 个字符"),
        (#"^unknown customer code (.*)$"#, "未知客户编码 $1"),
        (#"^is required$"#, "必填"),
        (#"^must be greater than 0$"#, "必须大于 0"),
        (#"^a (.*) number has (\d+) digits; got '(.*)'$"#, "$1号码应为 $2 位数字，输入的是 '$3'"),
        (#"^a paper fapiao code has 10 or 12 digits; got '(.*)'$"#,
         "纸质发票代码应为 10 位或 12 位数字，输入的是 '$1'"),
        (#"^is required for a paper \S+ fapiao \((.*)\)$"#, "纸质$1必须填写发票代码（10 位或 12 位数字）"),
        (#"^a 数电 fapiao has no separate code$"#, "数电发票没有单独的发票代码"),
        (#"^fapiao (.*) is already recorded$"#, "发票 $1 已登记，不能重复"),
        (#"^(\S+) has (\S+) left to invoice; (\S+) is more$"#, "$1 剩余可开票金额 $2，不能开 $3"),
        (#"^(\S+) is marked 不开票$"#, "$1 已设为不开票"),
        (#"^(\S+) belongs to another customer$"#, "$1 属于其他客户"),
        (#"^(\S+) is not a posted sale$"#, "$1 不是已过账的销售单"),
        (#"^no fapiao (.*)$"#, "找不到发票 $1"),
        (#"^a (\S+) needs the buyer's taxpayer number; customer (.*) has none$"#,
         "$1须有购买方纳税人识别号，客户 $2 未登记"),
        (#"^tax (\S+) is more than the amount (\S+)$"#, "税额 $1 超过金额 $2"),
    ])

    /// The Chinese text of an English trade message, or nil.
    public static func chinese(_ message: String) -> String? { patterns.translate(message) }

    /// A field issue for a Chinese user: `纳税人识别号: …` (the English issue when no translation is known).
    public static func chinese(_ issue: FieldIssue) -> String {
        let path = fieldNames[issue.path] ?? issue.path
        return "\(path): \(chinese(issue.message) ?? issue.message)"
    }
}
