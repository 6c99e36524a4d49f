import Classification
import Foundation
import Testing
@testable import LedgerCore
import LedgerReports
@testable import LedgerStore

/// s18 (issue 10): aging by class of a customer dimension reads the aging per customer and moves each customer's
/// cells to its class at the level. Compared with a computation written out here: the open items as of the date,
/// each customer's class value (`classAssignments`), its class at the level from the class tree, summed by
/// `Aging.reports` — for column dimensions (region, three levels; customer class) and an assignment dimension with
/// sub-classes, two currencies, values that are no class or a class above the level, both bases, today (the
/// maintained path) and dates back (the settlement days).
@Suite struct AgingByClassTests {
    static func ledger() throws -> TestLedger {
        let ledger = try AgingMaintainedTests.ledger()
        let service = ledger.service
        let regions = try ledger.store.classNodes(dimension: "region")
        let tree = ClassTree(dimension: "region", nodes: regions)
        let city = try #require(regions.first { tree.path(of: $0.code).count == 3 }).code
        let province = try #require(regions.first { tree.path(of: $0.code).count == 2 && $0.code != city }).code
        // USD customers: one in a city, one whose region is no class; a CNY customer in a province only.
        for (code, region, currency, customerClass) in [("U-1", city, Currency.usd, "B"), ("U-2", "", .usd, ""),
                                                       ("P-1", province, .cny, "C")] {
            var fields = CustomerFields(code: code, name: "Test \(code)")
            fields.region = region
            fields.currency = currency
            fields.customerClass = customerClass
            try service.run(CreateCustomer(fields))
        }
        // A region no class has: a label stored before regions were checked (s34-fix refuses a new one).
        _ = try ledger.store.write { tx -> Int in
            guard var legacy = try tx.customer(code: "U-2") else { return 0 }
            legacy.region = "ZZ-99"
            try tx.update(legacy)
            return 1
        }
        try ledger.invoice("U-1", "2026-03-10", "1000.00", currency: .usd)
        try ledger.invoice("U-1", "2026-06-01", "500.00", currency: .usd)
        try ledger.invoice("U-2", "2026-05-01", "700.00", currency: .usd)
        try ledger.invoice("P-1", "2026-01-15", "2500.00")
        try service.run(RecordReceipt(customerCode: "U-1", date: day("2026-06-20"),
                                      amount: try MoneyParser.parse("300.00", currency: .usd)))
        // A user dimension on customers, kept in assignment rows: two roots, one with two sub-classes.
        try service.run(DefineDimension(code: "industry", nameEN: "Industry", nameZH: "行业", entity: .customer))
        try service.run(ImportClasses(rows: [
            ClassImportRow(line: 2, dimension: "industry", code: "MFG", nameEN: "Manufacturing", nameZH: "制造业"),
            ClassImportRow(line: 3, dimension: "industry", code: "MFG-AUTO", parentCode: "MFG", nameEN: "Auto"),
            ClassImportRow(line: 4, dimension: "industry", code: "MFG-FOOD", parentCode: "MFG", nameEN: "Food"),
            ClassImportRow(line: 5, dimension: "industry", code: "SVC", nameEN: "Services")
        ], source: "test"))
        let codes = Array(Set(try ledger.store.openItems(asOf: day(AgingMaintainedTests.today)).map(\.customerCode)))
            .sorted()
        for (index, code) in (codes.prefix(9) + ["U-1", "P-1"]).enumerated() {
            let industry = ["MFG-AUTO", "MFG-FOOD", "MFG", "SVC"][index % 4]
            try service.run(SetClass(entity: .customer, recordCode: code, dimension: "industry", classCode: industry))
        }
        return ledger
    }

    @Test func customerDimensionsEqualTheOpenItemsByClass() throws {
        let ledger = try Self.ledger()
        let store = ledger.store
        let reports = Reports(store: store)
        let today = try day(AgingMaintainedTests.today)
        var currencies = Set<String>(), noneRows = 0, classRows = 0
        for (dimension, levels) in [("region", 0...2), ("customer_class", 0...0), ("industry", 0...1)] {
            let nodes = try store.classNodes(dimension: dimension)
            let tree = ClassTree(dimension: dimension, nodes: nodes)
            let known = Set(nodes.map(\.code))
            let values = Dictionary(try store.classAssignments(entity: .customer, dimension: dimension)
                .map { ($0.entityID, $0.classCode) }, uniquingKeysWith: { a, _ in a })
            for level in levels {
                /// The class at the level of a customer's value: nil when the value is no class or above the level.
                func classAt(_ customer: Int64) -> String? {
                    guard let value = values[customer], known.contains(value) else { return nil }
                    let path = Array(tree.path(of: value).reversed())
                    return path.count > level ? path[level] : nil
                }
                for asOf in [today, today.adding(days: -15), try day("2026-03-31"), try day("2025-12-31")] {
                    let open = try store.openItems(asOf: asOf)
                    for basis in AgingBasis.allCases {
                        var expected: [[String]] = []
                        func add(_ code: String, _ name: String, _ items: [OpenItem]) {
                            for report in Aging.reports(items: items, credits: [], asOf: asOf, basis: basis) {
                                expected.append([code, name, report.currency.code]
                                                + report.buckets.map { "\($0.amount)" } + ["\(report.openTotal)"])
                            }
                        }
                        for node in nodes where tree.path(of: node.code).count - 1 == level {
                            add(node.code, node.nameZH.isEmpty ? node.nameEN : node.nameZH,
                                open.filter { classAt($0.customerID) == node.code })
                        }
                        add("(none)", "", open.filter { classAt($0.customerID) == nil })
                        let table = try #require(try reports.aging(asOf: asOf, byClass: dimension, level: level,
                                                                   basis: basis))
                        let actual = minorUnitRows(table)
                        #expect(actual == expected, "\(dimension) level \(level) as of \(asOf), \(basis)")
                        currencies.formUnion(expected.map { $0[2] })
                        noneRows += expected.filter { $0[0] == "(none)" }.count
                        classRows += expected.filter { $0[0] != "(none)" }.count
                    }
                }
            }
        }
        #expect(currencies == ["CNY", "USD"])
        #expect(noneRows > 20 && classRows > 100)
    }
}
