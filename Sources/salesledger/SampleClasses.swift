import Classification
import LedgerCore
import LedgerInterop

/// Class tables that come with the samples: China's regions for the generated ledger, Northwind's countries.
enum SampleClasses {
    /// Imports China's provinces and prefecture-level cities into the region dimension (inside a batch).
    static func importChinaRegions(_ runner: LedgerService.BatchRunner) throws {
        let provinces = try CSVTable.read(path: try SampleDataLocation.path("cn-regions", "provinces.csv"))
        let cities = try CSVTable.read(path: try SampleDataLocation.path("cn-regions", "cities.csv"))
        let rows = try ClassFile.chinaRegions(provinceHeader: provinces.header, provinces: provinces.records,
                                              cityHeader: cities.header, cities: cities.records)
        try runner.run(ImportClasses(rows: rows, source: "cn-regions"))
    }

    /// Imports Northwind's countries (grouped by continent) into the region dimension (inside a batch).
    static func importNorthwindRegions(_ runner: LedgerService.BatchRunner) throws {
        let table = try CSVTable.read(path: try SampleDataLocation.path("classes", "northwind-regions.csv"))
        let rows = try ClassFile.rows(header: table.header, records: table.records,
                                      defaultDimension: BuiltInDimension.region.rawValue)
        try runner.run(ImportClasses(rows: rows, source: "northwind-regions"))
    }
}
