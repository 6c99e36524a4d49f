import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore

/// Shared set-up of the classification tests: sample folders, loaded ledgers, class files.
enum ClassificationSupport {
    static var sampleData: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/LedgerInterop/SampleData").path
    }

    static func ledger(today: CivilDate) throws -> (SQLiteLedgerStore, LedgerService) {
        let store = try SQLiteLedgerStore()
        return (store, LedgerService(store: store, clock: FixedClock(today), actor: "tester"))
    }

    static func northwind(today: CivilDate = CivilDate(year: 1998, month: 6, day: 30)!) throws -> (SQLiteLedgerStore, LedgerService) {
        let (store, service) = try ledger(today: today)
        _ = try service.runBatch { runner in try NorthwindLoader.load(into: runner, directory: sampleData + "/northwind") }
        return (store, service)
    }

    static func ibm(today: CivilDate = CivilDate(year: 2014, month: 1, day: 31)!) throws -> (SQLiteLedgerStore, LedgerService) {
        let (store, service) = try ledger(today: today)
        _ = try service.runBatch { runner in try IBMLoader.load(into: runner, directory: sampleData + "/ibm") }
        return (store, service)
    }

    /// Class rows of a CSV class file read with the app's CSV reader.
    static func classRows(path: String) throws -> [ClassImportRow] {
        let table = try CSVTable.read(path: path)
        return try ClassFileRows.rows(table)
    }

    static func classRows(text: String) throws -> [ClassImportRow] {
        try ClassFileRows.rows(CSVTable.parse(data: Data(text.utf8), source: "test.csv"))
    }
}

import Classification

enum ClassFileRows {
    static func rows(_ table: CSVTable) throws -> [ClassImportRow] {
        try ClassFile.rows(header: table.header, records: table.records)
    }
}
