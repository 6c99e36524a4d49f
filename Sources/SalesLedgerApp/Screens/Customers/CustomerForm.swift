import LedgerCore
import TerminalUI

/// Add or edit a customer: a validated form (unique code, required name, e-mail and phone format, credit
/// limit ≥ 0, payment terms from the accepted forms). Submitting runs CreateCustomer / UpdateCustomer.
struct CustomerForm {
    var form: Form
    let editingID: Int64?
    static let currencies: [Currency] = [.cny, .usd, .eur, .hkd, .jpy, .gbp]

    init(editing customer: Customer?, context: AppContext) {
        let s = context.strings
        editingID = customer?.id
        let c = customer
        let currency = c?.currency ?? context.baseCurrency
        let currencyIndex = CustomerForm.currencies.firstIndex(of: currency) ?? 0
        form = Form(title: customer == nil ? s.addCustomer : s.editCustomer, fields: [
            FormField(id: "code", label: s.code, text: c?.code ?? "",
                      validators: [.required(s.t("required", "必填")), .maxLength(32)]),
            FormField(id: "name", label: s.name, text: c?.name ?? "",
                      validators: [.required(s.t("required", "必填")), .maxLength(200)]),
            FormField(id: "contact", label: s.contact, text: c?.contact ?? ""),
            FormField(id: "phone", label: s.phone, text: c?.phone ?? "", validators: [CustomerForm.phoneRule(s)]),
            FormField(id: "email", label: s.email, text: c?.email ?? "", validators: [CustomerForm.emailRule(s)]),
            FormField(id: "address", label: s.address, text: c?.address ?? ""),
            FormField(id: "region", label: s.region, text: c?.region ?? ""),
            FormField(id: "channel", label: s.channel, text: c?.channel ?? ""),
            FormField(id: "class", label: s.customerClass, text: c?.customerClass ?? ""),
            .choice(id: "currency", label: s.currency, options: CustomerForm.currencies.map(\.code),
                    selected: currencyIndex),
            FormField(id: "limit", label: s.creditLimit, kind: .money,
                      text: c?.creditLimit.map { $0.plainString } ?? "",
                      parse: FieldParsers.money(currency, s),
                      validators: [.range(0...Int64.max, s.t("must be 0 or more", "不能为负数"))]),
            FormField(id: "terms", label: s.terms, text: c?.paymentTerms.code ?? "NET30",
                      parse: { text in
                          do { return .success(.text(try PaymentTerms.parse(text).code)) } catch {
                              return .failure(TerminalUI.FieldIssue(String(describing: error)))
                          }
                      }),
            FormField(id: "notes", label: s.notes, kind: .note(lines: 2), text: c?.notes ?? ""),
        ] + CustomerTaxSection.fields(customerCode: c?.code, context: context))
        s.localize(&form)
    }

    static func emailRule(_ s: Strings) -> Validator {
        Validator("email") { text, _ in
            if text.isEmpty { return nil }
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            let ok = parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
            return ok ? nil : TerminalUI.FieldIssue(s.t("is not an e-mail address", "不是有效的邮箱地址"))
        }
    }

    static func phoneRule(_ s: Strings) -> Validator {
        Validator("phone") { text, _ in
            if text.isEmpty { return nil }
            let allowed = Set("0123456789 +-()./")
            let ok = text.filter(\.isNumber).count >= 3 && text.allSatisfy { allowed.contains($0) }
            return ok ? nil : TerminalUI.FieldIssue(s.t("digits, spaces and + - ( ) . / only",
                                                        "只能包含数字、空格和 + - ( ) . /"))
        }
    }

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<CustomersScreen> {
        switch form.handle(event) {
        case .none: return .stay
        case .cancelled: return .close
        case .submitted(let values):
            do {
                let saved = try save(values, context: context)
                return .close { screen, context in
                    screen.refresh(context: context)
                    screen.openDetail(code: saved.code, context: context)
                    return .message("\(context.strings.t("Saved", "已保存")): \(saved.code) \(saved.name)")
                }
            } catch {
                return .report(.error(error.issuesText))
            }
        }
    }

    /// Runs CreateCustomer / UpdateCustomer and SetCustomerTaxDetails in one batch for the submitted `values`;
    /// marks the form saved. Throws the commands' `LedgerError` (nothing written then).
    mutating func save(_ values: [String: FieldValue], context: AppContext) throws(LedgerError) -> Customer {
        func text(_ id: String) -> String { form.fields.first { $0.id == id }?.input.text ?? "" }
        var fields = CustomerFields(code: text("code"), name: text("name"))
        fields.contact = text("contact")
        fields.phone = text("phone")
        fields.email = text("email")
        fields.address = text("address")
        fields.region = text("region")
        fields.channel = text("channel")
        fields.customerClass = text("class")
        fields.notes = text("notes")
        if case .choice(let i)? = values["currency"], CustomerForm.currencies.indices.contains(i) {
            fields.currency = CustomerForm.currencies[i]
        }
        if case .integer(let minor)? = values["limit"] {
            fields.creditLimit = Money(minorUnits: minor, currency: fields.currency)
        }
        fields.paymentTerms = (try? PaymentTerms.parse(text("terms"))) ?? .net30
        let tax = CustomerTaxSection.details(form)
        let saved: Customer = try context.runBatch { [editingID] batch in
            let saved: Customer
            if let editingID { saved = try batch.run(UpdateCustomer(id: editingID, fields: fields)) } else {
                saved = try batch.run(CreateCustomer(fields))
            }
            try batch.run(SetCustomerTaxDetails(customerCode: saved.code, details: tax))
            return saved
        }
        form.markSaved()
        return saved
    }
}
