import Classification
import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

@Suite struct ClassificationNorthwindTests {
    static let from1997 = CivilDate(year: 1997, month: 1, day: 1)!
    static let to1997 = CivilDate(year: 1997, month: 12, day: 31)!

    /// Independent ABC from the CSV files: Decimal arithmetic, each line rounded half-up to cents as on an invoice.
    static func expectedABC() throws -> [String: String] {
        let dir = ClassificationSupport.sampleData + "/northwind"
        let orders = try CSVTable.read(path: dir + "/orders.csv")
        var customerOf: [String: String] = [:]
        for r in orders.records.indices where orders.value(r, "order_date").hasPrefix("1997") {
            customerOf[orders.value(r, "order_id")] = orders.value(r, "customer_id")
        }
        let details = try CSVTable.read(path: dir + "/order_details.csv")
        var revenue: [String: Decimal] = [:]
        for r in details.records.indices {
            guard let customer = customerOf[details.value(r, "order_id")] else { continue }
            var amount = Decimal(string: details.value(r, "unit_price"))! * Decimal(string: details.value(r, "quantity"))!
                * (1 - Decimal(string: details.value(r, "discount"))!)
            var rounded = Decimal()
            NSDecimalRound(&rounded, &amount, 2, .plain)
            revenue[customer, default: 0] += rounded
        }
        let customers = try CSVTable.read(path: dir + "/customers.csv")
        let all = customers.records.indices.map { customers.value($0, "customer_id") }
        let ranked = all.sorted { (revenue[$0] ?? 0, $1) > (revenue[$1] ?? 0, $0) }
        let total = ranked.reduce(Decimal(0)) { $0 + (revenue[$1] ?? 0) }
        var before = Decimal(0)
        var out: [String: String] = [:]
        for code in ranked {
            let r = revenue[code] ?? 0
            let share = before / total
            out[code] = r <= 0 ? "C" : share < Decimal(string: "0.80")! ? "A" : share < Decimal(string: "0.95")! ? "B" : "C"
            before += r
        }
        return out
    }

    @Test func customerABCFor1997MatchesAnIndependentComputation() throws {
        let (store, service) = try ClassificationSupport.northwind()
        let outcome = try ClassificationRules(service: service).runCustomerABC(from: Self.from1997, to: Self.to1997)
        let expected = try Self.expectedABC()
        let actual = Dictionary(uniqueKeysWithValues: try store.customers(search: nil, asOf: Self.to1997, page: .all)
            .map { ($0.code, $0.customerClass) })
        #expect(actual.count == 91)
        #expect(actual == expected)
        #expect(outcome.changed == 91)
        let counts = Dictionary(grouping: actual.values, by: { $0 }).mapValues(\.count)
        #expect(counts["A"]! > 0 && counts["B"]! > 0 && counts["C"]! > 0)
        #expect(counts["A"]! < counts["C"]!)
        // Rule-set classes are recorded with their source and the previous class in history.
        let id = try #require(store.customer(code: "SAVEA")?.id)
        let history = try store.classHistory(entity: .customer, entityID: id)
        #expect(history.count == 1)
        #expect(history.first?.oldCode == "")
        #expect(history.first?.newCode == "A")
        #expect(history.first?.source == .rule("abc"))
        // A second run changes nothing.
        let again = try ClassificationRules(service: service).runCustomerABC(from: Self.from1997, to: Self.to1997)
        #expect(again.changed == 0 && again.unchanged == 91)
    }

