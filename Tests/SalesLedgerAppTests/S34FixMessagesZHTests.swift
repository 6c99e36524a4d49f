import Testing
@testable import SalesLedgerApp

/// s34-fix: the Chinese words of the messages this session added.
@Suite struct S34FixMessagesZHTests {
    @Test func receiptCurrencyRefusals() {
        let zh = Strings(.zh)
        #expect(zh.core("is in USD but C1 pays in CNY") == "币种为 USD，但 C1 以 CNY 付款")
        #expect(zh.core("is in USD but invoice INV-2025-000001 is in CNY")
                == "币种为 USD，但销售单 INV-2025-000001 的币种为 CNY")
        #expect(zh.core("unknown currency 比特币") == "未知币种 比特币")
    }

    /// A class file's messages under --lang zh began with English `line 1`.
    @Test func classFileLinesAndMessages() {
        let zh = Strings(.zh)
        #expect(zh.core("line 1: missing column 'code'") == "第 1 行：缺少列 'code'")
        #expect(zh.core("line 1: columns 2 (code) and 3 (code) both give the code")
                == "第 1 行：第 2 列（code）和第 3 列（code）都是编码，无法确定用哪一列；请删去其中一列")
        #expect(zh.core("line 4: has 2 fields, the header has 4") == "第 4 行：只有 2 个字段，表头有 4 个")
        #expect(zh.core("line 3, column code: class 'CN-33' is already on line 2")
                == "第 3 行「code」列：分类 'CN-33' 已在第 2 行出现")
        #expect(zh.core("cities.csv line 3, column parent: parent 'CN-99' is neither in the file nor a class of "
                        + "'region'") == "cities.csv 第 3 行「parent」列：上级 'CN-99' 既不在文件中，也不是分类维度 'region' 的分类")
        #expect(zh.core("line 5, column dimension: unknown dimension 'zone' (define it first)")
                == "第 5 行「dimension」列：未知分类维度 'zone'（请先定义）")
        #expect(zh.core("classes.csv: line 1: columns 2 (code) and 3 (code) both give the code")
                == "classes.csv 第 1 行：第 2 列（code）和第 3 列（code）都是编码，无法确定用哪一列；请删去其中一列")
        // A sentence translated whole keeps its own words.
        #expect(zh.core("line 1: 5 is more than the 2 left to credit") == "第 1 行：5 超过尚可冲销的 2")
    }
}
