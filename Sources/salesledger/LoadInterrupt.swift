import Foundation
import LedgerCore

/// Ctrl-C during `sample generate` (issue 10): the first SIGINT only sets a flag, which the load's progress callback
/// turns into `Interrupted` between two units of work (at most 1,000 invoices or receipts later); the chunk being
/// written rolls back, what earlier chunks committed stays with the load's marker, and the command tells the user
/// how to resume or abandon it. A second Ctrl-C ends the process at once (the default action, as before).
enum LoadInterrupt {
    /// Set by the signal handler; read between units of work.
    nonisolated(unsafe) static var requested: sig_atomic_t = 0

    struct Interrupted: Error {}

    /// Installs the handler (once, before the load).
    static func install() {
        signal(SIGINT) { _ in
            LoadInterrupt.requested = 1
            signal(SIGINT, SIG_DFL)
        }
    }

    /// Throws `Interrupted` once Ctrl-C was pressed.
    static func check() throws {
        if requested != 0 { throw Interrupted() }
    }

    /// What an interrupted `sample generate` tells the user (stderr): what the ledger keeps, and the two ways on.
    /// - Parameters: `marker` the load's marker after the interruption (nil: nothing committed), `invoices` the
    ///   invoices asked for.
    static func message(marker: BulkLoadMarker?, invoices: Int) -> [String] {
        guard let marker else {
            return ["sample generate interrupted before its first chunk was committed: nothing was written"]
        }
        return ["sample generate interrupted: the ledger keeps the \(marker.invoicesDone) of \(invoices) invoices and "
                    + "\(marker.receiptsDone) receipts committed so far",
                "run the same command again to finish it (it goes on from there), "
                    + "or give it up with: salesledger sample generate --abandon"]
    }
}
