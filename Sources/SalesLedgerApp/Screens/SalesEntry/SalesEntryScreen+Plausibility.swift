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

    /// `y` or Enter posts anyway; `n` or Esc goes back to the form.
    mutating func handlePlausibility(_ event: Event, context: AppContext) -> ScreenOutcome {
        guard case .key(let key) = event else { return .none }
        switch key {
        case .char("y"), .char("Y"), .enter:
            prompt = nil
            return post(context: context, asDraft: false, plausibilityConfirmed: true)
        case .char("n"), .char("N"), .escape:
            prompt = nil
            return .message(context.strings.t("Not posted: check the figures", "未过账：请核对数字"))
        default:
            return .none
        }
    }

    func renderPlausibility(_ warnings: [String], into buffer: inout CellBuffer, in area: Rect, context: AppContext,
                            unicode: Bool) {
        let s = context.strings
        let box = area.centered(Size(width: min(area.width - 4, 76), height: min(area.height, warnings.count + 5)))
        buffer.fill(box, style: Style(.dialog))
        Border.draw(into: &buffer, rect: box, title: s.t("Please check", "请核对"), style: Style(.border), unicode: unicode)
        for (i, warning) in warnings.enumerated() where box.y + 1 + i < box.maxY - 2 {
            buffer.setFitted("⚠ " + warning, x: box.x + 2, y: box.y + 1 + i, width: box.width - 4, style: Style(.warning))
        }
        buffer.setFitted(s.t("Post anyway? [y] Yes   [n] No", "仍要过账？[y] 是   [n] 否"), x: box.x + 2, y: box.maxY - 2,
                         width: box.width - 4, style: Style(.accent, [.bold]))
    }
}
