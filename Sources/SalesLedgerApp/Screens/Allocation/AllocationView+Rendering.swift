import LedgerCore
import TerminalUI

extension AllocationView {
    /// Two sides over the top part (credits left, open invoices right with the planned amounts), the preview line,
    /// then the allocations made so far; the prompt on the last line.
    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext) -> Point? {
        let s = context.strings
        func money(_ minor: Int64) -> String { context.money(minor, currency) }
        buffer.setFitted("\(s.t("Allocation (核销)", "核销")): \(customer.code) \(customer.name)", x: area.x + 1, y: area.y,
                         width: area.width - 2, style: Style(.header, [.bold]))
        let bottomRows = max(3, min(allocations.count + 1, area.height / 3))
        let sideTop = area.y + 1
        // The preview wraps onto a second line rather than cut a figure (80 columns, large amounts).
        let preview = PartsLine.wrap(previewText(s, context: context).split(separator: " ").map(String.init),
                                     width: area.width - 2, maxLines: 2, separator: " ")
        let sideHeight = max(2, area.height - 1 - bottomRows - 1 - preview.count)
        let leftWidth = max(24, min(40, area.width * 2 / 5))
        let right = Rect(x: area.x + leftWidth + 2, y: sideTop, width: max(0, area.maxX - area.x - leftWidth - 3),
                         height: sideHeight)
        func title(_ text: String, _ panel: Panel, x: Int, width: Int) {
            buffer.setFitted(text, x: x, y: sideTop, width: width,
                             style: Style(self.panel == panel ? .accent : .header, [.bold]))
        }
        func rowStyle(_ panel: Panel, _ index: Int) -> Style {
            Style(self.panel == panel && (rows[panel] ?? 0) == index ? .selection : .text)
        }
        // Left: what the customer has paid or been credited and not yet applied.
        title(s.t("Unapplied (\(credits.count))", "未核销预收 (\(credits.count))"), .credits, x: area.x + 1,
              width: leftWidth)
        let amountWidth = 13
        let selectedCreditRow = rows[.credits] ?? 0
        for (i, credit) in credits.enumerated().dropFirst(max(0, selectedCreditRow - sideHeight + 2))
            .prefix(sideHeight - 1) {
            let y = sideTop + 1 + i - max(0, selectedCreditRow - sideHeight + 2)
            let style = rowStyle(.credits, i)
            let mark = i == selectedCreditRow ? "▸" : " "
            buffer.setFitted(mark + credit.number, x: area.x + 1, y: y, width: leftWidth - amountWidth, style: style)
            buffer.setFitted(money(credit.amount), x: area.x + 1 + leftWidth - amountWidth, y: y, width: amountWidth,
                             alignment: .right, style: style)
        }
        if credits.isEmpty {
            buffer.setFitted("  " + s.t("none", "无"), x: area.x + 1, y: sideTop + 1, width: leftWidth,
                             style: Style(.muted))
        }
        // Right: open invoices, with the plan.
        title(s.t("Open invoices (\(invoices.count))", "未核销销售单 (\(invoices.count))"), .invoices, x: right.x,
              width: right.width)
        // Figures are never cut (tryout s15: "→ 5,000.~" at 80): the open and planned columns are as wide as their
        // widest text; the due date gives way first, then the number column narrows.
        let money2 = max(8, invoices.map { DisplayWidth.of(money($0.open)) }.max() ?? 0) + 1
        let plannedWidth = (plan.values.map { DisplayWidth.of("→ " + money($0)) }.max() ?? 0) + 1
        let dateWidth = right.width >= 16 + 11 + money2 + plannedWidth ? 11 : 0
        let numberWidth = max(0, min(16, right.width - dateWidth - money2 - plannedWidth))
        let invoiceRow = rows[.invoices] ?? 0
        let firstInvoice = max(0, invoiceRow - sideHeight + 2)
        for (i, item) in invoices.enumerated().dropFirst(firstInvoice).prefix(sideHeight - 1) {
            let y = sideTop + 1 + i - firstInvoice
            let style = rowStyle(.invoices, i)
            buffer.setFitted(item.number, x: right.x, y: y, width: numberWidth, style: style)
            if dateWidth > 0 {
                buffer.setFitted(item.dueDate.description, x: right.x + numberWidth, y: y, width: dateWidth,
                                 style: style)
            }
            buffer.setFitted(money(item.open), x: right.x + numberWidth + dateWidth, y: y, width: money2,
                             alignment: .right, style: style)
            let planned = plan[item.number].map { "→ " + money($0) } ?? ""
            buffer.setFitted(planned, x: right.x + numberWidth + dateWidth + money2, y: y,
                             width: max(0, right.maxX - right.x - numberWidth - dateWidth - money2), alignment: .right,
                             style: Style(self.panel == .invoices && invoiceRow == i ? .selection : .accent))
        }
        if invoices.isEmpty {
            buffer.setFitted("  " + s.t("none", "无"), x: right.x, y: sideTop + 1, width: right.width,
                             style: Style(.muted))
        }
        // Preview.
        var y = sideTop + sideHeight
        for line in preview {
            buffer.setFitted(line, x: area.x + 1, y: y, width: area.width - 2, style: Style(.accent, [.bold]))
            y += 1
        }
        // Allocations made so far (reversible).
        buffer.setFitted(s.t("Allocations (\(allocations.count)) — x reverses", "核销记录 (\(allocations.count)) — x 反核销"),
                         x: area.x + 1, y: y, width: area.width - 2,
                         style: Style(panel == .allocations ? .accent : .header, [.bold]))
        y += 1
        let allocationRow = rows[.allocations] ?? 0
        let firstAllocation = max(0, allocationRow - bottomRows + 2)
        for (i, a) in allocations.enumerated().dropFirst(firstAllocation).prefix(bottomRows - 1) where y < area.maxY {
            let text = "\(a.date)  \(a.sourceNumber) → \(a.invoiceNumber)"
            let style = rowStyle(.allocations, i)
            buffer.setFitted(text, x: area.x + 1, y: y, width: area.width - 2 - amountWidth, style: style)
            buffer.setFitted(money(a.amount), x: area.maxX - 1 - amountWidth, y: y, width: amountWidth,
                             alignment: .right, style: style)
            y += 1
        }
        return nil
    }
}
