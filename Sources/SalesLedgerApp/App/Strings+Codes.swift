import LedgerCore

extension Strings {
    /// Known sales-channel codes by language; others are looked up in the channel class table, else shown as typed.
    public static let channelNames: [String: (en: String, zh: String)] = [
        "DIRECT": ("Direct", "直销"), "DEALER": ("Dealer", "经销商"), "ONLINE": ("Online", "线上"),
        "RETAIL": ("Retail", "零售"), "DISTRIBUTOR": ("Distributor", "分销"), "WHOLESALE": ("Wholesale", "批发"),
        "EXPORT": ("Export", "出口"), "PROJECT": ("Project", "项目"),
    ]

    /// A channel code for people: `RETAIL` → 零售 / Retail (issue 12: codes through the catalogue).
    func channelName(_ code: String) -> String {
        guard let names = Strings.channelNames[code.uppercased()] else { return code }
        return zh ? names.zh : names.en
    }

    /// Payment terms for people: `NET60` → 60天内付款 / Net 60 days, `EOM+1M` → 月结1个月.
    func termsName(_ terms: PaymentTerms) -> String { terms.displayName(chinese: zh) }
}

extension AppContext {
    /// A channel for people: the catalogue's name, else the channel class table's, else the code.
    public func channelName(_ code: String) -> String {
        let known = strings.channelName(code)
        return known != code ? known : className("channel", code)
    }
}

extension Strings {
    /// A document status for people.
    public func statusName(_ status: DocumentStatus) -> String {
        switch status {
        case .draft: return t("draft", "草稿")
        case .posted: return t("posted", "已过账")
        case .void: return t("void", "已作废")
        }
    }

    /// A posted invoice's settlement (`InvoiceSettlement`, the one rule) in the glossary's words: open (未核销, some
    /// amount still open), overdue (逾期), paid (已核销), credited (已红冲: credit notes cover the whole invoice).
    /// F9 and the customer view use it for the same invoice.
    func settlementName(_ settlement: InvoiceSettlement) -> String {
        switch settlement {
        case .open: return t("open", "未核销")
        case .overdue: return t("overdue", "逾期")
        case .paid: return t("paid", "已核销")
        case .credited: return t("credited", "已红冲")
        }
    }

    /// Field names of command paths (`promisedDate`, `lines[2].quantity`) in Chinese.
    static let fieldNamesZH: [String: String] = [
        "customer": "客户", "date": "日期", "dueDate": "到期日", "terms": "收款条件", "paymentTerms": "收款条件",
        "salesperson": "业务员", "channel": "渠道", "region": "区域", "lines": "明细行", "product": "商品",
        "quantity": "数量", "unitPrice": "单价", "discount": "折扣", "taxRate": "税率", "description": "摘要",
        "amount": "金额", "code": "编码", "name": "名称", "contact": "联系人", "phone": "电话", "email": "邮箱",
        "address": "地址", "notes": "备注", "note": "备注", "creditLimit": "信用额度", "customerClass": "等级",
        "reason": "原因", "number": "单号", "appliesTo": "原销售单", "currency": "币种", "sku": "商品编码",
        "promisedDate": "承诺付款日", "until": "暂停至", "method": "收款方式", "reference": "参考号",
        "allocation": "核销", "who": "跟进人", "allocations": "核销", "invoice": "销售单",
        "customer_name": "客户名称", "customer_code": "客户编码", "taxID": "纳税人识别号",
        "line": "行号", "allowance": "折让金额",
        "defaultTaxRate": "默认税率", "companyName": "公司名称",
    ]

    /// `lines[2].quantity` → `第2行 数量`, `row 3, column amount` → `第3行 amount 列`, `promisedDate` → `承诺付款日`;
    /// nil when the path is not a known field.
    public func fieldPathZH(_ path: String) -> String? {
        if let m = path.firstMatch(of: /^lines\[(\d+)\]\.(\w+)$/) {
            return "第\(m.1)行 \(Strings.fieldNamesZH[String(m.2)] ?? String(m.2))"
        }
        if let m = path.firstMatch(of: /^row (\d+), column (.+)$/) { return "第\(m.1)行「\(m.2)」列" }
        // A class file's line (`line 1`, `cities.csv line 3, column parent`: s34-fix, they stayed English).
        // The file may come first, as the CLI's `class import` names it (`classes.csv: line 1`).
        if let m = path.wholeMatch(of: /(?:([^:\s]+):? )?line (\d+)(?:, column (.+))?/) {
            return (m.1.map { "\($0) " } ?? "") + "第 \(m.2) 行" + (m.3.map { "「\($0)」列" } ?? "")
        }
        if let m = path.wholeMatch(of: /row (\d+)/) { return "第\(m.1)行" }
        if let m = path.firstMatch(of: /^(\w+)\[(\d+)\]\.(\w+)$/), let a = Strings.fieldNamesZH[String(m.1)] {
            return "\(a)[\(m.2)] \(Strings.fieldNamesZH[String(m.3)] ?? String(m.3))"
        }
        return Strings.fieldNamesZH[path]
    }

    /// A `path: message` line (a `FieldIssue` as text) in Chinese, or nil when it is not one.
    func pathMessageZH(_ text: String) -> String? {
        guard zh else { return nil }
        // A file's line (a class file's `line 1: missing column 'code'`), when the message after it is translated
        // on its own; else the whole sentence is (`line 1: 5 is more than the 2 left to credit`).
        if let m = text.firstMatch(of: /^((?:[^:\s]+:? )?line \d+(?:, column [^:]+)?): (.+)$/),
           let path = fieldPathZH(String(m.1)), core(String(m.2)) != String(m.2) {
            return path + "：" + core(String(m.2))
        }
        guard let m = text.firstMatch(
            of: /^((?:lines\[\d+\]\.\w+)|(?:row \d+, column [^:]+)|(?:row \d+)|(?:\w+(?:\[\d+\]\.\w+)?)): (.+)$/),
              let path = fieldPathZH(String(m.1)) else { return nil }
        // A credit by line's entry N names invoice line M in its message (`lines[1].allowance: line 2: …`): the
        // invoice's line is the row the user means, so the entry's number is left out (tryout s34: 第1行 … 第 2 行).
        if let entry = String(m.1).wholeMatch(of: /lines\[\d+\]\.(\w+)/), String(m.2).hasPrefix("line "),
           String(m.2).firstMatch(of: /^line \d+[: ]/) != nil {
            return (Strings.fieldNamesZH[String(entry.1)] ?? String(entry.1)) + "：" + core(String(m.2))
        }
        return path + "：" + core(String(m.2))
    }
}
