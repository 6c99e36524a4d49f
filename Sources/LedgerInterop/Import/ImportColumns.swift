import Foundation
import LedgerCore

/// Column names the importers accept, English or Chinese (as 金蝶/用友 sheets and our own exports name them).
/// Matching ignores case, spaces and a required-field mark (`*客户编码`).
public enum ImportColumns {
    public static let customers: [String: [String]] = [
        "code": ["code", "customer_code", "客户编码", "客户代码", "代码", "编码"],
        "name": ["name", "customer_name", "客户名称", "名称", "客户"],
        "contact": ["contact", "联系人"],
        "phone": ["phone", "电话", "联系电话", "手机"],
        "email": ["email", "e-mail", "邮件地址", "邮箱", "电子邮件"],
        "address": ["address", "地址"],
        "region": ["region", "地区", "区域"],
        "channel": ["channel", "渠道"],
        "class": ["class", "customer_class", "客户等级", "所属分类", "客户分类"],
        "credit_limit": ["credit_limit", "信用额度"],
        "payment_terms": ["payment_terms", "terms", "账期", "付款条件", "收款条件"],
        "currency": ["currency", "币种", "币别"],
        "notes": ["notes", "note", "备注"],
        // Fapiao details (issue 16), set with `MergeCustomerTaxDetails`.
        "tax_id": ["tax_id", "taxpayer_id", "纳税人识别号", "统一社会信用代码", "税号"],
        "invoice_title": ["invoice_title", "开票抬头", "发票抬头"],
        "address_phone": ["address_phone", "地址电话", "地址、电话", "地址及电话"],
        "bank_account": ["bank_account", "开户行及账号", "开户行及帐号", "开户银行及账号"],
    ]
    public static let products: [String: [String]] = [
        "sku": ["sku", "code", "product_code", "商品编码", "产品编码", "物料编码", "存货编码", "编码", "代码"],
        "name": ["name", "product_name", "商品名称", "产品名称", "物料名称", "存货名称", "名称"],
        "category": ["category", "类别", "分类", "商品类别", "存货分类"],
        "unit": ["unit", "单位", "计量单位"],
        "unit_price": ["unit_price", "price", "单价", "售价", "销售单价"],
        "tax_rate": ["tax_rate", "税率"],
        "currency": ["currency", "币种", "币别"],
    ]
    public static let opening: [String: [String]] = [
        "kind": ["kind", "type", "类型"],
        "customer_code": ["customer_code", "customer", "客户编码", "客户代码", "客户"],
        "number": ["number", "invoice_no", "reference", "单号", "单据号", "发票号"],
        "date": ["date", "日期", "单据日期"],
        "due_date": ["due_date", "due", "到期日"],
        "currency": ["currency", "币种", "币别"],
        "amount": ["amount", "open", "open_amount", "金额", "未收金额", "余额"],
    ]
    public static let receipts: [String: [String]] = [
        "date": ["date", "日期", "收款日期", "交易时间", "交易日期"],
        "customer_code": ["customer_code", "客户编码", "客户代码"],
        "customer_name": ["customer_name", "customer", "客户名称", "客户", "交易对方", "对方户名", "付款人名称"],
        "account": ["account", "对方账号", "付款人账号"],
        "amount": ["amount", "金额", "金额(元)", "收入金额", "贷方金额"],
        "method": ["method", "收款方式", "结算方式"],
        "reference": ["reference", "交易单号", "交易订单号", "流水号", "交易流水号"],
        "direction": ["收/支", "收支"],
        "status": ["当前状态", "交易状态", "status"],
        "type": ["交易类型", "交易分类"],
        "note": ["note", "备注", "摘要", "商品", "商品说明", "用途"],
        "invoice": ["invoice", "invoice_no", "发票号", "单号"],
        "currency": ["currency", "币种", "币别", "货币"],
    ]

    /// Column index per key for `header`, using `synonyms`; earlier synonyms win (备注 before 商品 for the note).
    public static func resolve(_ header: [String], _ synonyms: [String: [String]]) -> [String: Int] {
        var out: [String: Int] = [:]
        let cleaned = header.map(normalised)
        for (key, names) in synonyms {
            for name in names.map(normalised) {
                if let i = cleaned.firstIndex(of: name) {
                    out[key] = i
                    break
                }
            }
        }
        return out
    }

    /// The first two columns of `header` that give one field of `synonyms` (matched as `resolve` matches), or nil.
    /// `sameHeaderOnly`: only two columns of the same header count — a receipts file's bill layouts carry two
    /// synonyms of a field on purpose (WeChat Pay's 商品 and 备注, both a note; `resolve`'s order picks one).
    public static func repeated(_ header: [String], _ synonyms: [String: [String]],
                                sameHeaderOnly: Bool = false) -> RepeatedColumns? {
        var keyOf: [String: String] = [:]
        for (key, names) in synonyms { for name in names { keyOf[normalised(name)] = key } }
        let cleaned = header.map(normalised)
        let fields = cleaned.map { name -> String? in
            guard let key = keyOf[name] else { return nil }
            return sameHeaderOnly ? key + "\u{1}" + name : key
        }
        return RepeatedColumns.find(header, fields: fields) { field in
            let key = String(field.prefix { $0 != "\u{1}" })
            return fieldWords[key] ?? key.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// What a field of the master-data files is called in messages, where its key's words are not enough.
    static let fieldWords: [String: String] = [
        "sku": "product code", "class": "customer class", "tax_id": "taxpayer ID",
        "address_phone": "address and phone", "direction": "direction (收/支)", "type": "transaction type",
        "invoice": "invoice number",
    ]

    static func normalised(_ name: String) -> String {
        var s = name.lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{3000}", with: "")
        while s.hasPrefix("*") { s.removeFirst() }
        return s.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
    }
}
