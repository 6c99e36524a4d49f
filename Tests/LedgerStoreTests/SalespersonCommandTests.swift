import Testing
import LedgerCore
import LedgerStore

/// Tryout s33: salespeople on a real ledger — `UpdateSalesperson` changes name and region (never the code), audited,
/// with every issue named by field; a sale can then name the salesperson.
struct SalespersonCommandTests {
    @Test func editChangesNameAndRegionAndIsAudited() throws {
        let ledger = try TestLedger()
        // A region is a class of the region dimension (s34-fix).
        try ledger.service.run(ImportClasses(rows: [ClassImportRow(line: 2, dimension: "region", code: "华东",
                                                                   nameEN: "East China", nameZH: "华东")],
                                             source: "test"))
        try ledger.service.run(CreateSalesperson(code: "ZS", name: "张三", region: "华东"))
        let renamed = try ledger.service.run(UpdateSalesperson(code: "ZS", name: " 张三丰 "))
        #expect(renamed.name == "张三丰" && renamed.region == "华东" && renamed.code == "ZS")
        let moved = try ledger.service.run(UpdateSalesperson(code: "ZS", region: ""))
        #expect(moved.name == "张三丰" && moved.region == "")
        #expect(try ledger.store.salespeople().map(\.name) == ["张三丰"])
        let log = try ledger.store.auditLog(filter: AuditLogFilter(command: "salesperson.update"))
        #expect(log.count == 2)
        #expect(log.contains { $0.changes.contains("张三丰") })
        #expect(try ledger.store.auditVerification().isIntact)
        // The edited salesperson is the one a sale names.
        try ledger.customer("C1")
        var post = PostInvoice(customerCode: "C1", date: CivilDate(iso: "2026-11-29")!,
                               lines: [LineInput(description: "goods", quantity: Quantity(1),
                                                 unitPrice: Money(minorUnits: 100, currency: .cny))])
        post.salespersonCode = "ZS"
        let invoice = try ledger.service.run(post)
        #expect(invoice.salespersonID == renamed.id)
    }

    @Test func editRefusals() throws {
        let ledger = try TestLedger()
        try ledger.service.run(CreateSalesperson(code: "ZS", name: "张三"))
        func issues(_ command: UpdateSalesperson) -> [String] {
            do {
                try ledger.service.run(command)
                return []
            } catch {
                return error.fieldIssues.map(\.description)
            }
        }
        #expect(issues(UpdateSalesperson(code: "NOPE", name: "x")) == ["code: unknown salesperson code NOPE"])
        #expect(issues(UpdateSalesperson(code: "ZS", name: "  ")) == ["name: is required"])
        #expect(issues(UpdateSalesperson(code: "ZS")) == ["name: give a new name or region"])
        #expect(issues(UpdateSalesperson(code: "ZS", name: "a\u{202E}b")).count == 1)
        // Unsafe region text is one issue: the region is not also looked up among the classes (`RegionCheck`).
        #expect(issues(UpdateSalesperson(code: "ZS", region: "华\u{202E}东")).map { $0.prefix(7) } == ["region:"])
        #expect(issues(UpdateSalesperson(code: "", name: "x")) == ["code: is required"])
        #expect(try ledger.store.salespeople().map(\.name) == ["张三"])
        #expect(try ledger.store.auditLog(filter: AuditLogFilter(command: "salesperson.update")).isEmpty)
    }

    /// s34-fix2: adding checks the region as editing does (it took a bidi override) and trims it.
    @Test func addChecksAndTrimsTheRegion() throws {
        let ledger = try TestLedger()
        try ledger.service.run(ImportClasses(rows: [
            ClassImportRow(line: 2, dimension: "region", code: "HD", nameEN: "East China", nameZH: "华东"),
        ], source: "test"))
        do {
            try ledger.service.run(CreateSalesperson(code: "ZS", name: "张三", region: "华\u{202E}东"))
            Issue.record("a bidi override in the region was taken")
        } catch {
            #expect(error.fieldIssues.map(\.path) == ["region"], "\(error)")
        }
        #expect(try ledger.store.salespeople().isEmpty)
        let added = try ledger.service.run(CreateSalesperson(code: "ZS", name: "张三", region: " 华东 "))
        #expect(added.region == "HD")
    }
}
