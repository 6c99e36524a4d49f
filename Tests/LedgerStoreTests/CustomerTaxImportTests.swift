import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// Issue 16: `import customers` reads the fapiao columns (纳税人识别号, 开票抬头, 地址电话, 开户行及账号), checked
/// like the form and the CLI, with errors naming row and column; all or nothing.
@Suite struct CustomerTaxImportTests {
    func importing(_ text: String, into l: TestLedger, update: Bool = false) throws -> (DataImport, DataImport.RunResult) {
        let file = try DelimitedFile.parse(data: Data(text.utf8), source: "c.csv", headerStart: nil)
        var settings = ImportSettings()
        settings.update = update
        let plan = try DataImport(file: file, kind: .customers, settings: settings)
        return (plan, try plan.run(service: l.service, dryRun: false))
    }

    @Test func chineseTaxColumnsAreStored() throws {
        let l = try TestLedger()
        let text = "客户编码,客户名称,纳税人识别号,开票抬头,地址电话,开户行及账号\n"
            + "K001,星河贸易,9135 0100 m000 100y43,福建星河贸易有限公司,福州市鼓楼区1号 0591-8888,工商银行福州分行 1402\n"
            + "K002,个体商行,,,,\n"
        let (_, result) = try importing(text, into: l)
        #expect(result.written && result.rejected.isEmpty)
        #expect(try l.store.taxDetails(customerCode: "K001") == CustomerTaxDetails(
            taxID: "91350100M000100Y43", invoiceTitle: "福建星河贸易有限公司", addressPhone: "福州市鼓楼区1号 0591-8888",
            bankAccount: "工商银行福州分行 1402"))
        #expect(try l.store.taxDetails(customerCode: "K002")?.isEmpty == true)
        #expect(try l.store.auditLog(filter: AuditLogFilter(command: "customer.tax_details")).count == 2)
    }

    @Test func badTaxpayerNumberNamesRowAndColumnAndNothingIsImported() throws {
        let l = try TestLedger()
        let text = "code,name,tax_id,invoice_title\n"
            + "A1,Good Co,91110000802100433B,\n"
            + "A2,Typo Co,91110000802100434B,\n"
            + "A3,Short Co,12345,\n"
        let (_, result) = try importing(text, into: l)
        #expect(!result.written)
        #expect(result.rejected.flatMap(\.problems).map(\.description) == [
            "row 3, column tax_id: taxpayer number check character is 'B' but should be 'E' (GB 32100-2015): mistyped?",
            "row 4, column tax_id: taxpayer number has 5 characters; expected 18 (unified social credit code), or a legacy 15 or 20",
        ])
        #expect(try l.store.customer(code: "A1") == nil)
    }

    @Test func updateKeepsTaxColumnsTheFileLacks() throws {
        let l = try TestLedger()
        _ = try importing("code,name,tax_id,bank_account\nA1,Good Co,91110000802100433B,ICBC 1\n", into: l)
        _ = try importing("code,invoice_title\nA1,Good Company Ltd\n", into: l, update: true)
        #expect(try l.store.taxDetails(customerCode: "A1") == CustomerTaxDetails(
            taxID: "91110000802100433B", invoiceTitle: "Good Company Ltd", bankAccount: "ICBC 1"))
    }
}
