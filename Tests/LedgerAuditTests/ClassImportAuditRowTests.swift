import Foundation
import LedgerAudit
import LedgerCore
import LedgerStore
import Testing

/// s32-fix: a class import's audit entry names each class once (its row id; the file's line number repeated across
/// the files of one import, so `+class_node#2` was listed once per file), and `audit log`'s text table shows the
/// first records of an entry and counts the rest (CSV and JSON keep them all).
@Suite struct ClassImportAuditRowTests {
    @Test func aClassImportOfTwoFilesNamesEachClassOnce() throws {
        let store = try SQLiteLedgerStore()
        let service = LedgerService(store: store, clock: FixedClock(CivilDate(iso: "2026-06-30")!), actor: "li",
                                    role: .admin)
        try service.run(DefineDimension(code: "area", nameEN: "Area", nameZH: "地区", entity: .customer))
        try service.run(ImportClasses(rows: [
            ClassImportRow(line: 2, dimension: "area", code: "GD", nameEN: "Guangdong", file: "provinces.csv"),
            ClassImportRow(line: 3, dimension: "area", code: "ZJ", nameEN: "Zhejiang", file: "provinces.csv"),
            ClassImportRow(line: 2, dimension: "area", code: "GD-SZ", parentCode: "GD", nameEN: "Shenzhen",
                           file: "cities.csv"),
            ClassImportRow(line: 3, dimension: "area", code: "ZJ-HZ", parentCode: "ZJ", nameEN: "Hangzhou",
                           file: "cities.csv"),
        ], source: "test"))
        let entry = try #require(try store.auditLog(filter: AuditLogFilter(command: "class.import")).last)
        let row = try #require(AuditLogView.row(entry))
        #expect(row.records.count == 4)
        #expect(Set(row.records).count == 4, "\(row.records)")
        #expect(row.records.allSatisfy { $0.hasPrefix("+class_node#") })
        // The text table's cell: the first names and a count of the rest; whole without a limit.
        #expect(row.recordsCell() == row.records.joined(separator: " "))
        #expect(row.recordsCell(limit: 4) == row.records.joined(separator: " "))
        #expect(row.recordsCell(limit: 3) == row.records.prefix(3).joined(separator: " ") + " … and 1 more")
        #expect(row.recordsCell(limit: 1, chinese: true) == row.records[0] + " … 等另 3 条")
    }
}
