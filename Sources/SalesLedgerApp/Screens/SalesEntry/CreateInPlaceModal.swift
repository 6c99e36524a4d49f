import LedgerCore
import TerminalUI

/// ^R in sales entry (tryout s30): the customer form (`CustomerForm`) or product form (`ProductForm`) over the sale,
/// prefilled with what the clerk typed in the customer or product field (as the name; as the code/SKU too when it
/// looks like one). Saving runs the form's own commands, selects the new record in the sale and goes on to the next
/// field; Esc (after "discard?" when edited) leaves the sale exactly as it was.
struct CreateInPlaceModal: Modal {
    enum Target {
        case customer(CustomerForm)
        case product(ProductForm, line: Int)
        case salesperson(SalespersonForm)
    }

    var target: Target

    /// The customer form for `typed`.
    init(customer typed: String, context: AppContext) {
        var entry = CustomerForm(editing: nil, context: context)
        Self.prefill(&entry.form, typed: typed, codeField: "code")
        target = .customer(entry)
    }

    /// The product form for `typed`, for line `line` (0-based).
    init(product typed: String, line: Int, context: AppContext) {
        var entry = ProductForm(editing: nil, price: nil, context: context)
        Self.prefill(&entry.form, typed: typed, codeField: "sku")
        target = .product(entry, line: line)
    }

    /// The salesperson form for `typed` (tryout s33).
    init(salesperson typed: String, context: AppContext) {
        var entry = SalespersonForm(context: context)
        Self.prefill(&entry.form, typed: typed, codeField: "code")
        target = .salesperson(entry)
    }

    /// Puts `typed` in the name field, and in the code field when it is a code (ASCII letters, digits, `-`, `_`,
    /// `.`, at most 32); focus goes to the first field left empty. The prefill is not a change (Esc closes at once).
    static func prefill(_ form: inout Form, typed: String, codeField: String) {
        let text = typed.trimmingCharacters(in: .whitespaces)
        let isCode = !text.isEmpty && text.count <= 32
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        for i in form.fields.indices {
            if form.fields[i].id == "name" || (isCode && form.fields[i].id == codeField) {
                form.fields[i].input.setText(text)
            }
        }
        form.markSaved()
        form.focus(form.fields.firstIndex { $0.input.text.isEmpty } ?? 0)
    }

    var form: Form {
        switch target {
        case .customer(let entry): return entry.form
        case .product(let entry, _): return entry.form
        case .salesperson(let entry): return entry.form
        }
    }

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<SalesEntryScreen> {
        switch target {
        case .customer(var entry):
            let outcome = entry.form.handle(event)
            defer { target = .customer(entry) }
            guard case .submitted(let values) = outcome else { return outcome == .cancelled ? .close : .stay }
            do {
                let saved = try entry.save(values, context: context)
                return .close { screen, context in screen.created(customer: saved, context: context) }
            } catch {
                return .report(.error(error.issuesText))
            }
        case .product(var entry, let line):
            let outcome = entry.form.handle(event)
            defer { target = .product(entry, line: line) }
            guard case .submitted(let values) = outcome else { return outcome == .cancelled ? .close : .stay }
            do {
                guard let saved = try entry.save(values, context: context) else {
                    return .report(.error(context.takeReadFailure() ?? ""))
                }
                return .close { screen, context in screen.created(product: saved, line: line, context: context) }
            } catch {
                return .report(.error(error.issuesText))
            }
        case .salesperson(var entry):
            let outcome = entry.form.handle(event)
            defer { target = .salesperson(entry) }
            guard case .submitted = outcome else { return outcome == .cancelled ? .close : .stay }
            do {
                let saved = try entry.save(context: context)
                return .close { screen, context in screen.created(salesperson: saved, context: context) }
            } catch {
                return .report(.error(context.strings.core(error.issuesText)))
            }
        }
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        renderFormBox(form, into: &buffer, in: area, unicode: unicode)
    }

    func keys(_ s: Strings) -> [KeyBinding]? { form.keyBindings }
    var capturesText: Bool { true }
    var hasUnsavedChanges: Bool { form.hasUnsavedChanges }
}

extension SalesEntryScreen {
    /// Whether ^R creates something now: the customer field holds text that is no chosen customer, or a product
    /// field holds text that is no chosen product (and no `*free text` line).
    var canCreateInPlace: Bool {
        let typed = text(focus).trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return false }
        switch focus {
        case .customer: return customer == nil
        case .product(let i): return productNames[i] == nil && !typed.hasPrefix("*")
        case .salesperson: return !salespeople.contains { $0.code == typed }
        default: return false
        }
    }

    /// ^R: opens the customer or product form prefilled with the focused field's text.
    mutating func createInPlace(context: AppContext) {
        guard canCreateInPlace else { return }
        suggestions = []
        switch focus {
        case .customer: modals.push(CreateInPlaceModal(customer: text(.customer), context: context))
        case .product(let i): modals.push(CreateInPlaceModal(product: text(.product(i)), line: i, context: context))
        case .salesperson: modals.push(CreateInPlaceModal(salesperson: text(.salesperson), context: context))
        default: break
        }
    }

    /// A customer created with ^R: chosen for the sale (terms, due date…), the clerk goes on at the date.
    mutating func created(customer saved: Customer, context: AppContext) -> ScreenOutcome {
        selectCustomer(code: saved.code, context: context, keepTerms: false)
        move(to: .date, context: context)
        return .message("\(context.strings.t("Customer added", "已新增客户")): \(saved.code) \(saved.name)")
    }

    /// A product created with ^R: chosen on line `line` (price, tax), the clerk goes on at the quantity.
    mutating func created(product saved: Product, line: Int, context: AppContext) -> ScreenOutcome {
        selectProduct(sku: saved.sku, line: line, context: context)
        move(to: .quantity(line), context: context)
        return .message("\(context.strings.t("Product added", "已新增商品")): \(saved.sku) \(saved.name)")
    }

    /// A salesperson created with ^R: in the sale's salesperson field, the clerk goes on at the terms.
    mutating func created(salesperson saved: Salesperson, context: AppContext) -> ScreenOutcome {
        salespeople = context.read { try context.store.salespeople() } ?? salespeople + [saved]
        set(.salesperson, saved.code)
        errors[.salesperson] = nil
        move(to: .terms, context: context)
        return .message("\(context.strings.t("Salesperson added", "已新增业务员")): \(saved.code) \(saved.name)")
    }
}
