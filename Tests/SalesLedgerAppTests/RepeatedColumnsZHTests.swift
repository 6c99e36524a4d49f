import SalesLedgerApp
import Testing

/// s33-fix: two columns of one field, in Chinese, for every import (one pattern table in `Strings`, which the CLI
/// tries first too; it was the CLI's own, for `import sales` only, so the setup screen's import said it in English).
@Suite struct RepeatedColumnsZHTests {
    @Test func everyImportsRefusalReadsInChinese() {
        let zh = Strings(.zh)
        #expect(zh.core("sales.csv: columns 3 (税率) and 4 (vat_rate) both give the tax rate")
                == "sales.csv：第 3 列（税率）和第 4 列（vat_rate）都是税率，无法确定用哪一列；请删去其中一列")
        #expect(zh.core("customers.csv: columns 3 (phone) and 4 (phone) both give the phone")
                == "customers.csv：第 3 列（phone）和第 4 列（phone）都是电话，无法确定用哪一列；请删去其中一列")
        #expect(zh.core("r.csv: columns 1 (收/支) and 2 (收支) both give the direction (收/支)")
                == "r.csv：第 1 列（收/支）和第 2 列（收支）都是收/支，无法确定用哪一列；请删去其中一列")
        #expect(zh.core("c.csv: line 1: columns 3 (name) and 4 (name_en) both give the English name")
                == "c.csv 第 1 行：第 3 列（name）和第 4 列（name_en）都是英文名称，无法确定用哪一列；请删去其中一列")
    }
}
