import LedgerCore
import TerminalUI

/// A small receipt (收款单) form shown over a screen: amount (prefilled), date, method, reference.
/// Submitting records the receipt through the command layer, allocated to `invoiceNumber` when given,
/// else automatically (oldest due date first); the allocation is previewed under the form (`AllocationPreview`),
/// and an amount above what is open stays as unapplied customer credit, said so in the message.
struct ReceiptEntry: EntryForm {
    var form: Form
    let customerCode: String
    let customerName: String
    let invoiceNumber: String?
    let currency: Currency
    /// The customer's open invoices when the form opened (for the preview).
    var openInvoices: [AllocationPreview.OpenInvoice] = []
    static let methods: [PaymentMethod] = [.bankTransfer, .cash, .wechatPay, .alipay, .cheque, .card, .other]
    /// Plausibility warnings shown on the last save (`EntryPlausibility.receipt`); saving again with the same
    /// warnings records the receipt (the clerk confirmed them).
    var warnings: [PlausibilityWarning] = []

    init(customerCode: String, customerName: String, invoiceNumber: String?, openAmount: Int64, currency: Currency,
         context: AppContext) {
        self.customerCode = customerCode
        self.customerName = customerName
        self.invoiceNumber = invoiceNumber
        self.currency = currency
        let rows = context.read {
            try context.store.invoices(filter: InvoiceFilter(customerCode: customerCode, kind: .invoice,
                                                             status: .posted), page: PageRequest(limit: 2000))
        } ?? []
        openInvoices = rows.filter { $0.open > 0 }.map {
            AllocationPreview.OpenInvoice(number: $0.number, date: $0.date, dueDate: $0.dueDate, open: $0.open)
        }
        let s = context.strings
        let today = context.today
        form = Form(title: "\(s.recordReceipt): \(customerName)" + (invoiceNumber.map { " → \($0)" } ?? ""), fields: [
            FormField(id: "amount", label: s.amount, kind: .money,
                      text: Money.format(max(0, openAmount), digits: currency.minorDigits, grouping: false),
                      parse: FieldParsers.money(currency, s),
                      validators: [.required(), .positive(s.t("must be greater than 0", "必须大于0"))]),
            FormField(id: "date", label: s.date, kind: .date, text: today.description, parse: FieldParsers.date(today),
                      validators: [.required()]),
            .choice(id: "method", label: s.method,
                    options: ReceiptEntry.methods.map { FieldParsers.methodName($0, s) }),
            FormField(id: "reference", label: s.reference),
        ])
        s.localize(&form)
    }

    mutating func handle(_ event: Event, context: AppContext) -> EntryResult {
        switch form.handle(event) {
        case .none: return .open
        case .cancelled: return .cancelled
        case .submitted(let values):
            guard case .integer(let minor)? = values["amount"], case .date(let y, let m, let d)? = values["date"],
                  let date = CivilDate(year: y, month: m, day: d) else { return .open }
            let amount = Money(minorUnits: minor, currency: currency)
            let preview = AllocationPreview(amount: amount, target: invoiceNumber, open: openInvoices)
            var command = RecordReceipt(customerCode: customerCode, date: date, amount: amount,
                                        allocation: preview.plan)
            if case .choice(let index)? = values["method"], ReceiptEntry.methods.indices.contains(index) {
                command.method = ReceiptEntry.methods[index]
            }
            command.reference = form.fields.first { $0.id == "reference" }?.input.text ?? ""
            let same = (try? context.store.receiptsWithReference(customerCode: customerCode,
                                                                 reference: command.reference)) ?? []
            let found = EntryPlausibility.receipt(date: date, today: context.today, reference: command.reference,
                                                  sameReference: same)
            if !found.isEmpty && found != warnings {
                warnings = found
                let s = context.strings
                return .failed("⚠ " + found.map { $0.message(chinese: s.zh) }.joined(separator: "; ")
                               + s.t(" — ^S again to record anyway", " — 再按 ^S 仍然录入"))
            }
            do {
                let outcome = try context.run(command)
                let left = outcome.allocation.unapplied
                return .saved("\(context.strings.receiptRecorded): \(outcome.receipt.displayNumber) "
                                 + "\(amount.groupedString)"
                                 + (left.minorUnits > 0
                                     ? context.strings.t("; \(left.groupedString) left as unapplied credit (核销 later)",
                                                         "；\(left.groupedString) 作为未核销预收保留")
                                     : ""))
            } catch {
                return .failed(context.strings.core(error.issuesText))
            }
        }
    }

    func entryKeys(_ s: Strings) -> [KeyBinding] {
        // ↓/↑ move between fields too (the form's own keys); listed last so a narrow hint bar drops it first.
        [KeyBinding(.ctrl("s"), s.recordReceipt), KeyBinding(.tab, s.t("Next field", "下一项")),
         KeyBinding(.escape, s.back),
         KeyBinding([.down, .up], s.t("Next/prev field", "下/上一项"))]
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        render(into: &buffer, in: area, unicode: unicode, strings: context.strings)
    }

    func render(into buffer: inout CellBuffer, in area: Rect, unicode: Bool, strings: Strings? = nil) -> Point? {
        let box = area.centered(Size(width: min(area.width - 2, 64), height: min(area.height - 2, 16)))
        buffer.fill(box, style: Style(.dialog))
        Border.draw(into: &buffer, rect: box, style: Style(.border), unicode: unicode)
        let cursor = form.render(into: &buffer, in: Rect(x: box.x + 1, y: box.y + 1, width: box.width - 2,
                                                         height: max(0, box.height - 4)), unicode: unicode)
        if let s = strings, let text = previewText(s) {
            buffer.setFitted(text, x: box.x + 2, y: box.maxY - 3, width: box.width - 4, style: Style(.accent))
        }
        return cursor
    }

    /// "Applies 100.00 to INV-…; leaves 20.00 as unapplied credit", from the amount typed so far.
    func previewText(_ s: Strings) -> String? {
        let typed = form.fields.first { $0.id == "amount" }?.input.text ?? ""
        guard let amount = try? MoneyParser.parse(typed, currency: currency), amount.minorUnits > 0 else { return nil }
        let preview = AllocationPreview(amount: amount, target: invoiceNumber, open: openInvoices)
        let applied = preview.parts.map { "\($0.invoiceNumber) \($0.amount.groupedString)" }
        var text = applied.isEmpty ? s.t("Applies to no invoice", "不核销任何单据")
            : s.t("Applies ", "核销 ") + applied.prefix(3).joined(separator: ", ") + (applied.count > 3 ? " …" : "")
        if preview.unapplied > 0 {
            text += s.t("; leaves \(Money.format(preview.unapplied, digits: currency.minorDigits, grouping: true)) "
                            + "unapplied",
                        "；\(Money.format(preview.unapplied, digits: currency.minorDigits, grouping: true)) 留作未核销预收")
        }
        return text
    }
}
