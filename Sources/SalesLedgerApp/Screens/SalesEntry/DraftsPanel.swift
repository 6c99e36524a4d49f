import LedgerCore
import TerminalUI

/// The saved drafts (^O on Sales entry), a modal on the screen's stack: oldest first, drafts older than
/// `DraftAge.defaultOldDays` flagged. Enter reopens one in the form, `p` posts it as it was saved, `x` deletes it
/// after a confirmation (a yes/no dialog pushed on top).
struct DraftsPanel: KeyedModal {
    var rows: [InvoiceListRow]
    var selected = 0
    let today: CivilDate

    init(context: AppContext) {
        rows = context.read { try context.store.drafts() } ?? []
        today = context.today
    }

    var current: InvoiceListRow? { rows.indices.contains(selected) ? rows[selected] : nil }

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<SalesEntryScreen> {
        if let step = keyTable(context.strings).dispatch(event, on: &self, context: context) { return step }
        if case .key(.up) = event { selected = max(0, selected - 1) }
        if case .key(.down) = event { selected = min(max(0, rows.count - 1), selected + 1) }
        return .stay
    }

    func keyTable(_ s: Strings) -> KeyTable<DraftsPanel, ModalStep<SalesEntryScreen>> {
        let hasRow: (DraftsPanel) -> Bool = { $0.current != nil }
        return KeyTable([
            KeyCommand([.up, .down], s.t("Move", "移动"), when: { $0.rows.count > 1 }),
            KeyCommand(.enter, s.t("Reopen", "打开"), when: hasRow) { panel, _ in
                guard let id = panel.current?.id else { return .stay }
                return .close { screen, context in screen.reopenDraft(id, context: context) }
            },
            KeyCommand(.char("p"), s.post, when: hasRow) { panel, _ in
                guard let id = panel.current?.id else { return .stay }
                return .update { screen, context in screen.postDraft(id, context: context) }
            },
            KeyCommand(.char("x"), s.t("Delete draft", "删除草稿"), when: hasRow) { panel, _ in
                guard let id = panel.current?.id else { return .stay }
                return .push(DialogModal.confirm(s.t("Drafts", "草稿"),
                                                 s.t("Delete draft D\(id)?", "删除草稿 D\(id)？")) {
                    screen, context in screen.deleteDraft(id, context: context)
                })
            },
            .close(s, also: [.ctrl("o")]),
        ])
    }

    func isOld(_ row: InvoiceListRow) -> Bool { DraftAge.days(row.date, today: today) > DraftAge.defaultOldDays }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        let s = context.strings
        let box = area.centered(Size(width: min(area.width - 2, 76), height: min(area.height, max(rows.count, 1) + 5)))
        buffer.fill(box, style: Style(.dialog))
        Border.draw(into: &buffer, rect: box, title: "\(s.t("Drafts", "草稿")) (\(rows.count))",
                    style: Style(.border), unicode: unicode)
        if rows.isEmpty {
            buffer.setFitted(s.t("No saved drafts (^D saves one).", "没有草稿（^D 保存草稿）。"),
                             x: box.x + 2, y: box.y + 1, width: box.width - 4, style: Style(.dialog))
        }
        let visible = max(1, box.height - 4)
        let first = max(0, min(selected - visible + 1, rows.count - visible))
        for (offset, row) in rows.dropFirst(first).prefix(visible).enumerated() {
            let age = DraftAge.days(row.date, today: today)
            let flag = isOld(row) ? s.t("old \(age)d", "已\(age)天") : ""
            let text = "D\(row.id)  \(row.date)  \(row.customerCode) \(row.customerName)"
            let style = first + offset == selected ? Style(.selection) : Style(.dialog)
            let y = box.y + 1 + offset
            buffer.fill(Rect(x: box.x + 1, y: y, width: box.width - 2, height: 1), style: style)
            buffer.setFitted(text, x: box.x + 2, y: y, width: box.width - 34, style: style)
            buffer.setFitted(flag, x: box.maxX - 32, y: y, width: 10,
                             style: isOld(row) ? Style(.warning, [.bold]) : style)
            buffer.setFitted(context.money(row.total.minorUnits, row.total.currency), x: box.maxX - 20, y: y, width: 18,
                             alignment: .right, style: style)
        }
        return nil
    }
}
