import LedgerCore
import TerminalUI

extension SalesEntryScreen {
    /// The plausibility warnings for posting `command` (`EntryPlausibility.sale`, with the customer's and the
    /// products' history from the ledger); empty when the history cannot be read (a read failure never blocks a sale).
    func plausibilityWarnings(_ command: PostInvoice, context: AppContext) -> [PlausibilityWarning] {
        guard let customer else { return [] }
        let skus = command.lines.compactMap(\.productSKU)
        guard let history = try? context.store.entryHistory(customerCode: customer.code, skus: skus),
              let totals = SaleMath.totals(liveLineAmounts) else { return [] }
        let lines = command.lines.map { line -> EntryPlausibility.Line in
            let list = line.productSKU.flatMap { try? context.store.productPrice(sku: $0, on: command.date) }
            return EntryPlausibility.Line(sku: line.productSKU, quantity: line.quantity,
                                          unitPrice: line.unitPrice ?? list ?? Money(minorUnits: 0, currency: currency),
                                          listPrice: list)
        }
        return EntryPlausibility.sale(total: Money(minorUnits: totals.gross, currency: currency), date: command.date,
                                      today: context.today, lines: lines, history: history)
    }
}
