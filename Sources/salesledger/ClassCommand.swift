import ArgumentParser
import Classification
import Foundation
import LedgerCore
import LedgerReports
import LedgerInterop
import LedgerStore

extension ClassEntity: ExpressibleByArgument {}
extension ClassBasis: ExpressibleByArgument {}

/// `salesledger class …`: dimensions and classes (分类), reclassification, rules, classified lists.
struct ClassCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "class",
        abstract: "Classification (分类): dimensions, classes, reclassification, rules, classified lists.",
        subcommands: [Dimensions.self, Define.self, Import.self, List.self, Set.self, History.self,
                      ClassRunCommand.self, ClassFindCommand.self])

    struct Dimensions: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the dimensions (built-in and user-defined).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "table, csv or json") var format: OutputFormat = .table
        func run() throws {
            let (store, _) = try global.openExistingLedger()
            let rows = try store.classDimensions().map { d -> [ReportCell] in
                [.text(d.code), .text(d.nameEN), .text(d.nameZH), .text(d.entity.rawValue),
                 .text(d.isBuiltIn ? "built-in" : "user"), .count(try store.classNodes(dimension: d.code).count)]
            }
            printReport(listTable("dimensions",
                                  [("dimension", .text), ("name_en", .text), ("name_zh", .text), ("entity", .text),
                                                 ("kind", .text), ("classes", .count)], rows), format)
        }
    }

    struct Define: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user-defined dimension, e.g. industry "
                                                                  + "(行业).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Code: a–z, 0–9, _") var code: String
        @Option(help: "English name.") var nameEn = ""
        @Option(help: "Chinese name.") var nameZh = ""
        @Option(help: "customer, product or invoice") var entity: ClassEntity = .customer
        func run() throws {
            let (_, service) = try global.openLedger()
            let d = try service.run(DefineDimension(code: code, nameEN: nameEn, nameZH: nameZh, entity: entity))
            print("dimension \(d.code) added (\(d.entity.rawValue))")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import classes from a CSV class file (all or nothing).",
            discussion: "File columns: dimension,code,parent,name_en,name_zh (header row; a parent may come later in "
                        + "the file). --china-regions loads the shipped table of China's provinces and cities (CN → "
                          + "CN-33 → CN-33-01); --northwind-regions the Northwind countries by continent.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Class file (CSV).") var file: String?
        @Option(help: "Dimension for a file without a dimension column.") var dimension: String?
        @Flag(help: "Import China's provinces and prefecture-level cities (统计用区划代码) into region.")
        var chinaRegions = false
        @Flag(help: "Import the Northwind countries under continents into region.") var northwindRegions = false

        func validate() throws {
            if [file != nil, chinaRegions, northwindRegions].filter({ $0 }).count != 1 {
                throw ValidationError("give one of: a file, --china-regions, --northwind-regions")
            }
        }

        func run() throws {
            let (_, service) = try global.openLedger()
            let rows: [ClassImportRow]
            let source: String
            if chinaRegions {
                let provinces = try CSVTable.read(path: try SampleDataLocation.path("cn-regions", "provinces.csv"))
                let cities = try CSVTable.read(path: try SampleDataLocation.path("cn-regions", "cities.csv"))
                rows = try ClassFile.chinaRegions(provinceHeader: provinces.header, provinces: provinces.records,
                                                  cityHeader: cities.header, cities: cities.records)
                source = "cn-regions"
            } else {
                let path = northwindRegions ? try SampleDataLocation.path("classes",
                                                                          "northwind-regions.csv") : file ?? ""
                let table = try CSVTable.read(path: path)
                do {
                    rows = try ClassFile.rows(header: table.header, records: table.records, defaultDimension: dimension)
                } catch {
                    throw UserError("\(path): \(error)")
                }
                source = path
            }
            do {
                let outcome = try service.run(ImportClasses(rows: rows, source: source))
                print(Self.summary(outcome, source: source))
            } catch {
                throw UserError("\(source): nothing imported:\n\(error)")
            }
        }

        /// `imported 374 classes from cn-regions: 374 new, 0 changed, 0 unchanged`; when the ledger already had every
        /// class as the file says, `nothing changed: 374 classes from cn-regions unchanged` (s33-fix: a re-run said
        /// "imported 374" and wrote an empty audit entry).
        static func summary(_ outcome: ImportClasses.Outcome, source: String) -> String {
            let classes = counted(outcome.total, "class", plural: "classes")
            guard outcome.added + outcome.changed > 0 else {
                return "nothing changed: \(classes) from \(source) unchanged"
            }
            return "imported \(classes) from \(source): \(outcome.added) new, \(outcome.changed) changed, "
                + "\(outcome.unchanged) unchanged"
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the classes of a dimension as a tree.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Dimension code, e.g. region.") var dimension: String
        @Option(help: "table, csv or json") var format: OutputFormat = .table
        func run() throws {
            let (store, _) = try global.openExistingLedger()
            let nodes = try store.classNodes(dimension: dimension)
            let tree = ClassTree(dimension: dimension, nodes: nodes)
            let rows = nodes.map { n in
                let indent = format == .table ? String(repeating: "  ", count: tree.depth(of: n.code)) : ""
                return [.text(indent + n.code), .text(n.parentCode), .text(n.name(chinese: global.isChinese)),
                        .count(tree.depth(of: n.code))] as [ReportCell]
            }
            printReport(listTable("classes", [("class", .text), ("parent", .text), ("name", .text), ("level", .count)],
                                  rows), format)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reclassify a record by hand (audited; rules then leave it alone unless --overwrite-manual).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "customer, product or invoice") var entity: ClassEntity = .customer
        @Argument(help: "Customer code, product SKU or document number.") var record: String
        @Argument(help: "Dimension code.") var dimension: String
        @Argument(help: "Class code (\"\" clears).") var classCode: String
        @Option(help: "Why (kept in the history).") var reason = ""
        func run() throws {
            let (_, service) = try global.openLedger()
            let change = try service.run(SetClass(entity: entity, recordCode: record, dimension: dimension,
                                                  classCode: classCode, reason: reason))
            print("\(record) \(dimension): '\(change.oldCode)' → '\(change.newCode)'")
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Class history of one record.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "customer, product or invoice") var entity: ClassEntity = .customer
        @Argument(help: "Customer code, product SKU or document number.") var record: String
        @Option(help: "table, csv or json") var format: OutputFormat = .table
        func run() throws {
            let (store, service) = try global.openExistingLedger()
            let id: Int64? = try service.store.write { tx in try tx.entityID(entity: entity, code: record) }
            guard let id else { throw UserError("no \(entity.rawValue) '\(record)'") }
            let rows = try store.classHistory(entity: entity, entityID: id).map {
                [.date($0.changedOn), .text($0.dimension), .text($0.oldCode), .text($0.newCode),
                 .text($0.source.description), .text($0.actor), .text($0.reason)] as [ReportCell]
            }
            printReport(listTable("class-history",
                                  [("date", .date), ("dimension", .text), ("from", .text), ("to", .text),
                                                    ("source", .text), ("actor", .text), ("reason", .text)], rows),
                                                    format)
        }
    }
}
