import LedgerCore
import TerminalUI

/// First run on an empty ledger ("Start empty"): company name, base currency and the default tax rate, saved by
/// `SetUpLedger`, and optionally products and customers imported from CSV files (`SetupImport`); then the Products
/// screen opens for the first products (and F4 for the first customers).
struct SetupWizard {
    var form: Form
    static let currencies: [Currency] = [.cny, .usd, .eur, .hkd, .jpy, .gbp]

    init(context: AppContext) {
        let s = context.strings
        form = Form(title: s.t("Set up this ledger", "账套设置"), fields: [
            FormField(id: "company", label: s.t("Company name", "公司名称"),
                      validators: [.required(s.t("required", "必填")), .maxLength(200)]),
            .choice(id: "currency", label: s.t("Base currency", "本位币"), options: SetupWizard.currencies.map(\.code)),
            FormField(id: "tax", label: s.t("Default tax rate %", "默认税率 %"), text: "13",
                      parse: { text in
                          guard let rate = try? Rate.parsePercent(text), (0...10_000).contains(rate.basisPoints) else {
                              return .failure(TerminalUI.FieldIssue(s.t("a percentage from 0 to 100",
                                                                        "应为 0 到 100 的百分比")))
                          }
                          return .success(.integer(rate.basisPoints))
                      }, validators: [.required(s.t("required", "必填"))], numeric: true),
            FormField(id: "products", label: s.t("Products CSV (optional)", "商品 CSV（可选）")),
            FormField(id: "customers", label: s.t("Customers CSV (optional)", "客户 CSV（可选）")),
        ])
        s.localize(&form)
    }

    enum Result { case open, cancelled, saved(String), failed(String) }

    mutating func handle(_ event: Event, context: AppContext) -> Result {
        switch form.handle(event) {
        case .none: return .open
        case .cancelled: return .cancelled
        case .submitted(let values):
            let company = form.fields.first { $0.id == "company" }?.input.text ?? ""
            var currency = Currency.cny
            if case .choice(let i)? = values["currency"], SetupWizard.currencies.indices.contains(i) {
                currency = SetupWizard.currencies[i]
            }
            var rate = Rate(basisPoints: 1300)
            if case .integer(let bp)? = values["tax"] { rate = Rate(basisPoints: bp) }
            func text(_ id: String) -> String { form.fields.first { $0.id == id }?.input.text ?? "" }
            let imported: String
            do {
                imported = try SetupImport.run([SetupImport.File(kind: .products, path: text("products")),
                                                SetupImport.File(kind: .customers, path: text("customers"))],
                                               currency: currency, context: context)
            } catch {
                return .failed(error.message)
            }
            do {
                let settings = try context.run(SetUpLedger(companyName: company, baseCurrency: currency,
                                                           defaultTaxRate: rate))
                form.markSaved()
                let s = context.strings
                if !imported.isEmpty {
                    return .saved(s.t("\(settings.companyName) set up; \(imported).",
                                      "\(settings.companyName) 已设置；\(imported)。"))
                }
                // Without the company name (just typed), so the next step fits the status line at 80 columns
                // (tryout s33: "… set up. Add your first products (a), then customers (F4,~").
                return .saved(s.t("Ledger set up. Next: products (a), then customers (F4, a).",
                                  "账套已设置。下一步：新增商品（a），再新增客户（F4，a）。"))
            } catch {
                return .failed(context.strings.core(error.issuesText))
            }
        }
    }

    func render(into buffer: inout CellBuffer, in area: Rect, unicode: Bool) -> Point? {
        renderFormBox(form, into: &buffer, in: area, width: 72, height: 12, unicode: unicode)
    }
}
