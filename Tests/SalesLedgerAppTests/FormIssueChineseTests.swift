import Testing
import TerminalUI
@testable import SalesLedgerApp

/// Tryout s14: in the Chinese UI a form's amount error read "金额: amount '12abc' has an invalid character 'a'"
/// (the parser's English), while the same error in a sales line was Chinese. A localized form shows the parsers'
/// messages through the same Chinese table, inline and in the summary.
@Suite struct FormIssueChineseTests {
    static func form(_ language: Language) -> Form {
        var form = Form(title: "T", fields: [FormField(id: "amount", label: "金额", text: "12abc", parse: { text in
            .failure(FieldIssue("amount '\(text)' has an invalid character 'a'"))
        })])
        Strings(language).localize(&form)
        _ = form.handle(.key(.ctrl("s")))
        return form
    }

    static func text(_ form: Form) -> String {
        var buffer = CellBuffer(size: Size(width: 200, height: 12))
        _ = form.render(into: &buffer, in: Rect(x: 0, y: 0, width: 200, height: 12))
        return buffer.lines.joined(separator: "\n")
    }

    @Test func chineseFormsShowTheParsersMessagesInChinese() {
        let zh = Self.text(Self.form(.zh))
        #expect(zh.contains("金额: 金额 '12abc' 含有无效字符 'a'"), "\(zh)")
        #expect(!zh.contains("invalid character"), "\(zh)")
        let en = Self.text(Self.form(.en))
        #expect(en.contains("amount '12abc' has an invalid character 'a'"), "\(en)")
    }
}
