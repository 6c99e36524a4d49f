extension Strings {
    /// The fields an import names when two columns give one (`RepeatedColumns`: `import sales`, the master-data
    /// imports, class files), English words as the message writes them, and Chinese.
    static let repeatedColumnFields: [(String, String)] = [
        ("date", "日期"), ("number", "单号"), ("customer code", "客户编码"), ("customer name", "客户名称"),
        ("amount", "金额"), ("due date", "到期日"), ("note", "备注"), ("notes", "备注"), ("currency", "币种"),
        ("kind", "类型"), ("status", "状态"), ("tax rate", "税率"), ("code", "编码"), ("name", "名称"),
        ("contact", "联系人"), ("phone", "电话"), ("email", "邮箱"), ("address", "地址"), ("region", "地区"),
        ("channel", "渠道"), ("customer class", "客户分类"), ("credit limit", "信用额度"),
        ("payment terms", "收款条件"), ("taxpayer ID", "纳税人识别号"), ("invoice title", "开票抬头"),
        ("address and phone", "地址电话"), ("bank account", "开户行及账号"), ("product code", "商品编码"),
        ("category", "类别"), ("unit", "单位"), ("unit price", "单价"), ("account", "对方账号"),
        ("method", "收款方式"), ("reference", "交易单号"), ("direction (收/支)", "收/支"),
        ("transaction type", "交易类型"), ("invoice number", "发票号"), ("dimension", "分类维度"),
        ("parent code", "上级编码"), ("English name", "英文名称"), ("Chinese name", "中文名称"),
    ]

    /// `sales.csv: columns 3 (税率) and 4 (vat_rate) both give the tax rate` in Chinese, one pattern per field
    /// (s32-fixb for `import sales`; s33-fix: every import, and the screens' imports too).
    static let repeatedColumnPatterns: [(String, String)] = repeatedColumnFields.map { field, zh in
        let escaped = field.replacingOccurrences(of: "(", with: #"\("#).replacingOccurrences(of: ")", with: #"\)"#)
        return (#"^(.*): columns (\d+) \((.*)\) and (\d+) \((.*)\) both give the "# + escaped + "$",
                "$1：第 $2 列（$3）和第 $4 列（$5）都是\(zh)，无法确定用哪一列；请删去其中一列")
    }
}
