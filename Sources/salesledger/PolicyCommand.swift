import ArgumentParser
import LedgerCore

/// `policy show|set`: access policy kept in the ledger (admin sets it).
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Access policy: the amount up to which a clerk may issue a credit note.",
        subcommands: [Set.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set the policy (admin only).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Credit notes above this many minor units (cents, fen) need a manager; default 0 (all of them).")
        var creditNoteClerkLimit: Int64
        func run() throws {
            let (_, service) = try global.openLedger()
            let limit = try service.run(SetAccessPolicy(creditNoteClerkLimit: creditNoteClerkLimit))
            print("credit notes above \(limit) minor units need a manager")
        }
    }
}
