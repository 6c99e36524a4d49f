import LedgerCore
import TerminalUI

/// Sales entry (销售录入): header (customer with pinyin autocomplete, date, salesperson, terms, due date computed
/// live), a lines grid (product autocomplete, quantity, unit price, discount %, tax %, amount computed live),
/// totals, and today's sales. F2 / Ctrl-S posts; the form is then ready for the next sale in the customer field.
struct SalesEntryScreen: KeyedScreen {
    enum Field: Hashable {
        case customer, date, salesperson, terms, due, channel, region
        case product(Int), quantity(Int), price(Int), discount(Int), tax(Int)
        /// A field holding a date, quantity or figure (replaced by the first key typed on entering it).
        var isNumberOrDate: Bool {
            switch self {
            case .date, .due, .quantity, .price, .discount, .tax: return true
            default: return false
            }
        }
        var line: Int? {
            switch self {
            case .product(let i), .quantity(let i), .price(let i), .discount(let i), .tax(let i): return i
            default: return nil
            }
        }
        var path: String {
            switch self {
            case .customer: return "customer"
            case .date: return "date"
            case .salesperson: return "salesperson"
            case .terms: return "terms"
            case .due: return "dueDate"
            case .channel: return "channel"
            case .region: return "region"
            case .product(let i): return "lines[\(i + 1)].product"
            case .quantity(let i): return "lines[\(i + 1)].quantity"
            case .price(let i): return "lines[\(i + 1)].unitPrice"
            case .discount(let i): return "lines[\(i + 1)].discount"
            case .tax(let i): return "lines[\(i + 1)].taxRate"
            }
        }
    }

    struct Suggestion: Equatable { var label: String; var value: String }

    var draft = SaleDraft()
    var inputs: [Field: TextInput] = [:]
    /// Fields holding a value filled in for the user (list price, tax rate, terms, due date…) and not edited since:
    /// the first character typed or pasted replaces the value, as in a selected field (like `PromptModal`).
    var prefilled: Set<Field> = []
    var focus: Field = .customer
    var customer: Customer?
    /// The selected customer's exposure (`Reports.exposure`: the rule credit control applies when posting).
    var exposure: CreditExposure?
    var salespeople: [Salesperson] = []
    var suggestions: [Suggestion] = []
    var suggestionIndex = 0
    var productNames: [Int: String] = [:]
    var errors: [Field: String] = [:]
    /// Whether the status line asks to fix the fields marked in red: it is cleared once none is marked (tryout s18:
    /// it stayed after every field was fixed).
    var asksToFix = false
    var todays: [InvoiceListRow] = []
    var isInList = false
    var list = TableState()
    var savedDraft = SaleDraft()
    /// The saved draft reopened in the form (replaced when posted).
    var openedDraftID: Int64?
    /// Prompts (reasons, plausibility), the drafts panel (^O), a sale opened from today's list and the fapiao form.
    var modals = ModalStack<SalesEntryScreen>()

    init(context: AppContext) {
        reset(context: context)
    }

    var hasUnsavedChanges: Bool { !currentDraft.isBlank }

    // MARK: - State

    mutating func reset(context: AppContext) {
        inputs = [:]
        prefilled = []
        draft = SaleDraft()
        draft.date = context.today.description
        baseCurrency = context.baseCurrency
        customer = nil
        exposure = nil
        errors = [:]
        suggestions = []
        productNames = [:]
        prefill(.date, draft.date)
        prefill(.salesperson, defaultSalesperson(context: context))
        focus = .customer
        openedDraftID = nil
        savedDraft = currentDraft
    }

    func defaultSalesperson(context: AppContext) -> String {
        let people = context.read { try context.store.salespeople() } ?? []
        return people.first { $0.code == context.user || $0.name == context.user }?.code ?? ""
    }

    var lineCount: Int { max(1, draft.lines.count) }

    func text(_ field: Field) -> String { inputs[field]?.text ?? "" }

    /// Sets a field's text; a changed value is no longer marked in red (as when typed: a due date filled in from the
    /// customer's terms).
    mutating func set(_ field: Field, _ value: String) {
        if inputs[field]?.text ?? "" != value { errors[field] = nil }
        var input = TextInput()
        input.setText(value)
        inputs[field] = input
        prefilled.remove(field)
    }

