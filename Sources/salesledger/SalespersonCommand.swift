import ArgumentParser
import LedgerCore
import LedgerReports

/// `salesperson add|list|edit`: salespeople (业务员) on a real ledger (tryout s33: only `sample generate` made them,
/// so F3 refused `unknown salesperson code 张三`). Writes go through the command layer (validated, audited).
struct SalespersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "salesperson", abstract: "Salespeople (业务员): list, add, edit.",
        subcommands: [List.self, Add.self, Edit.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List salespeople by code.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "table, csv or json") var format: OutputFormat = .table

        func run() throws {
            let (store, _) = try global.openExistingLedger()
            printReport(listTable("salespeople", [("code", .text), ("name", .text), ("region", .text)],
                                  try store.salespeople().map { [.text($0.code), .text($0.name), .text($0.region)] }),
                        format)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a salesperson.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Code, as typed in the sales entry's salesperson field, e.g. S01.") var code: String
        @Option(help: "Name, e.g. 张三.") var name: String
        @Option(help: "Region or territory (free text).") var region = ""

        func run() throws {
            let (_, service) = try global.openLedger()
            let person = try service.run(CreateSalesperson(code: code, name: name, region: region))
            print("salesperson \(person.code) added: \(SalespersonCommand.describe(person))")
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a salesperson's name or region (the code "
                                                                  + "stays).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Salesperson code.") var code: String
        @Option var name: String?
        @Option(help: "Region or territory (free text; \"\" clears it).") var region: String?

        func run() throws {
            let (_, service) = try global.openLedger()
            let person = try service.run(UpdateSalesperson(code: code, name: name, region: region))
            print("salesperson \(person.code) changed: \(SalespersonCommand.describe(person))")
        }
    }

    /// `张三` or `张三 (华东)`.
    static func describe(_ person: Salesperson) -> String {
        person.region.isEmpty ? person.name : "\(person.name) (\(person.region))"
    }
}
