import ArgumentParser
import Foundation
import LedgerCore
import LedgerInterop

/// `export journal`: the ledger as an hledger journal (see JournalExport for the accounts).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export the ledger.",
                                                    subcommands: [Journal.self, VoucherExportCommand.self,
                                                                  CustomerExportCommand.self,
                                                                  ProductExportCommand.self, OpeningExportCommand.self])

    struct Journal: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A plain-text accounting journal that hledger reads.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "From date.") var from: String?
        @Option(help: "To date.") var to: String?
        @Option(help: "Write to this file (default: standard output).") var output: String?

        func run() throws {
            let (store, service) = try global.openExistingLedger()
            try service.authorize(.export, detail: "journal to \(output ?? "standard output")")
            var issues = IssueCollector()
            let today = service.clock.today()
            let fromDate = parseDate(from, "from", today, &issues), toDate = parseDate(to, "to", today, &issues)
            try issues.throwIfAny()
            // Streamed: entries are read through cursors and written as they come (issue 15: bounded memory).
            let out = try StreamedOutput(path: output)
            let progress = LoadProgress(label: "export journal", quietSeconds: 1)
            var writer = JournalExport.Writer { out.write($0) }
            try store.forEachJournalItem(from: fromDate, to: toDate, progress: { progress.report("entries", $0, $1) }) {
                writer.add($0)
                try out.check()
            }
            writer.finish()
            try out.commit()
            progress.finish()
        }
    }
}
