import LedgerCore
import TerminalUI

/// Add or edit a product (商品): a validated form (SKU and name required, price ≥ 0, tax rate 0–100 %; a new
/// price applies from a date, default today). Submitting runs CreateProduct / EditProduct.
struct ProductForm: Modal {
    var form: Form
    /// The SKU being edited; nil when adding.
    let editingSKU: String?
    let currency: Currency

    init(editing product: Product?, price: Money?, context: AppContext) {
        let s = context.strings
        editingSKU = product?.sku
        currency = product?.unitPrice.currency ?? context.baseCurrency
        let p = product
        let required = Validator.required(s.t("required", "必填"))
        var fields = [
            FormField(id: "sku", label: s.t("SKU", "商品编码"), text: p?.sku ?? "", validators: [required, .maxLength(32)]),
            FormField(id: "name", label: s.name, text: p?.name ?? "", validators: [required, .maxLength(200)]),
            FormField(id: "category", label: s.t("Category", "类别"), text: p?.category ?? ""),
            FormField(id: "unit", label: s.t("Unit", "单位"), text: p?.unit ?? ""),
            FormField(id: "price", label: s.t("Price", "单价"), kind: .money,
                      text: (price ?? p?.unitPrice)?.plainString ?? "",
                      parse: FieldParsers.money(currency, s),
                      validators: [required, .range(0...Int64.max, s.t("must be 0 or more", "不能为负数"))]),
            FormField(id: "tax", label: s.t("Tax rate %", "税率 %"),
                      text: p.map { Self.percent($0.taxRate) } ?? Self.newProductRate(context),
                      parse: { text in
                          guard let rate = try? Rate.parsePercent(text), (0...10_000).contains(rate.basisPoints) else {
                              return .failure(TerminalUI.FieldIssue(s.t("a percentage from 0 to 100",
                                                                        "应为 0 到 100 的百分比")))
                          }
                          return .success(.integer(rate.basisPoints))
                      }, validators: [required], numeric: true),
        ]
        if product != nil {
            fields.append(FormField(id: "from", label: s.t("Price from", "新价格生效日"), kind: .date,
                                    text: context.today.description, parse: FieldParsers.date(context.today)))
        }
        form = Form(title: product == nil ? s.t("Add product", "新增商品") : s.t("Edit product", "编辑商品"), fields: fields)
        s.localize(&form)
    }

    /// A new product's rate: the ledger's default tax rate (F8's settings panel, `setup --default-tax-rate`) when
    /// set, else 13 (China's general VAT rate, as the set-up proposes).
    static func newProductRate(_ context: AppContext) -> String {
        guard let stored = context.defaultTaxRate, stored.isSet else { return "13" }
        return percent(stored.rate)
    }

    static func percent(_ rate: Rate) -> String {
        let text = rate.description
        return text.hasSuffix("%") ? String(text.dropLast()) : text
    }

    var capturesText: Bool { true }
    var hasUnsavedChanges: Bool { form.hasUnsavedChanges }
    func keys(_ s: Strings) -> [KeyBinding]? { form.keyBindings }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        renderFormBox(form, into: &buffer, in: area, unicode: unicode)
    }

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<ProductsScreen> {
        switch form.handle(event) {
        case .none: return .stay
        case .cancelled: return .close
        case .submitted(let values):
            do {
                guard let saved = try save(values, context: context) else {
                    return .report(.error(context.takeReadFailure() ?? ""))
                }
                return .close { screen, context in
                    screen.refresh(context: context)
                    return .message("\(context.strings.t("Saved", "已保存")): \(saved.sku) \(saved.name)")
                }
            } catch {
                return .report(.error(error.issuesText))
            }
        }
    }

    /// Runs CreateProduct / EditProduct for the submitted `values`; marks the form saved. Nil when the product
    /// being edited could not be read (`context.takeReadFailure()` says why); throws the command's `LedgerError`.
    mutating func save(_ values: [String: FieldValue], context: AppContext) throws(LedgerError) -> Product? {
        func text(_ id: String) -> String { form.fields.first { $0.id == id }?.input.text ?? "" }
        var price: Money?
        if case .integer(let minor)? = values["price"] { price = Money(minorUnits: minor, currency: currency) }
        var rate = Rate.zero
        if case .integer(let bp)? = values["tax"] { rate = Rate(basisPoints: bp) }
        let saved: Product
        if let editingSKU {
            var from: CivilDate?
            if case .date(let y, let m, let d)? = values["from"] { from = CivilDate(year: y, month: m, day: d) }
            let read = context.read {
                (try context.store.productList(search: editingSKU, includeArchived: true,
                                               page: PageRequest(limit: 5)).first { $0.sku == editingSKU },
                 try context.store.productPrice(sku: editingSKU, on: from ?? context.today))
            }
            guard let (before, current) = read else { return nil }
            var command = EditProduct(sku: editingSKU, name: text("name"), category: text("category"),
                                      unit: text("unit"), taxRate: rate)
            if let price, price != current || before == nil {
                command.unitPrice = price
                command.priceFrom = from
            }
            saved = try context.run(command)
        } else {
            saved = try context.run(CreateProduct(sku: text("sku"), name: text("name"), category: text("category"),
                                                  unit: text("unit"), unitPrice: price ?? .zero(currency),
                                                  taxRate: rate))
        }
        form.markSaved()
        return saved
    }
}