    /// Sets a value filled in for the user: typing replaces it (see `prefilled`).
    mutating func prefill(_ field: Field, _ value: String) {
        set(field, value)
        if !value.isEmpty { prefilled.insert(field) }
    }

    /// The draft as currently typed.
    var currentDraft: SaleDraft {
        var d = SaleDraft()
        d.customer = text(.customer)
        d.customerCode = customer?.code
        d.date = text(.date)
        d.salesperson = text(.salesperson)
        d.terms = text(.terms)
        d.dueDate = text(.due)
        d.channel = text(.channel)
        d.region = text(.region)
        d.isDueEdited = draft.isDueEdited
        d.lines = (0..<lineCount).map { i in
            SaleDraft.Line(product: text(.product(i)), quantity: text(.quantity(i)), unitPrice: text(.price(i)),
                           discount: text(.discount(i)), taxRate: text(.tax(i)),
                           isPriceEdited: draft.lines.indices.contains(i) ? draft.lines[i].isPriceEdited : false,
                           isTaxEdited: draft.lines.indices.contains(i) ? draft.lines[i].isTaxEdited : false)
        }
        return d
    }

    var fieldOrder: [Field] {
        [.customer, .date, .salesperson, .terms, .due, .channel, .region]
            + (0..<lineCount).flatMap { [Field.product($0), .quantity($0), .price($0), .discount($0), .tax($0)] }
    }

    /// The ledger's base currency: the currency of a sale before its customer is chosen (read on `reset`).
    var baseCurrency = Currency.cny
    var currency: Currency { customer?.currency ?? baseCurrency }

    mutating func refresh(context: AppContext) {
        salespeople = context.read { try context.store.salespeople() } ?? []
        let today = context.today
        todays = (context.read {
            try context.store.invoices(filter: InvoiceFilter(from: today, to: today), page: PageRequest(limit: 500))
        } ?? []).reversed()
        if let code = customer?.code {
            selectCustomer(code: code, context: context, keepTerms: true)
        }
    }

    // MARK: - Drafts

    func hasStoredDraft(context: AppContext) -> Bool {
        guard let path = context.draftPath, let stored = SaleDraft.load(from: path) else { return false }
        return !stored.isBlank
    }

    /// Restores the autosaved draft after checking it (`SaleDraft.validatedForRestore`); returns one message per
    /// dropped line.
    @discardableResult
    mutating func restoreStoredDraft(context: AppContext) -> [String] {
        guard let path = context.draftPath, let loaded = SaleDraft.load(from: path) else { return [] }
        let code = loaded.customerCode ?? ""
        let draftCurrency = code.isEmpty ? baseCurrency
            : (context.read { try context.store.customer(code: code) }?.currency ?? baseCurrency)
        let (stored, dropped) = loaded.validatedForRestore(currency: draftCurrency, strings: context.strings)
        apply(stored, context: context)
        return dropped
    }

    /// Fills the form with `stored` (a restored autosave or a reopened draft document).
    mutating func apply(_ stored: SaleDraft, context: AppContext) {
        reset(context: context)
        draft = stored
        if draft.lines.isEmpty { draft.lines = [SaleDraft.Line()] }
        set(.customer, stored.customer)
        set(.date, stored.date)
        set(.salesperson, stored.salesperson)
        set(.terms, stored.terms)
        set(.due, stored.dueDate)
        set(.channel, stored.channel)
        set(.region, stored.region)
        for (i, line) in stored.lines.enumerated() {
            set(.product(i), line.product)
            set(.quantity(i), line.quantity)
            set(.price(i), line.unitPrice)
            set(.discount(i), line.discount)
            set(.tax(i), line.taxRate)
            if let product = context.read({
                try context.store.products(search: line.product, page: PageRequest(limit: 5))
                    .first(where: { $0.sku == line.product })
            }) {
                productNames[i] = product.name
            }
        }
        if let code = stored.customerCode { selectCustomer(code: code, context: context, keepTerms: true) }
        savedDraft = SaleDraft()
    }

    func discardStoredDraft(context: AppContext) {
        if let path = context.draftPath { SaleDraft.remove(at: path) }
    }

    /// Writes the draft file when the typed text changed.
    mutating func autosave(context: AppContext) {
        let current = currentDraft
        guard current != savedDraft, let path = context.draftPath else { return }
        if current.isBlank { SaleDraft.remove(at: path) } else { current.save(to: path) }
        savedDraft = current
    }
}
