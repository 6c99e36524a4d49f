import Foundation

/// The words of a progress line (`LoadProgress`) in the CLI's language: labels, phases and units are fixed English
/// words in the code; in Chinese (`CLIChinese.isOn`) each known word is shown in Chinese (glossary terms), anything
/// else (a file name given as the label) as it is.
enum ProgressWords {
    static let chinese: [String: String] = [
        "sample generate": "生成示例账套", "export journal": "导出日记账", "export vouchers": "导出凭证",
        "export customers": "导出客户", "customers": "客户", "invoices": "销售单", "receipts": "收款单",
        "committed invoices": "核对已提交的销售单", "checking": "核对", "writing": "写入",
        "trying": "试运行", "entries": "分录", "rows": "行", "days": "天",
    ]

    /// `word` in the CLI's language.
    static func word(_ word: String) -> String { CLIChinese.isOn ? chinese[word] ?? word : word }
}
