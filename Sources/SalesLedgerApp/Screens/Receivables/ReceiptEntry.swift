import LedgerCore
import TerminalUI

/// A small receipt (收款单) form shown over a screen: amount (prefilled), date, method, reference.
/// Submitting records the receipt through the command layer, allocated to `invoiceNumber` when given,
/// else automatically (oldest due date first).
struct ReceiptEntry {
    var form: Form
    let customerCode: String
    let customerName: String
    let invoiceNumber: String?
    let currency: Currency
    static let methods: [PaymentMethod] = [.bankTransfer, .cash, .wechatPay, .alipay, .cheque, .card, .other]

    init(customerCode: String, customerName: String, invoiceNumber: String?, openAmount: Int64, currency: Currency,
         context: AppContext) {
        self.customerCode = customerCode
        self.customerName = customerName
        self.invoiceNumber = invoiceNumber
        self.currency = currency
        let s = context.strings
        let today = context.today
        form = Form(title: "\(s.recordReceipt): \(customerName)" + (invoiceNumber.map { " → \($0)" } ?? ""), fields: [
            FormField(id: "amount", label: s.amount, kind: .money,
                      text: Money.format(max(0, openAmount), digits: currency.minorDigits, grouping: false),
                      parse: FieldParsers.money(currency, s), validators: [.required(), .positive(s.t("must be greater than 0", "必须大于0"))]),
            FormField(id: "date", label: s.date, kind: .date, text: today.description, parse: FieldParsers.date(today),
                      validators: [.required()]),
            .choice(id: "method", label: s.method, options: ReceiptEntry.methods.map { FieldParsers.methodName($0, s) }),
            FormField(id: "reference", label: s.reference),
        ])
        s.localize(&form)
    }

    enum Result { case open, cancelled, recorded(String), failed(String) }

    mutating func handle(_ event: Event, context: AppContext) -> Result {
        switch form.handle(event) {
        case .none: return .open
        case .cancelled: return .cancelled
        case .submitted(let values):
            guard case .integer(let minor)? = values["amount"], case .date(let y, let m, let d)? = values["date"],
                  let date = CivilDate(year: y, month: m, day: d) else { return .open }
            let amount = Money(minorUnits: minor, currency: currency)
            var plan = AllocationPlan.auto
            if let invoiceNumber { plan = .manual([ManualAllocation(invoiceNumber: invoiceNumber, amount: amount)]) }
            var command = RecordReceipt(customerCode: customerCode, date: date, amount: amount, allocation: plan)
            if case .choice(let index)? = values["method"], ReceiptEntry.methods.indices.contains(index) {
                command.method = ReceiptEntry.methods[index]
            }
            command.reference = form.fields.first { $0.id == "reference" }?.input.text ?? ""
            do {
                let outcome = try context.run(command)
                return .recorded("\(context.strings.receiptRecorded): \(outcome.receipt.displayNumber) \(amount.groupedString)")
            } catch {
                return .failed(error.description)
            }
        }
    }

    func render(into buffer: inout CellBuffer, in area: Rect, unicode: Bool) -> Point? {
        let box = area.centered(Size(width: min(area.width - 2, 64), height: min(area.height - 2, 14)))
        buffer.fill(box, style: Style(.dialog))
        Border.draw(into: &buffer, rect: box, style: Style(.border), unicode: unicode)
        return form.render(into: &buffer, in: box.inset(by: 1), unicode: unicode)
    }
}
