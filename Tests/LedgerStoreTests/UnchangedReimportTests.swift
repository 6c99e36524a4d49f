import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// s33-fix: re-running an import of master data already as the file says reports the rows unchanged and writes
/// nothing for them: `class import` said "imported 374" and wrote an audit entry naming no record; `import customers
/// --update` and `import products --update` "updated" every row (a product with a dated price of no change).
@Suite struct UnchangedReimportTests {
    func entries(_ l: TestLedger, _ command: String) throws -> Int {
        try l.store.auditLog(filter: AuditLogFilter(command: command)).count
    }

    @Test func aClassImportOfClassesAlreadyAsTheFileSaysWritesNoEntry() throws {
        let l = try TestLedger(today: "2026-06-30")
        try l.service.run(DefineDimension(code: "area", nameEN: "Area", nameZH: "地区", entity: .customer))
        var rows = [ClassImportRow(line: 2, dimension: "area", code: "GD", nameEN: "Guangdong"),
                    ClassImportRow(line: 3, dimension: "area", code: "GD-SZ", parentCode: "GD", nameEN: "Shenzhen")]
        #expect(try l.service.run(ImportClasses(rows: rows, source: "a.csv")) == .init(added: 2))
        #expect(try entries(l, "class.import") == 1)
        #expect(try l.service.run(ImportClasses(rows: rows, source: "a.csv")) == .init(unchanged: 2))
        #expect(try entries(l, "class.import") == 1)
        rows[1].nameZH = "深圳市"
        rows.append(ClassImportRow(line: 4, dimension: "area", code: "ZJ", nameEN: "Zhejiang"))
        #expect(try l.service.run(ImportClasses(rows: rows, source: "a.csv")) == .init(added: 1, changed: 1,
                                                                                         unchanged: 1))
        let last = try #require(try l.store.auditLog(filter: AuditLogFilter(command: "class.import")).last)
        #expect(try entries(l, "class.import") == 2)
        #expect(try JSONDecoder().decode([AuditChange].self, from: Data(last.changes.utf8)).count == 2)
    }

    func run(_ l: TestLedger, _ kind: ImportKind, _ text: String, name: String) throws -> DataImport.RunResult {
        var settings = ImportSettings()
        settings.update = true
        let plan = try DataImport(file: try DelimitedFile.parse(data: Data(text.utf8), source: name), kind: kind,
                                  settings: settings)
        return try plan.run(service: l.service, dryRun: false)
    }

    @Test func customersAndProductsAlreadyAsTheFileSaysAreUnchanged() throws {
        let l = try TestLedger(today: "2026-06-30")
        let customers = "code,name,phone,tax_id\nC1,甲,123,91350100M000100Y43\nC2,乙,456,\n"
        #expect(try run(l, .customers, customers, name: "c.csv").outcome.description == "2 created, 0 updated")
        let taxEntries = try entries(l, "customer.tax_details")
        // The same rows again (another file: one more line at the end), then one changed.
        let again = try run(l, .customers, customers + "\n", name: "c2.csv")
        #expect(again.written && again.outcome.description == "0 created, 0 updated, 2 unchanged")
        #expect(try entries(l, "customer.update") == 0 && entries(l, "customer.tax_details") == taxEntries)
        let changed = customers.replacingOccurrences(of: "C2,乙,456,", with: "C2,乙,789,") + "\n\n"
        #expect(try run(l, .customers, changed, name: "c3.csv").outcome.description
                == "0 created, 1 updated, 1 unchanged")
        #expect(try entries(l, "customer.update") == 1 && l.store.customer(code: "C2")?.phone == "789")

        let products = "sku,name,unit_price,tax_rate\nP1,笔,2.50,13\nP2,纸,10.00,13\n"
        #expect(try run(l, .products, products, name: "p.csv").outcome.description == "2 created, 0 updated")
        #expect(try run(l, .products, products + "\n", name: "p2.csv").outcome.description
                == "0 created, 0 updated, 2 unchanged")
        #expect(try entries(l, "product.edit") == 0)
        let dearer = products.replacingOccurrences(of: "2.50", with: "2.80") + "\n\n"
        #expect(try run(l, .products, dearer, name: "p3.csv").outcome.description
                == "0 created, 1 updated, 1 unchanged")
        #expect(try l.store.productPrice(sku: "P1", on: CivilDate(iso: "2026-06-30")!)?.minorUnits == 280)
    }
}
