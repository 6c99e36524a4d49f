import ArgumentParser
import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sample", abstract: "Load or generate sample ledgers.",
                                                    subcommands: [Load.self, Generate.self])

    enum DataSet: String, ExpressibleByArgument, CaseIterable { case northwind, chinook, ibm }

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Load a public sample data set (all or nothing).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "northwind, chinook or ibm") var name: DataSet
        @Flag(help: "Load even when the ledger is not empty.") var force = false

        func run() throws {
            let (store, service) = try global.openLedger()
            try SampleCommand.refuseNonEmpty(store, force: force)
            let folder = name == .ibm ? "ibm" : name.rawValue
            let directory = try SampleDataLocation.path(folder, "").dropLast()
            let report = try service.runBatch { runner -> LoadReport in
                switch name {
                case .northwind:
                    try SampleClasses.importNorthwindRegions(runner)
                    return try NorthwindLoader.load(into: runner, directory: String(directory))
                case .ibm: return try IBMLoader.load(into: runner, directory: String(directory))
                case .chinook: return try ChinookLoader.load(into: runner, directory: String(directory))
                }
            }
            print(report)
        }
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a deterministic synthetic ledger; --lang zh (default) or en picks the names.",
            discussion: """
                The load commits every 20,000 commands or so. Interrupted (killed, power cut), it leaves whole \
                chunks and a marker; the same command again resumes it and writes the ledger an uninterrupted run \
                writes. --abandon gives it up instead: the marker goes, what it committed stays (posted documents \
                with audit entries).
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Number of customers.") var customers = 200
        @Option(help: "Number of invoices.") var invoices = 3000
        @Option(help: "Random seed: the same seed (and today) gives the same ledger.") var seed: UInt64 = 1
        @Flag(help: """
            Generate even when the ledger is not empty: salespeople, products and customers whose generated codes \
            exist are reused.
            """) var force = false
        @Option(help: .hidden) var commitEvery = 20_000
        @Flag(help: """
            Abandon the interrupted load instead of resuming it (manager or admin): the invoices and receipts it \
            committed stay, posted and audited; other options may run afterwards.
            """) var abandon = false

        func validate() throws {
            guard customers >= 1,
            customers <= 1_000_000 else { throw ValidationError("--customers must be 1…1000000") }
            guard invoices >= 0,
            invoices <= 10_000_000 else { throw ValidationError("--invoices must be 0…10000000") }
        }

        func run() throws {
            let (store, service) = try global.openLedger()
            if abandon {
                let marker = try service.run(AbandonBulkLoad(load: SampleGenerator.loadName))
                print("abandoned the interrupted sample generate (\(marker.parameters)): kept the "
                      + "\(marker.invoicesDone) invoices and \(marker.receiptsDone) receipts it had committed")
                print("they are posted, with audit entries: void them or start a new ledger to be rid of them")
                return
            }
            let interrupted = try store.interruptedLoadMarker(name: SampleGenerator.loadName)
            // An interrupted load is resumed (same options) or refused by the generator (other options).
            if interrupted == nil { try SampleCommand.refuseNonEmpty(store, force: force) }
            let language = SampleGenerator.Language(rawValue: (global.lang ?? "zh").lowercased()) ?? .zh
            let cities = try SampleGenerator.loadCities(directory: String(try SampleDataLocation.path("cn-regions",
                                                                                                      "").dropLast()))
            var generator = SampleGenerator(language: language, customers: customers, invoices: invoices, seed: seed,
                                            today: service.clock.today(), cities: cities)
            let progress = LoadProgress(label: "sample generate")
            generator.progress = {
                try LoadInterrupt.check()
                progress.report($0, $1, $2)
            }
            if let interrupted, interrupted.parameters == generator.parameters {
                print("resuming the interrupted sample generate (\(interrupted.parameters)): "
                      + "\(interrupted.invoicesDone) of \(invoices) invoices and \(interrupted.receiptsDone) receipts "
                      + "committed already")
            }
            let chunk = max(1, commitEvery)
            LoadInterrupt.install()
            let report: LoadReport
            do {
                report = try WriteJob.$current.withValue("sample generate by \(service.actor)") {
                    try service.runChunked(commandsPerCommit: chunk) { runner -> LoadReport in
                        if language == .zh { try SampleClasses.importChinaRegions(runner) }
                        return try generator.load(into: runner)
                    }
                }
            } catch where LoadInterrupt.requested != 0 {
                progress.finish()
                let marker = try store.interruptedLoadMarker(name: SampleGenerator.loadName)
                for line in LoadInterrupt.message(marker: marker, invoices: invoices) {
                    FileHandle.standardError.write(Data(("salesledger: " + CLIChinese.message(line) + "\n").utf8))
                }
                throw ExitCode(130)
            }
            progress.finish()
            print(report)
        }
    }

    static func refuseNonEmpty(_ store: SQLiteLedgerStore, force: Bool) throws {
        if !force, !(try store.summary().isEmpty) {
            throw UserError("the ledger is not empty; use --force to load into it anyway")
        }
    }
}
