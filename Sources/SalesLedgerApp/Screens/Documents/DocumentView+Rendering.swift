import LedgerCore
import TerminalUI

extension DocumentView {
    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        let s = context.strings
        guard let detail else { return nil }
        let doc = detail.document
        let cur = doc.currency
        func money(_ minor: Int64) -> String { context.money(minor, cur) }
        var y = area.y
        func line(_ text: String, _ style: Style = Style(.text)) {
            guard y < area.maxY else { return }
            buffer.setFitted(text, x: area.x + 1, y: y, width: area.width - 2, style: style)
            y += 1
        }
        let number = doc.number > 0 ? doc.displayNumber : "D\(doc.id)"
        let kind = doc.kind == .creditNote ? s.t("Credit note", "红字冲销单") : s.t("Invoice", "销售单")
        var status = s.statusName(doc.status)
            + (doc.isDisputed ? " · " + s.t("disputed", "有争议") + " " + doc.disputeReason : "")
        if doc.status == .void { status += " · " + doc.voidReason }
        line("\(number)  \(kind)  \(status)", Style(.accent, [.bold]))
        // Whole parts on up to two lines: a date or a figure is never cut (issue 12). A credit note has no due date
        // and no payment terms (s35-fix: it showed the customer's): left out.
        let invoice = doc.kind != .creditNote
        for text in PartsLine.wrap(["\(s.customer) \(detail.customer.code) \(detail.customer.name)",
                                    "\(s.date) \(doc.date)", invoice ? "\(s.dueDate) \(doc.dueDate)" : "",
                                    invoice ? "\(s.terms) \(s.termsName(doc.paymentTerms))" : "",
                                    detail.salesperson.isEmpty ? "" : "\(s.salesperson) \(detail.salesperson)"],
                                   width: area.width - 2) { line(text) }
        // Labelled (tryout s18: a bare "11076" under the header read as nothing in particular).
        let notes = [doc.externalReference.isEmpty ? "" : "\(s.reference) \(doc.externalReference)",
                     doc.note.isEmpty ? "" : "\(s.notes) \(doc.note)"].filter { !$0.isEmpty }
        if !notes.isEmpty { line(notes.joined(separator: "   "), Style(.muted)) }
        let grid = DocumentLineGrid(lines: doc.lines, strings: s, width: area.width - 2)
        line(grid.header, Style(.header, [.bold]))
        for text in grid.rows { line(text) }
        for text in PartsLine.wrap(["\(s.t("Net", "金额")) \(doc.subtotal.groupedString)",
                                    "\(s.t("Tax", "税额")) \(doc.taxTotal.groupedString)",
                                    "\(s.total) \(doc.total.groupedString) \(cur.code)",
                                    "\(s.openAmount) \(money(detail.open))"], width: area.width - 2) {
            line(text, Style(.accent, [.bold]))
        }
        if !detail.allocations.isEmpty {
            line(s.t("Allocations (核销)", "核销记录"), Style(.header, [.bold]))
            for (allocation, source) in detail.allocations {
                line("  \(allocation.date)  \(source)  \(money(allocation.amount.minorUnits))"
                     + (allocation.reversesID != nil ? s.t("  (reversal)", "（反核销）") : ""))
            }
        }
        if let fapiao, !fapiao.records.isEmpty {
            line(s.t("Fapiao: ", "发票：") + (s.zh ? fapiao.status.chinese : fapiao.status.english),
                 Style(.header, [.bold]))
            for f in fapiao.records {
                let part = f.parts.first { $0.documentID == doc.id }?.total ?? f.total
                let number = [f.code, f.number].filter { !$0.isEmpty }.joined(separator: " ")
                let type = s.fapiaoTypeName(f.type)
                let amount = money(f.isRed ? -part : part)
                line("  \(f.date)  \(type)  \(number)  \(amount)" + (f.isRed ? s.t("  red", "  红字") : "")
                     + (f.isVoid ? s.t("  void", "  作废") : ""))
            }
        }
        if !detail.creditNotes.isEmpty {
            line(s.t("Credit notes", "红字冲销"), Style(.header, [.bold]))
            for note in detail.creditNotes {
                line("  \(note.number)  \(note.date)  \(s.statusName(note.status))  \(money(note.total.minorUnits))")
            }
        }
        line(s.t("Contact history", "联系记录"), Style(.header, [.bold]))
        if detail.contacts.isEmpty { line("  " + s.t("none", "无"), Style(.muted)) }
        let today = context.today
        for contact in detail.contacts {
            var text = "  \(contact.date)  \(FollowUpEntry.name(contact.channel, s))  \(contact.note)"
            if let promised = contact.promisedDate {
                text += "  " + s.t("promised", "承诺") + " \(promised) "
                    + (snapshot.flatMap {
                        PromiseState.of(contact, snapshot: $0, today: today)?.name(chinese: s.zh)
                    } ?? "")
            }
            line(text)
        }
        return nil
    }

    static func left(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }
}
