import Classification
import Foundation
import LedgerCore
import LedgerInterop
import Testing

/// s33-fix: every import refuses two columns of one field before reading a row, by the one check `import sales`
/// has (`RepeatedColumns`); the master-data imports and class files took the first without a word.
@Suite struct RepeatedColumnsTests {
    func refusal(_ kind: ImportKind, _ text: String) -> String? {
        do {
            _ = try DataImport(file: try DelimitedFile.parse(data: Data(text.utf8), source: "\(kind).csv"), kind: kind,
                               settings: ImportSettings())
        } catch { return "\(error)" }
        return nil
    }

    @Test func masterDataFilesWithTwoColumnsOfOneFieldAreRefused() {
        #expect(refusal(.customers, "code,name,phone,phone\nC1,甲,123,456\n")
                == "customers.csv: columns 3 (phone) and 4 (phone) both give the phone")
        #expect(refusal(.customers, "客户编码,名称,客户名称\nC1,甲,乙\n")
                == "customers.csv: columns 2 (名称) and 3 (客户名称) both give the name")
        #expect(refusal(.customers, "code,name,信用额度,credit_limit\nC1,甲,1,2\n")
                == "customers.csv: columns 3 (信用额度) and 4 (credit_limit) both give the credit limit")
        #expect(refusal(.products, "sku,name,商品编码,unit_price\nP1,笔,P2,1\n")
                == "products.csv: columns 1 (sku) and 3 (商品编码) both give the product code")
        #expect(refusal(.opening, "customer_code,date,amount,金额\nC1,2026-01-01,1,2\n")
                == "opening.csv: columns 3 (amount) and 4 (金额) both give the amount")
        // A receipts file: the same header twice is refused; a bill's two synonyms of one field are its layout.
        #expect(refusal(.receipts, "date,customer,amount,备注,备注\n2026-01-01,甲,1,a,b\n")
                == "receipts.csv: columns 4 (备注) and 5 (备注) both give the note")
        #expect(refusal(.receipts, "交易时间,交易对方,商品,金额(元),备注\n2026-01-01 10:00,甲,货,1,b\n") == nil)
        #expect(refusal(.customers, "code,name,phone,fax,fax\nC1,甲,1,2,3\n") == nil)   // a column not read
        #expect(refusal(.customers, "code,name,phone\nC1,甲,123\n") == nil)
    }

    @Test func classFilesWithTwoColumnsOfOneFieldAreRefused() {
        func refusal(_ header: [String]) -> String? {
            do { _ = try ClassFile.rows(header: header, records: [header.map { _ in "X" }]) } catch {
                return error.description
            }
            return nil
        }
        #expect(refusal(["dimension", "code", "code", "name_en"])
                == "line 1: columns 2 (code) and 3 (code) both give the code")
        #expect(refusal(["dimension", "code", "name", "name_en"])
                == "line 1: columns 3 (name) and 4 (name_en) both give the English name")
        #expect(refusal(["dimension", "code", "parent", "name_en", "name_zh"]) == nil)
    }
}
