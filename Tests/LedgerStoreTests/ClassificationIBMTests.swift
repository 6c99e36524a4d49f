import Classification
import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

@Suite struct ClassificationIBMTests {
    /// Payment risk over invoices dated 2013 (13 months before 2014-01-31, all settled by then), checked against
    /// the file's own DaysLate column with the documented thresholds.
    @Test func paymentRiskMatchesDaysLateFromTheCSV() throws {
        let asOf = CivilDate(year: 2014, month: 1, day: 31)!
        let (store, service) = try ClassificationSupport.ibm(today: asOf)
        let outcome = try ClassificationRules(service: service).runPaymentRisk(asOf: asOf, months: 13)

        let table = try CSVTable.read(path: ClassificationSupport.sampleData + "/ibm/invoices.csv")
        var count: [String: Int] = [:], late: [String: Int] = [:], days: [String: Int] = [:]
        for r in table.records.indices where table.value(r, "InvoiceDate").hasSuffix("/2013") {
            let customer = table.value(r, "customerID")
            let daysLate = Int(table.value(r, "DaysLate"))!
            count[customer, default: 0] += 1
            days[customer, default: 0] += daysLate
            if daysLate > 0 { late[customer, default: 0] += 1 }
        }
        var expected: [String: String] = [:]
        for (customer, n) in count {
            let avg = Double(days[customer] ?? 0) / Double(n)
            let share = Double(late[customer] ?? 0) / Double(n)
            expected[customer] = avg >= 15 || share >= 0.5 ? "high" : avg >= 5 || share >= 0.25 ? "medium" : "low"
        }
        var actual: [String: String] = [:]
        let codes = Dictionary(uniqueKeysWithValues: try store.customers(search: nil, asOf: asOf, page: .all).map { ($0.id, $0.code) })
        for a in try store.classAssignments(entity: .customer, dimension: "payment_risk") { actual[codes[a.entityID]!] = a.classCode }
        #expect(expected.count > 50)
        #expect(actual == expected)
        #expect(outcome.changed == expected.count)
        let classes = Set(actual.values)
        #expect(classes == ["low", "medium", "high"])
        // The risk class filters the receivables list (open items) and the customer list.
        let high = ClassFilter(conditions: [ClassCondition(dimension: "payment_risk", codes: ["high"])])
        let highCustomers = try store.classifiedCustomers(filter: high, asOf: asOf, page: .all)
        #expect(Set(highCustomers.map(\.code)) == Set(expected.filter { $0.value == "high" }.keys))
        let open = try store.classifiedOpenItems(filter: high, asOf: CivilDate(year: 2013, month: 6, day: 30)!)
        #expect(open.allSatisfy { expected[$0.customerCode] == "high" })
    }
}
