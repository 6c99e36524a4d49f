import LedgerCore

extension Strings {
    /// A number-parsing error in the UI language (so a Chinese message is not half English).
    func decimalError(_ error: DecimalTextError) -> String {
        guard zh else { return error.description }
        switch error {
        case .empty: return "不能为空"
        case let .invalidCharacter(c): return "含有无效字符 '\(TextSafety.terminalSafe(String(c)))'"
        case .misplacedGrouping: return "千分位逗号位置不对"
        case let .tooManyDecimals(found, allowed):
            return allowed == 0 ? "必须是整数（有 \(found) 位小数）" : "有 \(found) 位小数，最多 \(allowed) 位"
        case .overflow: return "过大"
        case .noDigits: return "没有数字"
        case let .beyondLimit(bound): return "过大（最多 \(bound)）"
        }
    }

    /// Chinese forms of the bound, text-safety and storage messages of issue 12 (used by `core`).
    static let safetyPatterns: [(String, String)] = [
        (#"^amount '(.*)' is too large \(at most (.*)\)$"#, "金额 '$1' 过大（最多 $2）"),
        (#"^quantity must be at most (.*)$"#, "数量最多为 $1"),
        (#"^unit price must be at most (.*)$"#, "单价最多为 $1"),
        (#"^amount must be at most (.*)$"#, "金额最多为 $1"),
        (#"^must be at most (.*)$"#, "最多为 $1"),
        (#"^line total with tax is too large \(at most (.*)\)$"#, "行价税合计过大（最多 $1）"),
        (#"^document total is too large \(at most (.*)\)$"#, "单据合计过大（最多 $1）"),
        (#"^the document total is 0; there is nothing to post$"#, "单据合计为 0，不能过账"),
        (#"^quantity must be greater than 0$"#, "数量必须大于0"),
        (#"^unit price must be 0 or more$"#, "单价不能为负数"),
        (#"^at least one line is required$"#, "至少需要一行"),
        (#"^a product or a description is required$"#, "需要商品或摘要"),
        (#"^unit price is required$"#, "单价必填"),
        (#"^amount must be greater than 0$"#, "金额必须大于0"),
        (#"^contains the control character (U\+[0-9A-F]+)$"#, "含有控制字符 $1"),
        (#"^contains the zero-width character (U\+[0-9A-F]+)$"#, "含有零宽字符 $1"),
        (#"^contains the bidirectional control (U\+[0-9A-F]+)$"#, "含有双向文本控制字符 $1"),
        (#"^contains the invisible character (U\+[0-9A-F]+)$"#, "含有不可见字符 $1"),
        (#"^must not contain spaces.*$"#, "不能包含空格"),
        (#"^is longer than (\d+) characters$"#, "超过 $1 个字符"),
        (#"^quantity '(.*)' is too large \(at most (.*)\)$"#, "数量 '$1' 过大（最多 $2）"),
        (#"^quantity '(.*)' has an invalid character '(.*)'$"#, "数量 '$1' 含有无效字符 '$2'"),
        (#"^quantity '(.*)' has (\d+) decimal places; at most (\d+) allowed$"#, "数量 '$1' 有 $2 位小数，最多 $3 位"),
        (#"^quantity '(.*)' is empty$"#, "数量不能为空"),
        (#"^quantity '(.*)' has no digits$"#, "数量 '$1' 没有数字"),
        (#"^quantity '(.*)' has a misplaced thousands separator ','$"#, "数量 '$1' 的千分位逗号位置不对"),
        (#"^(discount|tax rate) '(.*)' has an invalid character '(.*)'$"#, "比率 '$2' 含有无效字符 '$3'"),
        (#"^(discount|tax rate) '(.*)' (is empty|has no digits|has .*)$"#, "比率 '$2' 无效"),
        (#"^'(.*)' is not SKU:QTY\[:PRICE\[:DISCOUNT%\[:TAX%\]\]\]$"#, "'$1' 不是 SKU:QTY[:PRICE[:DISCOUNT%[:TAX%]]] 格式"),
        (#"^is in (\w+) but (\S+) pays in (\w+)$"#, "币种为 $1，但 $2 以 $3 付款"),
        (#"^is in (\w+) but invoice (\S+) is in (\w+)$"#, "币种为 $1，但销售单 $2 的币种为 $3"),
        (#"^product code '(.*)' is already used$"#, "商品编码 '$1' 已被使用"),
        (#"^salesperson code '(.*)' is already used$"#, "业务员编码 '$1' 已被使用"),
        (#"^(.*) is not a posted invoice$"#, "$1 不是已过账的销售单"),
        (#"^(.*) belongs to another customer$"#, "$1 属于其他客户"),
        (#"^no invoice numbered (.*)$"#, "没有单号为 $1 的销售单"),
        (#"^ledger is read-only.*$"#, "账套为只读，不能修改"),
        (#"^the disk is full.*$"#, "磁盘已满，未写入任何内容"),
    ]
}
