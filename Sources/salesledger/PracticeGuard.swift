import Foundation
import LedgerCore
import LedgerStore

/// Keeps practice and real ledgers apart: a file marked as practice opens only in training mode (`train`,
/// `--practice`), and a real ledger never opens as the practice one. While a practice ledger is open every
/// export and statement carries the watermark.
enum PracticeGuard {
    /// - Throws: `UserError` naming the file and what to do.
    static func check(_ store: SQLiteLedgerStore, path: String, practice: Bool) throws {
        let marked = try store.ledgerSetting(PracticeLedger.markerKey) != nil
        if marked && !practice {
            throw UserError(
                "\(path) is a practice ledger (练习账套), never the real one: open it with `salesledger train` "
                    + "or `--practice` beside the real ledger")
        }
        if practice && !marked {
            throw UserError(
                "\(path) is not a practice ledger: training never uses a real ledger "
                    + "(move the file away, then run `salesledger train`)")
        }
        PracticeWatermark.text = marked ? PracticeWatermark.standard : nil
    }
}
