import Testing
@testable import SalesLedgerApp

/// s35-fix: the voucher export's map, template and check errors and training's refusals had no Chinese. Every one
/// (as thrown, with sample values) has a Chinese text now, with no English sentence left in it.
@Suite struct ToolErrorsZHTests {
    static let messages = [
        "line 3: TOML syntax: unexpected character", "standard: must be \"cas\" or \"sbas\"",
        "accounts: must be a table", "receipt_methods.cash: must be an account code in quotes", "colour: unknown key",
        "accounts.cash: unknown account (expected receivable, revenue, output_vat, advances, bad_debt, "
            + "receipt_default, exchange_difference)",
        "dotted: must be true or false", "advances_separate: must be true or false",
        "the template has no header row", "no account and debit/credit (or amount) columns in the header: a, b",
        "template columns left empty: 部门, 项目", "nothing written; 3 voucher problem(s):",
        "voucher 记-1 (2026-06-01) line 2: no account code",
        "voucher 记-1 (2026-06-01) line 2: receivable line without a customer code",
        "voucher 记-1 (2026-06-01) line 2: needs exactly one of debit and credit",
        "voucher 记-1 (2026-06-01): no lines",
        "voucher 记-1 (2026-06-01): no exchange rate of USD to CNY on or before 2026-06-01 (set one with: rate set "
            + "--currency USD --rate R --date 2026-06-01)",
        "voucher 记-1 (2026-06-01): amounts too large to add up",
        "voucher 记-1 (2026-06-01): debits 10.00 ≠ credits 9.00",
        "no lesson 'x' (see train lessons)", "--answers: item 2 'x' is not a choice number of question 2",
        "--answers: 2 answers for 3 questions",
        "train: --practice is implied (give --db the REAL ledger; the practice one is beside it)",
        "/tmp/p.sqlite: the practice ledger cannot be the real ledger",
        "/tmp/p.sqlite exists and is not a practice ledger: nothing was changed (move it away first)",
        "/tmp/p.sqlite is not a practice ledger: it is never reset", "--sample: zh or en, not 'fr'",
        "/tmp/p.sqlite is a practice ledger (练习账套), never the real one: open it with `salesledger train` or "
            + "`--practice` beside the real ledger",
        "/tmp/p.sqlite is not a practice ledger: training never uses a real ledger (move the file away, then run "
            + "`salesledger train`)",
        "no practice ledger at /tmp/p.sqlite (start training with: salesledger train)",
        "the base currency is CNY and fixed once the ledger has documents",
    ]

    /// Lower-case English words of three letters or more, outside paths, keys and commands kept as typed.
    static func english(_ text: String) -> [String] {
        let kept: Set<String> = ["standard", "cas", "sbas", "true", "false", "accounts", "receipt_methods", "cash",
                                 "colour",
                                 "dotted", "advances_separate", "receivable", "revenue", "output_vat", "advances",
                                 "bad_debt", "receipt_default", "exchange_difference", "salesledger", "train",
                                 "lessons", "practice", "answers", "sample", "rate", "set", "currency", "date",
                                 "tmp", "sqlite", "db", "unexpected", "character"]
        return text.split { !($0.isLetter && $0.isASCII) && $0 != "_" }.map(String.init)
            .filter { $0.count >= 3 && $0.first?.isLowercase == true && !kept.contains($0) }
    }

    @Test(arguments: messages) func everyErrorHasChinese(message: String) {
        let zh = Strings(.zh).core(message)
        #expect(zh != message)
        #expect(Self.english(zh).isEmpty, "\(zh)")
        #expect(Strings(.en).core(message) == message)
    }

    @Test func theWords() {
        let s = Strings(.zh)
        #expect(s.core("voucher 记-1 (2026-06-01): debits 10.00 ≠ credits 9.00")
                == "凭证 记-1（2026-06-01）：借方 10.00 ≠ 贷方 9.00")
        #expect(s.core("--answers: 2 answers for 3 questions") == "--answers：给了 2 个答案，但共有 3 道题")
    }
}
