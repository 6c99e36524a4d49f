import ArgumentParser
import Foundation
import LedgerCore
import LedgerInterop

/// `export products`: the product list in the columns `import products` reads.
struct ProductExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "products",
                                                    abstract: "Products as CSV (imports back).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Write to this file (default: standard output).") var output: String?

    func run() throws {
        let (store, _) = try global.openLedger()
        try ExportFile.write(MasterDataExport.products(try store.products(search: nil, page: .all)), to: output)
    }
}

/// `export opening`: open invoices and unapplied credits as of a date, in the columns `import opening` reads.
struct OpeningExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opening", abstract: "Opening balances (open invoices, unapplied credit) as of a date, as CSV.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "As-of date (default today).") var asOf: String?
    @Option(help: "Write to this file (default: standard output).") var output: String?

    func run() throws {
        let (store, service) = try global.openLedger()
        var issues = IssueCollector()
        let today = service.clock.today()
        let date = parseDate(asOf, "asOf", today, &issues) ?? today
        try issues.throwIfAny()
        // Streamed (issue 10, 226.5 MB at 1M before): the open invoices from a cursor ordered in SQL, written as they
        // come; then the unapplied credits (few), all in one read snapshot.
        let out = try ExportStream(path: output)
        do {
            try store.readSnapshot {
                try out.write(MasterDataExport.openingPreamble())
                try store.forEachOpenItemByCustomer(asOf: date) { items, references in
                    for item in items { try out.write(MasterDataExport.openingLine(item, references: references)) }
                }
                let credits = try store.unappliedCredits(asOf: date)
                let references = try store.references(of: credits.map(\.number))
                for row in MasterDataExport.openingCreditRows(credits, references: references) {
                    try out.write(CSVOutput.line(row, style: CSVOutput.processDefault) + "\n")
                }
            }
            try out.finish()
        } catch {
            out.abandon()
            throw error
        }
    }
}

enum ExportFile {
    /// Writes `text` atomically to `path`, or to standard output when nil.
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            print(text, terminator: "")
            return
        }
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw UserError("output: cannot write \(path): \(error.localizedDescription)")
        }
    }
}
