import LedgerCore
import TerminalUI

/// Recording a fapiao (开票登记) for one posted sale, from the documents browser (`f` on an invoice) or today's
/// sales (`f` in the ^L list): type, 发票代码 (paper only), 发票号码, date and the amount (价税合计, prefilled with
/// what is left to invoice). Saving runs `RecordFapiao` (number form, uniqueness, never more than what is left;
/// audited). The sale's fapiao status (未开票 → 部分开票 → 已开票) is in the message.
struct FapiaoEntry: EntryForm {
    var form: Form
    let saleNumber: String
    let customerCode: String
    let currency: Currency
    /// 数电 first: most fapiao issued today are fully digitised.
    static let types: [FapiaoType] = [.digitalOrdinary, .digitalSpecial, .ordinary, .special]

    /// The form, or why not: the sale has nothing left to invoice or cannot be read.
    static func make(saleNumber: String, customerCode: String,
                     context: AppContext) -> Swift.Result<FapiaoEntry, FapiaoEntryRefusal> {
        let s = context.strings
        guard let position = context.read({
            try context.store.saleFapiaoPositions(asOf: context.today, customerCode: customerCode)
        })?.first(where: { $0.number == saleNumber }) else {
            return .failure(FapiaoEntryRefusal(message: s.t("\(saleNumber) is not a posted sale",
                                                            "\(saleNumber) 不是已过账的销售单")))
        }
        guard position.leftToInvoice > 0 else {
            let status = s.zh ? position.status.chinese : position.status.english
            return .failure(FapiaoEntryRefusal(message: s.t("\(saleNumber): nothing left to invoice (\(status))",
                                                            "\(saleNumber)：没有待开票金额（\(status)）")))
        }
        return .success(FapiaoEntry(position: position, context: context))
    }

    init(position: SaleFapiaoPosition, context: AppContext) {
        let s = context.strings
        saleNumber = position.number
        customerCode = position.customerCode
        currency = position.currency
        let left = Money.format(position.leftToInvoice, digits: currency.minorDigits, grouping: false)
        // The title groups the figure as every screen does; the amount field is prefilled ungrouped, to be edited.
        let shown = context.money(position.leftToInvoice, currency)
        form = Form(title: s.t("Record fapiao: \(position.number) (left \(shown))",
                               "开票登记：\(position.number)（待开 \(shown)）"),
                    fields: [
            .choice(id: "type", label: s.t("Type", "发票类型"), options: FapiaoEntry.types.map(\.chinese)),
            FormField(id: "code", label: s.t("Fapiao code (paper)", "发票代码（纸质）")),
            FormField(id: "number", label: s.t("Fapiao number", "发票号码")),
            FormField(id: "date", label: s.date, kind: .date, text: context.today.description,
                      parse: FieldParsers.date(context.today), validators: [.required(s.t("required", "必填"))]),
            FormField(id: "amount", label: s.t("Amount incl. VAT", "价税合计"), kind: .money, text: left,
                      parse: FieldParsers.money(currency, s),
                      validators: [.required(), .positive(s.t("must be greater than 0", "必须大于0"))]),
        ])
        s.localize(&form)
        checkKey(for: FapiaoEntry.types[0], zh: s.zh)
    }

    /// Puts the rule of `FapiaoKey` (the one `RecordFapiao` runs) for fapiao type `type` on the code and number
    /// fields, so they are checked, marked and counted as the user types (tryout s30: only ^S found '12AB').
    private mutating func checkKey(for type: FapiaoType, zh: Bool) {
        for i in form.fields.indices where ["code", "number"].contains(form.fields[i].id) {
            let id = form.fields[i].id
            var rules = [Validator]()
            if id == "number" { rules.append(.required(zh ? "必填" : "required")) }
            rules.append(Validator("fapiao \(id)") { text, _ in
                let key = id == "number" ? FapiaoKey(type: type, number: text)
                    : FapiaoKey(type: type, code: text, number: "")
                let issue = key.issues.first { $0.path == id }
                // The field's label names it (the form lists `label: message`); the message quotes what was typed.
                return issue.map { TerminalUI.FieldIssue(zh ? TradeText.chinese($0.message) ?? $0.message
                                                              : $0.message) }
            })
            form.fields[i].validators = rules
        }
    }

    /// A fapiao key issue naming its field as the user knows it: `发票号码：…` / `fapiao number: …` (not the
    /// generic 单号 of the path `number`), with what was typed.
    static func issueText(_ issue: LedgerCore.FieldIssue, zh: Bool) -> String {
        let names = ["number": ("fapiao number", "发票号码"), "code": ("fapiao code", "发票代码")]
        guard let name = names[issue.path] else { return issue.description }
        return zh ? name.1 + "：" + (TradeText.chinese(issue.message) ?? issue.message) : name.0 + ": " + issue.message
    }

    /// The fapiao type chosen in the form.
    private var chosenType: FapiaoType {
        let i = form.fields.first { $0.id == "type" }?.choiceIndex ?? 0
        return FapiaoEntry.types.indices.contains(i) ? FapiaoEntry.types[i] : .digitalOrdinary
    }

    mutating func handle(_ event: Event, context: AppContext) -> EntryResult {
        let typeBefore = chosenType
        let outcome = form.handle(event)
        if chosenType != typeBefore { checkKey(for: chosenType, zh: context.strings.zh) }
        switch outcome {
        case .none: return .open
        case .cancelled: return .cancelled
        case .submitted(let values):
            let s = context.strings
            func text(_ id: String) -> String { form.fields.first { $0.id == id }?.input.text ?? "" }
            guard case .integer(let minor)? = values["amount"], case .date(let y, let m, let d)? = values["date"],
                  let date = CivilDate(year: y, month: m, day: d) else { return .open }
            var type = FapiaoType.digitalOrdinary
            if case .choice(let i)? = values["type"], FapiaoEntry.types.indices.contains(i) {
                type = FapiaoEntry.types[i]
            }
            let command = RecordFapiao(key: FapiaoKey(type: type, code: text("code"), number: text("number")),
                                       date: date,
                                       parts: [FapiaoPartInput(saleNumber: saleNumber,
                                                               amount: Money(minorUnits: minor, currency: currency))])
            do {
                try context.run(command)
                let position = context.read {
                    try context.store.saleFapiaoPositions(asOf: context.today, customerCode: customerCode)
                }?.first { $0.number == saleNumber }
                let status = position.map { s.zh ? $0.status.chinese : $0.status.english } ?? ""
                return .saved(s.t("Fapiao recorded: \(command.key) for \(saleNumber); \(status)",
                                  "已登记发票：\(command.key)（\(saleNumber)）；\(status)"))
            } catch where error.fieldIssues.contains(where: { ["number", "code"].contains($0.path) }) {
                // The key's issues name 发票号码 / 发票代码, not the generic 单号 of the path `number`.
                return .failed(error.fieldIssues.map { ["number", "code"].contains($0.path)
                    ? FapiaoEntry.issueText($0, zh: s.zh) : s.core($0.description) }.joined(separator: "; "))
            } catch {
                return .failed(s.core(error.issuesText))
            }
        }
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        renderFormBox(form, into: &buffer, in: area, width: 70, height: 11, unicode: unicode)
    }
}

/// Why no fapiao can be recorded for a sale now.
struct FapiaoEntryRefusal: Error, Equatable {
    var message: String
}
