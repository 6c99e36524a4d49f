import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// s33-fix: the audit log named every import `+import_file#0`; each names its own record now.
@Suite struct ImportFileAuditTests {
    @Test func eachImportNamesItsOwnFileRecord() throws {
        let l = try TestLedger(today: "2026-06-30")
        for (name, text) in [("a.csv", "code,name\nC1,甲\n"), ("b.csv", "code,name\nC2,乙\n"),
                             ("c.csv", "date,customer,amount\n2026-06-01,甲,1.00\n")] {
            let kind: ImportKind = name == "c.csv" ? .sales : .customers
            let plan = try DataImport(file: try DelimitedFile.parse(data: Data(text.utf8), source: name), kind: kind,
                                      settings: ImportSettings())
            #expect(try plan.run(service: l.service, dryRun: false).written)
        }
        let entries = try l.store.auditLog(filter: AuditLogFilter(command: "import.file"))
        let changes = try entries.map { try JSONDecoder().decode([AuditChange].self, from: Data($0.changes.utf8)) }
        #expect(changes.map { $0.map { "\($0.entity)#\($0.id)" } } == [["import_file#1"], ["import_file#2"],
                                                                       ["import_file#3"]])
        #expect(entries.map { $0.payload.contains("\"fileName\":\"\(["a", "b", "c"][Int($0.seq) - 1]).csv\"") }
                == [true, true, true])
    }
}
