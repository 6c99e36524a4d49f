import Foundation
import Testing
import LedgerCore
@testable import SalesLedgerApp

/// Issue 15: every message the receipt import and its review can show exists in Chinese (the TUI and, through
/// `Strings.core`, the CLI), with no English word left but codes.
@Suite struct ReceiptReviewChineseTests {
    static let messages: [(String, String)] = [
        ("row 9: 4200001234202503033333 is already in the ledger (skip the row)",
         "第9行：4200001234202503033333 已在账中（请跳过该行）"),
        ("row 11: no customer matches 某陌生人 (choose a customer or skip the row)",
         "第11行：没有与“某陌生人”匹配的客户（请选择客户或跳过该行）"),
        ("customer_name: no customer matches 某陌生人", "客户名称：没有与“某陌生人”匹配的客户"),
        ("allocation: 'INV-1' is not INVOICE=AMOUNT", "核销：'INV-1' 不是“单号=金额”"),
        ("allocation: INV-2025-000002: '12x' is not an amount > 0", "核销：INV-2025-000002：'12x' 不是大于 0 的金额"),
        ("allocations[1].invoice: X is not an open invoice of K001", "核销[1] 销售单：X 不是 K001 的未核销销售单"),
        ("allocations[1].amount: 900.00 is more than the open 800.00 left of INV-2025-000001",
         "核销[1] 金额：900.00 超过 INV-2025-000001 的未核销金额 800.00"),
        ("allocations[2].amount: must be greater than 0", "核销[2] 金额：必须大于 0"),
        ("w.csv: this file was already imported on 2025-04-01 as w.csv (4 rows); nothing imported",
         "w.csv：此文件已于 2025-04-01 导入过（w.csv，4 行）；未导入任何数据"),
        ("RCT-2025-000001 has nothing left to allocate", "RCT-2025-000001 已无可核销金额"),
    ]

    @Test func coreMessagesInChinese() {
        let zh = Strings(.zh)
        for (english, chinese) in Self.messages {
            #expect(zh.core(english) == chinese, "\(english)")
            let shown = zh.core(english).replacing("w.csv", with: "")   // the user's file name
            #expect(ChineseEverywhereTests.englishWords(in: [shown]).isEmpty, "\(shown)")
            #expect(Strings(.en).core(english) == english)
        }
    }
}
