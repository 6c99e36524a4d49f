import LedgerCore
import LedgerInterop
import TerminalUI

extension ReceiptReviewView {
    /// Title, the rows (mark, row, date, payer, amount, customer, allocation), the selected row's detail (reference,
    /// match, every invoice of its allocation, its problem), the totals to write.
    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext) -> Point? {
        let s = context.strings
        buffer.fill(area, style: Style(.text))
        buffer.setFitted(
            s.t("Review imported receipts (收款单): ", "收款单导入审核：") + "\(formatText(s)) \(fileName)",
            x: area.x + 1, y: area.y, width: area.width - 2, style: Style(.header, [.bold]))
        let detailHeight = 4
        let footer = 1
        let tableArea = Rect(
            x: area.x, y: area.y + 1, width: area.width,
            height: max(2, area.height - 1 - detailHeight - footer))
        let view = s.localize(
            TableView(columns: [
                TableColumn(" ", width: .fixed(1)),
                TableColumn(s.t("Row", "行"), width: .fixed(4), alignment: .right),
                TableColumn(s.t("Date", "日期"), width: .fixed(10)),
                TableColumn(s.t("Payer", "付款方"), width: .flexible(weight: 3, minimum: 10)),
                TableColumn(s.t("Amount", "金额"), width: .fixed(12), alignment: .right),
                TableColumn(s.t("Customer", "客户"), width: .flexible(weight: 3, minimum: 10)),
                TableColumn(s.t("Allocation (核销)", "核销"), width: .flexible(weight: 2, minimum: 15)),
            ]))
        let rows = items.map { item -> [String] in
            let mark = item.isSkipped ? "–" : (item.problem != nil ? "!" : "✓")
            let customer = item.customerCode.map { "\($0) \(item.customerName)" } ?? "?"
            return [
                mark, String(item.row), item.date.description, item.payer,
                context.money(item.amount.minorUnits, item.amount.currency),
                customer, item.isSkipped ? s.t("skipped", "跳过") : allocationText(item, context),
            ]
        }
        var state = TableState()
        state.selectedRow = selected
        state.topRow = max(0, selected - max(1, tableArea.height - 2) + 1)
        view.render(into: &buffer, in: tableArea, source: ArrayTableDataSource(rows: rows), state: &state)
        var y = tableArea.maxY
        if let item = current {
            var line1 = s.t("Row \(item.row)", "第 \(item.row) 行") + " · " + FieldParsers.methodName(item.method, s)
            if !item.reference.isEmpty { line1 += " · " + s.t("ref ", "交易单号 ") + item.reference }
            if !item.account.isEmpty { line1 += " · " + s.t("account ", "账号 ") + item.account }
            if !item.note.isEmpty && item.note != "/" { line1 += " · " + s.t("note ", "备注 ") + item.note }
            buffer.setFitted(line1, x: area.x + 1, y: y, width: area.width - 2, style: Style(.muted))
            let customer = item.customerCode.map { "\($0) \(item.customerName)" } ?? s.t("none", "无")
            let how = matchText(item.match, s)
            buffer.setFitted(
                s.t("Customer: ", "客户：") + customer + s.t(" (\(how))", "（\(how)）"),
                x: area.x + 1, y: y + 1, width: area.width - 2, style: Style(.text))
            let parts = item.parts.map {
                "\($0.invoiceNumber) \(context.money($0.amount.minorUnits, $0.amount.currency))"
            }
            let left = context.money(item.unapplied, item.amount.currency)
            let allocation =
                item.customerCode == nil
                ? s.t("choose a customer (c) or skip the row (s)", "请指定客户（c）或跳过此行（s）")
                : (parts.isEmpty ? s.t("none", "无") : parts.joined(separator: s.zh ? "，" : ", "))
                    + " — " + reasonText(item, s) + s.t("; unapplied \(left)", "；未核销预收 \(left)")
            buffer.setFitted(
                s.t("Allocation (核销): ", "核销：") + allocation, x: area.x + 1, y: y + 2, width: area.width - 2,
                style: Style(.accent))
            if item.problem != nil {
                buffer.setFitted(
                    problemText(item, s) + (item.isSkipped ? s.t(" (skipped)", "（已跳过）") : ""),
                    x: area.x + 1, y: y + 3, width: area.width - 2,
                    style: Style(item.isSkipped ? .warning : .error, [.bold]))
            }
        }
        y += detailHeight
        let accepted = items.filter(\.isWritten)
        var totals: [String: Int64] = [:]
        for item in accepted { totals[item.amount.currency.code, default: 0] += item.amount.minorUnits }
        let money = totals.sorted { $0.key < $1.key }.map { code, minor in
            context.money(minor, Currency.named(code) ?? .cny) + (code == "CNY" ? "" : " \(code)")
        }.joined(separator: ", ")
        let skipped = items.filter(\.isSkipped).count
        let blocked = items.filter { !$0.isSkipped && $0.problem != nil }.count
        buffer.setFitted(
            s.t(
                "To write: \(accepted.count) receipt(s) \(money.isEmpty ? "0.00" : money) · skipped \(skipped)"
                    + " · to fix \(blocked) · written only by ^S",
                "待写入：\(accepted.count) 笔 \(money.isEmpty ? "0.00" : money) · 跳过 \(skipped) · 待处理 \(blocked)"
                    + " · 按 ^S 才写入"),
            x: area.x + 1, y: y, width: area.width - 2, style: Style(.header, [.bold]))
        return nil
    }

    /// The table's cell: `INV-2025-000002` (+ n more), or "unapplied". Amounts are on the detail line below the
    /// table: at 80 columns an invoice number and an amount do not fit the column, and a cut amount misleads.
    func allocationText(_ item: ReceiptReview.Item, _ context: AppContext) -> String {
        let s = context.strings
        if item.customerCode == nil { return "—" }
        guard let first = item.parts.first else { return s.t("unapplied", "未核销预收") }
        let more = item.parts.count > 1 ? s.t(" +\(item.parts.count - 1) more", " 等 \(item.parts.count) 张") : ""
        return first.invoiceNumber + more
    }
}
