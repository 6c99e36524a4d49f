import LedgerCore
import TerminalUI

/// The saved drafts (^O on Sales entry): oldest first, drafts older than `DraftAge.defaultOldDays` flagged.
/// Enter reopens one in the form, `p` posts it as it was saved, `x` deletes it after a confirmation.
struct DraftsPanel {
    var rows: [InvoiceListRow]
    var selected = 0
    /// The draft awaiting a delete confirmation (y / n).
    var confirmingDelete: Int64?
    let today: CivilDate

    init(context: AppContext) {
        rows = context.read { try context.store.drafts() } ?? []
        today = context.today
    }

    enum Action: Equatable { case none, close, reopen(Int64), post(Int64), delete(Int64) }

    var current: InvoiceListRow? { rows.indices.contains(selected) ? rows[selected] : nil }

    mutating func handle(_ event: Event) -> Action {
        guard case .key(let key) = event else { return .none }
        if let id = confirmingDelete {
            confirmingDelete = nil
            if key == .char("y") || key == .char("Y") || key == .enter { return .delete(id) }
            return .none
        }
        switch key {
        case .escape, .ctrl("o"): return .close
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(max(0, rows.count - 1), selected + 1)
        case .enter: if let current { return .reopen(current.id) }
        case .char("p"): if let current { return .post(current.id) }
        case .char("x"): confirmingDelete = current?.id
        default: break
        }
        return .none
    }

    func isOld(_ row: InvoiceListRow) -> Bool { DraftAge.days(row.date, today: today) > DraftAge.defaultOldDays }

    func keyBindings(_ s: Strings) -> [KeyBinding] {
        if confirmingDelete != nil {
            return [KeyBinding([.char("y"), .enter], s.t("Yes", "是")), KeyBinding([.char("n"), .escape], s.t("No", "否"))]
        }
        return [KeyBinding([.up, .down], s.t("Move", "移动")), KeyBinding(.enter, s.t("Reopen", "打开")),
                KeyBinding(.char("p"), s.post), KeyBinding(.char("x"), s.t("Delete draft", "删除草稿")),
                KeyBinding(.escape, s.back)]
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) {
        let s = context.strings
        let box = area.centered(Size(width: min(area.width - 2, 76), height: min(area.height, max(rows.count, 1) + 5)))
        buffer.fill(box, style: Style(.dialog))
        Border.draw(into: &buffer, rect: box, title: "\(s.t("Drafts", "草稿")) (\(rows.count))", style: Style(.border),
                    unicode: unicode)
        if rows.isEmpty {
            buffer.setFitted(s.t("No saved drafts (^D saves one).", "没有草稿（^D 保存草稿）。"), x: box.x + 2, y: box.y + 1,
                             width: box.width - 4, style: Style(.dialog))
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
            buffer.setFitted(flag, x: box.maxX - 32, y: y, width: 10, style: isOld(row) ? Style(.warning, [.bold]) : style)
            buffer.setFitted(context.money(row.total.minorUnits, row.total.currency), x: box.maxX - 20, y: y, width: 18,
                             alignment: .right, style: style)
        }
        if let id = confirmingDelete {
            buffer.setFitted(s.t("Delete draft D\(id)? [y] Yes  [n] No", "删除草稿 D\(id)？[y] 是  [n] 否"), x: box.x + 2,
                             y: box.maxY - 2, width: box.width - 4, style: Style(.error, [.bold]))
        }
    }
}
