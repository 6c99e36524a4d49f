import LedgerCore
import TerminalUI

/// A sale opened from today's list (Enter): date, terms, status, lines and total in a box; any key closes it.
struct InvoiceModal: Modal {
    var invoice: Invoice

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<SalesEntryScreen> {
        if case .key = event { return .close }
        return .stay
    }

    func keys(_ s: Strings) -> [KeyBinding]? { nil }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        let s = context.strings
        let box = area.centered(Size(width: min(area.width - 2, 76), height: min(area.height, invoice.lines.count + 6)))
        buffer.fill(box, style: Style(.dialog))
        Border.draw(into: &buffer, rect: box, title: invoice.displayNumber, style: Style(.border), unicode: unicode)
        buffer.setFitted("\(s.date) \(invoice.date)  \(s.dueDate) \(invoice.dueDate)  "
                             + "\(s.terms) \(s.termsName(invoice.paymentTerms))  \(s.statusName(invoice.status))",
                         x: box.x + 2, y: box.y + 1, width: box.width - 4, style: Style(.dialog))
        for (i, line) in invoice.lines.enumerated() where box.y + 2 + i < box.maxY - 2 {
            let text = "\(line.description)  \(line.quantity) × \(line.unitPrice.groupedString)"
            buffer.setFitted(text, x: box.x + 2, y: box.y + 2 + i, width: box.width - 20, style: Style(.dialog))
            buffer.setFitted(line.grossAmount.groupedString, x: box.maxX - 18, y: box.y + 2 + i, width: 16,
                             alignment: .right, style: Style(.dialog))
        }
        buffer.setFitted("\(s.total) \(invoice.total.groupedString) \(invoice.currency.code)", x: box.x + 2,
                         y: box.maxY - 2,
                         width: box.width - 4, alignment: .right, style: Style(.accent, [.bold]))
        return nil
    }
}
