import Classification
import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

@Suite struct ClassificationCommandTests {
    static let today = CivilDate(year: 2026, month: 3, day: 15)!

    @Test func classFileWithABadLineImportsNothingAndNamesTheLine() throws {
        let (store, service) = try ClassificationSupport.ledger(today: Self.today)
        let text = """
        dimension,code,parent,name_en,name_zh
        region,CN,,China,中国
        region,CN-33,CN,Zhejiang,浙江省
        region,CN-33-01,CN-99,Hangzhou,杭州市
        region,CN-33-02,CN-33,,
        """
        let rows = try ClassificationSupport.classRows(text: text)
        #expect(rows.count == 4)
        #expect(throws: LedgerError.validation([
            FieldIssue("line 5, column name_en", "a name (name_en or name_zh) is required"),
            FieldIssue("line 4, column parent", "parent 'CN-99' is neither in the file nor a class of 'region'"),
        ])) { try service.run(ImportClasses(rows: rows, source: "test.csv")) }
        #expect(try store.classNodes(dimension: "region").isEmpty)
        // A short line is caught when reading.
        #expect(throws: LedgerError.validation([FieldIssue("line 3", "has 2 fields, the header has 5")])) {
            _ = try ClassificationSupport.classRows(text: "dimension,code,parent,name_en,name_zh\nregion,CN,,China,中国\nregion,X\n")
        }
    }

    @Test func chinaRegionTableImportsAsThreeLevels() throws {
        let (store, service) = try ClassificationSupport.ledger(today: Self.today)
        let dir = ClassificationSupport.sampleData + "/cn-regions"
        let provinces = try CSVTable.read(path: dir + "/provinces.csv"), cities = try CSVTable.read(path: dir + "/cities.csv")
        let rows = try ClassFile.chinaRegions(provinceHeader: provinces.header, provinces: provinces.records,
                                              cityHeader: cities.header, cities: cities.records)
        #expect(try service.run(ImportClasses(rows: rows, source: "cn-regions")).added == 1 + 31 + 342)
        let tree = ClassTree(dimension: "region", nodes: try store.classNodes(dimension: "region"))
        #expect(tree.label("CN-33-01", chinese: true) == "杭州市")
        #expect(tree.label("CN-11-01", chinese: true) == "北京市")
        #expect(tree.path(of: "CN-33-01") == ["CN-33-01", "CN-33", "CN"])
        #expect(tree.children(of: "CN-33").count == 11)
        // Importing again changes nothing (s33-fix: it said 374 were imported).
        #expect(try service.run(ImportClasses(rows: rows, source: "cn-regions")) == .init(unchanged: 374))
        #expect(try store.classNodes(dimension: "region").count == 374)
    }

    func postedLedger() throws -> (SQLiteLedgerStore, LedgerService) {
        let (store, service) = try ClassificationSupport.ledger(today: Self.today)
        try service.run(ImportClasses(rows: [
            ClassImportRow(line: 2, dimension: "region", code: "CN", nameEN: "China", nameZH: "中国"),
            ClassImportRow(line: 3, dimension: "region", code: "CN-33", parentCode: "CN", nameEN: "Zhejiang", nameZH: "浙江省"),
            ClassImportRow(line: 4, dimension: "region", code: "CN-33-01", parentCode: "CN-33", nameEN: "Hangzhou", nameZH: "杭州市"),
            ClassImportRow(line: 5, dimension: "region", code: "CN-31", parentCode: "CN", nameEN: "Shanghai", nameZH: "上海市"),
            ClassImportRow(line: 6, dimension: "region", code: "CN-31-01", parentCode: "CN-31", nameEN: "Shanghai", nameZH: "上海市"),
        ], source: "test"))
        for (code, region, cls) in [("C1", "CN-33-01", ""), ("C2", "CN-31-01", "B"), ("C3", "CN-31-01", "")] {
            var fields = CustomerFields(code: code, name: "客户 \(code)")
            fields.region = region
            fields.customerClass = cls
            try service.run(CreateCustomer(fields))
        }
        for (code, amount) in [("C1", 90_000), ("C2", 5_000), ("C3", 5_000), ("C1", 1_000)] {
            try service.run(PostInvoice(customerCode: code, date: CivilDate(year: 2026, month: 2, day: 1)!,
                                        lines: [LineInput(description: "goods", quantity: Quantity(1), unitPrice: Money(minorUnits: Int64(amount) * 100, currency: .cny))]))
        }
        return (store, service)
    }

    @Test func reportsGroupByClassAtPostingOrCurrentClass() throws {
        let (store, service) = try postedLedger()
        let change = try service.run(SetClass(entity: .customer, recordCode: "C1", dimension: "region", classCode: "CN-31-01", reason: "moved to Shanghai"))
        #expect(change.oldCode == "CN-33-01" && change.newCode == "CN-31-01")
        #expect(try store.customer(code: "C1")?.region == "CN-31-01")
        let atPosting = PivotQuery(measure: .sales, rows: .dimension("region"), asOf: Self.today, basis: .atPosting)
        let current = PivotQuery(measure: .sales, rows: .dimension("region"), asOf: Self.today, basis: .current)
        let posted = Dictionary(uniqueKeysWithValues: try store.pivotFacts(atPosting).map { ($0.rowKey, $0.value) })
        let now = Dictionary(uniqueKeysWithValues: try store.pivotFacts(current).map { ($0.rowKey, $0.value) })
        #expect(posted == ["CN-33-01": 9_100_000, "CN-31-01": 1_000_000])
        #expect(now == ["CN-31-01": 10_100_000])
        // The invoices themselves still carry the region at posting.
        #expect(try store.invoiceDocument(number: "INV-2026-000001")?.region == "CN-33-01")
        // Filters follow the basis too; CN includes its cities.
        let zhejiang = ClassFilter(conditions: [ClassCondition(dimension: "region", codes: ["CN-33"])], basis: .atPosting)
        #expect(try store.classifiedInvoices(filter: zhejiang, invoiceFilter: InvoiceFilter(), page: .all).count == 2)
        var zhejiangNow = zhejiang
        zhejiangNow.basis = .current
        #expect(try store.classifiedInvoices(filter: zhejiangNow, invoiceFilter: InvoiceFilter(), page: .all).isEmpty)
        let china = ClassFilter(conditions: [ClassCondition(dimension: "region", codes: ["CN"])])
        #expect(try store.classifiedCustomers(filter: china, asOf: Self.today, page: .all).count == 3)
        // Reclassification is audited and kept in the record's history.
        let id = try #require(store.customer(code: "C1")?.id)
        let history = try store.classHistory(entity: .customer, entityID: id)
        #expect(history.map(\.newCode) == ["CN-31-01"])
        #expect(history.first?.reason == "moved to Shanghai" && history.first?.source == .manual && history.first?.actor == "tester")
        #expect(try store.scalar("SELECT command FROM audit_log ORDER BY seq DESC LIMIT 1") == "class.set")
        #expect(try store.verifyAuditChain() == nil)
    }

    @Test func rulesNeverOverwriteAManualClassUnlessTold() throws {
        let (store, service) = try postedLedger()
        // C2 was created with class B by hand; C3 is reclassified by hand to A.
        try service.run(SetClass(entity: .customer, recordCode: "C3", dimension: "customer_class", classCode: "A"))
        let rules = ClassificationRules(service: service)
        let outcome = try rules.runCustomerABC(from: nil, to: nil)
        // Revenue: C1 91 000 (90 %), C2 5 000, C3 5 000 → C1 A; C2 and C3 would be B and C.
        #expect(try store.customer(code: "C1")?.customerClass == "A")
        #expect(try store.customer(code: "C2")?.customerClass == "B")
        #expect(try store.customer(code: "C3")?.customerClass == "A")
        #expect(outcome.changed == 1)
        #expect(outcome.skippedManual.count == 1)
        #expect(outcome.unchanged == 1)
        let forced = try rules.runCustomerABC(from: nil, to: nil, overwriteManual: true)
        #expect(forced.changed == 2)
        #expect(try store.customer(code: "C3")?.customerClass == "C")
        let id = try #require(store.customer(code: "C3")?.id)
        #expect(try store.classHistory(entity: .customer, entityID: id).map { "\($0.oldCode)→\($0.newCode) \($0.source)" }
                == ["→A manual", "A→C rule:abc"])
        // A bad threshold is refused.
        #expect(throws: LedgerError.self) { try rules.runCustomerABC(from: nil, to: nil, thresholds: ABCThresholds(aShareBP: 9000, bShareBP: 2000)) }
    }

    @Test func scheduledRulesRunOncePerDay() throws {
        let (store, service) = try postedLedger()
        let rules = ClassificationRules(service: service)
        let first = try rules.runScheduledRulesIfDue(today: Self.today)
        #expect(first.map(\.rule) == ["abc", "abc", "rfm", "risk"])
        #expect(try rules.runScheduledRulesIfDue(today: Self.today).isEmpty)
        #expect(try store.classificationSetting("classification.scheduled.last_run") == "2026-03-15")
        #expect(try rules.runScheduledRulesIfDue(today: Self.today.adding(days: 1)).count == 4)
        let segments = try store.classAssignments(entity: .customer, dimension: "rfm_segment")
        #expect(segments.count == 3)
    }

    @Test func userDefinedDimensionClassifiesAndFilters() throws {
        let (store, service) = try postedLedger()
        try service.run(DefineDimension(code: "industry", nameEN: "Industry", nameZH: "行业", entity: .customer))
        try service.run(ImportClasses(rows: [
            ClassImportRow(line: 2, dimension: "industry", code: "MFG", nameEN: "Manufacturing", nameZH: "制造业"),
            ClassImportRow(line: 3, dimension: "industry", code: "MFG-AUTO", parentCode: "MFG", nameEN: "Automotive", nameZH: "汽车"),
        ], source: "test"))
        try service.run(SetClass(entity: .customer, recordCode: "C2", dimension: "industry", classCode: "MFG-AUTO"))
        #expect(throws: LedgerError.validation([FieldIssue("class", "'NOPE' is not a class of 'industry' (import or add it first)")])) {
            try service.run(SetClass(entity: .customer, recordCode: "C2", dimension: "industry", classCode: "NOPE"))
        }
        let mfg = ClassFilter(conditions: [ClassCondition(dimension: "industry", codes: ["MFG"]),
                                           ClassCondition(dimension: "region", codes: ["CN-31"])])
        #expect(try store.classifiedCustomers(filter: mfg, asOf: Self.today, page: .all).map(\.code) == ["C2"])
        let query = PivotQuery(measure: .invoices, rows: .dimension("industry"), columns: .period(.month), asOf: Self.today)
        let tree = ClassTree(dimension: "industry", nodes: try store.classNodes(dimension: "industry"))
        let table = try #require(PivotTable.build(query: query, facts: try store.pivotFacts(query), rowTree: tree, columnTree: nil,
                                                  layout: .init(subtotals: true)).first)
        #expect(table.rows.map(\.key) == ["MFG", "MFG-AUTO", ""])
        #expect(table.rowTotals == [1, 1, 3])
        #expect(table.grandTotal == 4)
    }
}
