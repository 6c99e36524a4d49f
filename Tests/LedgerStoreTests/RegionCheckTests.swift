import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// s34-fix: a customer's or salesperson's region took any text, and the samples posted countries no class named. A
/// region is now a class of the region dimension (code or name, kept as the code); an unknown one is refused, naming
/// known ones; the sample loaders add their countries as classes first.
@Suite struct RegionCheckTests {
    static func regions(_ l: TestLedger) throws {
        try l.service.run(ImportClasses(rows: [
            ClassImportRow(line: 2, dimension: "region", code: "CN-33", nameEN: "Zhejiang", nameZH: "浙江省"),
            ClassImportRow(line: 3, dimension: "region", code: "CN-33-01", parentCode: "CN-33", nameEN: "Hangzhou",
                           nameZH: "杭州市"),
        ], source: "test"))
    }

    @Test func anUnknownRegionIsRefusedNamingKnownOnes() throws {
        let l = try TestLedger()
        var fields = CustomerFields(code: "C1", name: "One")
        fields.region = "华东"
        let empty = #expect(throws: LedgerError.self) { try l.service.run(CreateCustomer(fields)) }
        #expect(empty?.fieldIssues.map(\.description) == ["region: unknown region '华东': the region dimension has no "
                                                           + "classes yet (class import FILE --dimension region)"])
        try Self.regions(l)
        let known = #expect(throws: LedgerError.self) { try l.service.run(CreateCustomer(fields)) }
        #expect(known?.fieldIssues.map(\.description)
                == ["region: unknown region '华东': known: CN-33 浙江省, CN-33-01 杭州市"])
        let salesperson = #expect(throws: LedgerError.self) {
            try l.service.run(CreateSalesperson(code: "S1", name: "One", region: "Mars"))
        }
        #expect(salesperson?.fieldIssues.map(\.path) == ["region"])
        #expect(try l.store.customer(code: "C1") == nil)
    }

    @Test func aRegionByNameIsKeptAsItsCode() throws {
        let l = try TestLedger()
        try Self.regions(l)
        var fields = CustomerFields(code: "C1", name: "One")
        fields.region = "hangzhou"
        #expect(try l.service.run(CreateCustomer(fields)).region == "CN-33-01")
        let person = try l.service.run(CreateSalesperson(code: "S1", name: "One", region: "浙江省"))
        #expect(person.region == "CN-33")
        #expect(try l.service.run(UpdateSalesperson(code: "S1", region: "CN-33-01")).region == "CN-33-01")
    }

    @Test func aStoredRegionFromBeforeIsKeptOnEdit() throws {
        let l = try TestLedger()
        try Self.regions(l)
        var fields = CustomerFields(code: "C1", name: "One")
        fields.region = "CN-33"
        let customer = try l.service.run(CreateCustomer(fields))
        // A region stored before the rule (here written straight into the row) stays when other fields change.
        _ = try l.store.write { tx in
            var old = customer
            old.region = "Old label"
            try tx.update(old)
            return 0
        }
        fields.region = "Old label"
        fields.phone = "0571 1234 5678"
        #expect(try l.service.run(UpdateCustomer(id: customer.id, fields: fields)).region == "Old label")
        fields.region = "Another label"
        #expect(throws: LedgerError.self) { try l.service.run(UpdateCustomer(id: customer.id, fields: fields)) }
    }

    @Test func theSamplesCountriesAreRegionClasses() throws {
        let l = try TestLedger()
        _ = try l.service.runBatch { try ChinookLoader.load(into: $0, directory: sampleDataDirectory("chinook")) }
        let classes = Set(try l.store.classNodes(dimension: "region").map(\.code))
        let customers = try l.store.receivablesSnapshot(customerID: nil).customers
        #expect(!customers.isEmpty && customers.allSatisfy { $0.region.isEmpty || classes.contains($0.region) })
        #expect(classes.contains("United-Kingdom"))
        #expect(try l.store.classNodes(dimension: "region").first { $0.code == "United-Kingdom" }?.nameEN
                == "United Kingdom")
    }
}