    @Test func salesPivotByShipCountryAndQuarterTotalsTheSalesReport() throws {
        let (store, service) = try ClassificationSupport.northwind()
        let query = PivotQuery(measure: .sales, rows: .dimension("region"), columns: .period(.quarter), asOf: service.clock.today())
        let tables = PivotTable.build(query: query, facts: try store.pivotFacts(query), rowTree: nil, columnTree: nil)
        #expect(tables.count == 1)
        let table = try #require(tables.first)
        let report = try store.salesReport(by: .region, from: nil, to: nil)
        let reportTotal = report.reduce(Int64(0)) { $0 + $1.total }
        #expect(table.grandTotal == reportTotal)
        #expect(table.grandTotal == 126_579_329) // 1 265 793.29 USD: Northwind's order_details total, line-rounded
        #expect(table.rows.count == 21)
        #expect(table.columns.map(\.key) == ["1996-Q3", "1996-Q4", "1997-Q1", "1997-Q2", "1997-Q3", "1997-Q4", "1998-Q1", "1998-Q2"])
        #expect(table.rowTotals.reduce(0, +) == reportTotal)
        #expect(table.columnTotals.reduce(0, +) == reportTotal)
        // Each row total equals the sales report's region row; each column the quarter report's.
        let byRegion = Dictionary(uniqueKeysWithValues: report.map { ($0.key, $0.total) })
        for (i, row) in table.rows.enumerated() { #expect(table.rowTotals[i] == byRegion[row.key]) }
        let byQuarter = Dictionary(uniqueKeysWithValues: try store.salesReport(by: .quarter, from: nil, to: nil).map { ($0.key, $0.total) })
        for (j, column) in table.columns.enumerated() { #expect(table.columnTotals[j] == byQuarter[column.key]) }
        // 1997 only: the same.
        var q1997 = query
        q1997.from = Self.from1997
        q1997.to = Self.to1997
        let t1997 = try #require(PivotTable.build(query: q1997, facts: try store.pivotFacts(q1997), rowTree: nil, columnTree: nil).first)
        #expect(t1997.grandTotal == (try store.salesReport(by: .region, from: Self.from1997, to: Self.to1997)).reduce(0) { $0 + $1.total })
        // Drill-down: the invoices behind Germany × 1997-Q1 add up to the cell.
        let row = try #require(t1997.rows.firstIndex { $0.key == "Germany" })
        let col = try #require(t1997.columns.firstIndex { $0.key == "1997-Q1" })
        let docs = try store.pivotDocuments(q1997, rowKeys: t1997.rows[row].leafKeys, columnKeys: t1997.columns[col].leafKeys, page: .all)
        #expect(!docs.isEmpty)
        #expect(docs.reduce(Int64(0)) { $0 + $1.total.minorUnits } == t1997.values[row][col])
    }

    @Test func regionHierarchyRollsUpCountriesIntoContinents() throws {
        let (store, service) = try ClassificationSupport.northwind()
        let rows = try ClassificationSupport.classRows(path: ClassificationSupport.sampleData + "/classes/northwind-regions.csv")
        // The loader added the countries as top-level classes (s34-fix): the file adds the continents and moves the
        // countries under them.
        let outcome = try service.run(ImportClasses(rows: rows, source: "northwind-regions.csv"))
        #expect(outcome.added + outcome.changed == 24 && outcome.added == 3, "\(outcome)")
        let tree = ClassTree(dimension: "region", nodes: try store.classNodes(dimension: "region"))
        #expect(tree.descendants(of: "EUROPE").count == 16)
        #expect(tree.path(of: "Germany") == ["Germany", "EUROPE"])
        let report = try store.salesReport(by: .region, from: nil, to: nil)
        let byCountry = Dictionary(uniqueKeysWithValues: report.map { ($0.key, $0.total) })
        let europe = byCountry.filter { tree.parent(of: $0.key) == "EUROPE" }.values.reduce(0, +)
        // Pivot at continent level, and with subtotals.
        let query = PivotQuery(measure: .sales, rows: .dimension("region"), columns: .period(.year), asOf: service.clock.today())
        let facts = try store.pivotFacts(query)
        let continents = try #require(PivotTable.build(query: query, facts: facts, rowTree: tree, columnTree: nil,
                                                       layout: .init(rowDepth: 0, chinese: true)).first)
        #expect(continents.rows.map(\.key) == ["EUROPE", "NORTH-AMERICA", "SOUTH-AMERICA"])
        #expect(continents.rows.map(\.label) == ["欧洲", "北美洲", "南美洲"])
        #expect(continents.rowTotals[0] == europe)
        #expect(continents.grandTotal == report.reduce(0) { $0 + $1.total })
        let detailed = try #require(PivotTable.build(query: query, facts: facts, rowTree: tree, columnTree: nil,
                                                     layout: .init(subtotals: true)).first)
        #expect(detailed.rows.count == 24)
        let europeRow = try #require(detailed.rows.firstIndex { $0.key == "EUROPE" })
        #expect(detailed.rows[europeRow].isSubtotal)
        #expect(detailed.rowTotals[europeRow] == europe)
        #expect(detailed.grandTotal == continents.grandTotal)
        // Classified filter: region EUROPE includes its countries.
        let filter = ClassFilter(conditions: [ClassCondition(dimension: "region", codes: ["EUROPE"])], basis: .atPosting)
        let invoices = try store.classifiedInvoices(filter: filter, invoiceFilter: InvoiceFilter(status: .posted), page: .all)
        #expect(invoices.reduce(Int64(0)) { $0 + $1.total.minorUnits } == europe)
        let customers = try store.classifiedCustomers(filter: ClassFilter(conditions: [ClassCondition(dimension: "region", codes: ["SOUTH-AMERICA"])]),
                                                      asOf: service.clock.today(), page: .all)
        #expect(customers.count == 16)
        #expect(customers.allSatisfy { ["Brazil", "Argentina", "Venezuela"].contains($0.region) })
        let searched = try store.classifiedCustomers(filter: ClassFilter(conditions: [ClassCondition(dimension: "region", codes: ["EUROPE"])], search: "ALFKI"),
                                                     asOf: service.clock.today(), page: .all)
        #expect(searched.map(\.code) == ["ALFKI"])
    }
}
