import LedgerCore
import LedgerReports
import TerminalUI

extension SalesEntryScreen {
    var isTyping: Bool { !isInList }

    /// Keys go to the modals, then to the key table (while a form field has focus, printable keys are typed), then
    /// to the form's fields or today's list.
    mutating func handle(_ event: Event, context: AppContext) -> ScreenOutcome {
        let named = asksToFix ? fixMessage(context.strings) : ""
        let outcome = handleEvent(event, context: context)
        guard asksToFix else { return outcome }
        guard errors.isEmpty else {
            // The status line names the fields still to fix: it follows them as they are fixed.
            let now = fixMessage(context.strings)
            if case .none = outcome, now != named { return .error(now) }
            return outcome
        }
        asksToFix = false
        if case .none = outcome { return .message("") }
        return outcome
    }

    /// "Fix these fields: Quantity (line 2), Unit price (line 2)": the marked fields in form order, named in words
    /// (not by their colour alone), at most three and then how many more.
    func fixMessage(_ s: Strings) -> String {
        let marked = fieldOrder.filter { errors[$0] != nil }.map { f in
            f.line.map { s.t("\(fieldLabel(f, s)) (line \($0 + 1))", "\(fieldLabel(f, s))（第 \($0 + 1) 行）") }
                ?? fieldLabel(f, s)
        }
        var names = marked.prefix(3).joined(separator: s.t(", ", "、"))
        if marked.count > 3 { names += s.t(" and \(marked.count - 3) more", " 等 \(marked.count) 项") }
        return s.fixErrors + s.t(" ", "") + names
    }

    private mutating func handleEvent(_ event: Event, context: AppContext) -> ScreenOutcome {
        defer { autosave(context: context) }
        if let outcome = handleModals(event, context: context) { return outcome }
        if let outcome = keyTable(context.strings).dispatch(event, on: &self, context: context, typing: isTyping) {
            return outcome
        }
        guard case .key(let key) = event else {
            if case .paste = event, !isInList { return edit(event, context: context) }
            return .none
        }
        if isInList {
            if key == .up { list.selectedRow = max(0, list.selectedRow - 1) }
            if key == .down { list.selectedRow = min(max(0, todays.count - 1), list.selectedRow + 1) }
            return .none
        }
        switch key {
        case .escape: suggestions = []
        case .tab, .enter:
            if !suggestions.isEmpty { acceptSuggestion(context: context) }
            step(1, context: context)
        case .backTab: step(-1, context: context)
        case .down where !suggestions.isEmpty: suggestionIndex = min(suggestions.count - 1, suggestionIndex + 1)
        case .up where !suggestions.isEmpty: suggestionIndex = max(0, suggestionIndex - 1)
        case .down:
            if let line = focus.line, line + 1 < lineCount { move(to: sameColumn(focus, line: line + 1),
                                                                  context: context) }
            else if focus.line == nil { step(1, context: context) }
        case .up:
            if let line = focus.line, line > 0 { move(to: sameColumn(focus, line: line - 1), context: context) }
            else { step(-1, context: context) }
        default:
            return edit(event, context: context)
        }
        return .none
    }

    func keyTable(_ s: Strings) -> KeyTable<SalesEntryScreen, ScreenOutcome> {
        isInList ? listKeys(s) : formKeys(s)
    }

    /// The form's keys; the fields' own moves (Tab, Enter, arrows) are listed and handled by `handle`.
    func formKeys(_ s: Strings) -> KeyTable<SalesEntryScreen, ScreenOutcome> {
        var next = KeyCommand<SalesEntryScreen,
        ScreenOutcome>([.tab, .backTab, .enter], s.t("Next/prev", "下/上一项"))
        next.hintKeys = [.tab, .backTab]
        return KeyTable([
            KeyCommand([.function(2), .ctrl("s")], s.post) { screen,
            context in screen.post(context: context, asDraft: false) },
            // Right after Post so the hint bar keeps it at 80 columns (later keys are left out there); hinted only
            // when there is something to create (tryout s30).
            KeyCommand(.ctrl("r"), s.t("New customer/product", "新建客户/商品"),
                       help: s.t("Create the customer, product or salesperson typed: form prefilled; saving selects "
                                 + "it in the sale", "新建字段中输入的客户、商品或业务员："
                                 + "打开已预填的表单，保存后选入本销售单"),
                       when: { $0.canCreateInPlace }) { screen, context in
                screen.createInPlace(context: context)
                return .none
            },
            KeyCommand(.ctrl("n"), s.addLine) { screen, context in
                screen.draft.lines = screen.currentDraft.lines + [SaleDraft.Line()]
                screen.move(to: .product(screen.lineCount - 1), context: context)
                return .none
            },
            KeyCommand(.ctrl("x"), s.deleteLine, when: { $0.focus.line != nil }) { screen, _ in
                if let line = screen.focus.line { screen.deleteLine(line) }
                return .none
            },
            KeyCommand(.ctrl("d"), s.saveDraft) { screen, context in screen.post(context: context, asDraft: true) },
            KeyCommand(.ctrl("o"), s.t("Drafts", "草稿")) { screen, context in
                screen.openDrafts(context: context)
                return .none
            },
            KeyCommand(.ctrl("l"), s.todaysSales, when: { !$0.todays.isEmpty }) { screen, _ in
                screen.isInList = true
                screen.suggestions = []
                return .none
            },
            next,
            KeyCommand([.up, .down], s.t("Line up/down", "上/下一行"), hint: false),
        ])
    }

    /// Today's sales list (^L): open, void, credit or record a fapiao for the selected sale.
    func listKeys(_ s: Strings) -> KeyTable<SalesEntryScreen, ScreenOutcome> {
        let posted: (SalesEntryScreen) -> Bool = { $0.selectedSale?.status == .posted }
        let postedInvoice: (SalesEntryScreen) -> Bool = { posted($0) && $0.selectedSale?.kind == .invoice }
        var back = KeyCommand<SalesEntryScreen, ScreenOutcome>([.escape, .ctrl("l"), .tab], s.back) { screen, _ in
            screen.isInList = false
            return .none
        }
        back.hintKeys = [.escape]
        return KeyTable([
            KeyCommand([.up, .down], s.t("Move", "移动"), when: { $0.todays.count > 1 }),
            KeyCommand(.enter, s.open) { screen, context in
                if let sale = screen.selectedSale,
                   let invoice = context.read({ try context.store.invoiceDocument(number: sale.number) }) {
                    screen.modals.push(InvoiceModal(invoice: invoice))
                }
                return .none
            },
            KeyCommand(.char("v"), s.voidAction, when: posted) { screen, context in
                guard let number = screen.selectedSale?.number else { return .none }
                return screen.askVoid(number, context: context)
            },
            KeyCommand(.char("c"), s.creditAction, when: postedInvoice) { screen, context in
                if let number = screen.selectedSale?.number { screen.askCredit(number, context: context) }
                return .none
            },
            KeyCommand(.char("f"), s.t("Record fapiao", "开票登记"), when: postedInvoice) { screen, context in
                guard let sale = screen.selectedSale else { return .none }
                switch FapiaoEntry.make(saleNumber: sale.number, customerCode: sale.customerCode, context: context) {
                case .success(let entry): screen.modals.push(EntryModal<SalesEntryScreen, FapiaoEntry>(entry: entry))
                case .failure(let refusal): return .error(refusal.message)
                }
                return .none
            },
            back,
        ])
    }

    var selectedSale: InvoiceListRow? { todays.indices.contains(list.selectedRow) ? todays[list.selectedRow] : nil }

    func sameColumn(_ field: Field, line: Int) -> Field {
        switch field {
        case .product: return .product(line)
        case .quantity: return .quantity(line)
        case .price: return .price(line)
        case .discount: return .discount(line)
        case .tax: return .tax(line)
        default: return field
        }
    }

    /// Typing into the focused field, then live updates (suggestions, due date, defaults).
    mutating func edit(_ event: Event, context: AppContext) -> ScreenOutcome {
        var input = inputs[focus] ?? TextInput()
        let before = input.text
        if prefilled.contains(focus) {
            switch event {
            case .key(.char), .paste: input.setText("")
            default: break
            }
        }
        // A key the field does not use (↑, ^B) leaves a pre-filled value selected.
        guard input.handle(event) else { return .none }
        prefilled.remove(focus)
        inputs[focus] = input
        guard input.text != before else { return .none }
        errors[focus] = nil
        switch focus {
        case .customer:
            customer = nil
            exposure = nil
            updateSuggestions(context: context)
        case .product(let i):
            productNames[i] = nil
            updateSuggestions(context: context)
        case .salesperson:
            updateSuggestions(context: context)
        case .date, .terms:
            recomputeDue(context: context)
            liveCheck(focus, context: context)
        case .due:
            // Cleared: the due date follows date and terms again (filled in, selected, label back to "Due").
            draft.isDueEdited = !input.text.trimmingCharacters(in: .whitespaces).isEmpty
            if !draft.isDueEdited { recomputeDue(context: context) }
            liveCheck(focus, context: context)
        case .price(let i):
            ensureLine(i)
            draft.lines[i].isPriceEdited = true
            liveCheck(focus, context: context)
        case .tax(let i):
            ensureLine(i)
            draft.lines[i].isTaxEdited = true
            liveCheck(focus, context: context)
        default:
            liveCheck(focus, context: context)
        }
        recheckDependents(of: focus, context: context)
        return .none
    }

    mutating func ensureLine(_ i: Int) {
        while draft.lines.count <= i { draft.lines.append(SaleDraft.Line()) }
    }

    mutating func deleteLine(_ line: Int) {
        var lines = currentDraft.lines
        guard lines.indices.contains(line) else { return }
        lines.remove(at: line)
        if lines.isEmpty { lines = [SaleDraft.Line()] }
        draft.lines = lines
        var names: [Int: String] = [:]
        for (i, name) in productNames where i != line { names[i > line ? i - 1 : i] = name }
        productNames = names
        for (i, l) in lines.enumerated() {
            set(.product(i), l.product); set(.quantity(i), l.quantity); set(.price(i), l.unitPrice)
            set(.discount(i), l.discount); set(.tax(i), l.taxRate)
        }
        for column in [Field.product(lines.count), .quantity(lines.count), .price(lines.count), .discount(lines.count),
                       .tax(lines.count)] {
            inputs[column] = nil
            errors[column] = nil
        }
        focus = .product(min(line, lines.count - 1))
    }

    mutating func step(_ delta: Int, context: AppContext) {
        let order = fieldOrder
        guard let index = order.firstIndex(of: focus) else { focus = .customer; return }
        let next = index + delta
        if next >= order.count {
            // Past the last column of the last line: a new line, unless that line is still empty.
            if !currentDraft.lines.last!.product.isEmpty {
                draft.lines = currentDraft.lines + [SaleDraft.Line()]
                move(to: .product(lineCount - 1), context: context)
            }
            return
        }
        move(to: order[max(0, next)], context: context)
    }

    mutating func move(to field: Field, context: AppContext) {
        settle(focus)
        liveCheck(focus, context: context)
        suggestions = []
        let entered = field != focus
        focus = field
        if let line = field.line { ensureLine(line) }
        // Entering a number or date field again: the first typed character replaces its text, as in a spreadsheet
        // cell (tryout s31: a quantity 10 re-entered and typed 2 became 102 and posted); Backspace/arrows keep it.
        if entered, field.isNumberOrDate, !text(field).isEmpty { prefilled.insert(field) }
    }

    /// Tidies the field being left: a unit price is shown with the currency's decimals (`22` → `22.00`); a cleared
    /// channel or region falls back to the customer's (filled in again, as when the customer was picked), which is
    /// what posting without one records.
    mutating func settle(_ field: Field) {
        let value = text(field).trimmingCharacters(in: .whitespaces)
        switch field {
        case .price:
            guard !value.isEmpty, let price = try? MoneyParser.parse(value, currency: currency),
                  price.plainString != text(field) else { return }
            let wasPrefilled = prefilled.contains(field)
            set(field, price.plainString)
            if wasPrefilled { prefilled.insert(field) }
        case .channel where value.isEmpty:
            if let customer { prefill(.channel, customer.channel) }
        case .region where value.isEmpty:
            if let customer { prefill(.region, customer.region) }
        default:
            break
        }
    }

    // MARK: - Lookups

    mutating func updateSuggestions(context: AppContext) {
        let query = text(focus).trimmingCharacters(in: .whitespaces)
        suggestionIndex = 0
        guard !query.isEmpty else { suggestions = []; return }
        switch focus {
        case .customer:
            let rows = context.read { try context.store.customers(search: query, asOf: context.today,
                                                                  page: PageRequest(limit: 8)) } ?? []
            suggestions = rows.map { Suggestion(label: "\($0.code)  \($0.name)", value: $0.code) }
        case .product:
            // `*description` is a free-text line: no product lookup.
            if query.hasPrefix("*") { suggestions = []; return }
            let rows = context.read { try context.store.products(search: query, page: PageRequest(limit: 8)) } ?? []
            suggestions = rows.map { Suggestion(label: "\($0.sku)  \($0.name)  \($0.unitPrice.groupedString)",
                                                value: $0.sku) }
        case .salesperson:
            // By code, name, pinyin or initials, ranked as the customer field's matches (`SearchMatch`).
            suggestions = SearchMatch.ranked(salespeople, query, code: \.code, name: \.name).prefix(8)
                .map { Suggestion(label: "\($0.code)  \($0.name)", value: $0.code) }
        default:
            suggestions = []
        }
    }

    mutating func acceptSuggestion(context: AppContext) {
        guard suggestions.indices.contains(suggestionIndex) else { return }
        let value = suggestions[suggestionIndex].value
        suggestions = []
        switch focus {
        case .customer: selectCustomer(code: value, context: context, keepTerms: false)
        case .product(let i): selectProduct(sku: value, line: i, context: context)
        case .salesperson: set(.salesperson, value)
        default: break
        }
    }

    mutating func selectCustomer(code: String, context: AppContext, keepTerms: Bool) {
        guard let found = context.read({ try context.store.customer(code: code) }) else { return }
        customer = found
        if !keepTerms || text(.customer).isEmpty { set(.customer, found.name) }
        if !keepTerms || text(.terms).isEmpty { prefill(.terms, found.paymentTerms.code) }
        if !keepTerms || text(.channel).isEmpty { prefill(.channel, found.channel) }
        if !keepTerms || text(.region).isEmpty { prefill(.region, found.region) }
        errors[.customer] = nil
        exposure = context.read { try Reports(store: context.store).exposure(customerCode: found.code,
                                                                             asOf: context.today) }
        recomputeDue(context: context)
    }

    mutating func selectProduct(sku: String, line: Int, context: AppContext) {
        guard let product = context.read({ try context.store.products(search: sku, page: PageRequest(limit: 20)) })?
            .first(where: { $0.sku == sku }) else { return }
        set(.product(line), product.sku)
        productNames[line] = product.name
        errors[.product(line)] = nil
        ensureLine(line)
        if !draft.lines[line].isPriceEdited || text(.price(line)).isEmpty {
            // The list price in force on the sale's date (prices change from a date on).
            let day = (try? DateParser.parse(text(.date), today: context.today)) ?? context.today
            let price = context.read({ try context.store.productPrice(sku: product.sku, on: day) })
            prefill(.price(line), (price ?? product.unitPrice).plainString)
        }
        if !draft.lines[line].isTaxEdited || text(.tax(line)).isEmpty {
            prefill(.tax(line), Money.format(product.taxRate.basisPoints, digits: 2, grouping: false).trimmedZeros)
        }
    }

    /// The due date follows date and terms until the user types one; while the date or the terms do not parse it
    /// is empty (tryout s33: `2026-02-30` kept the due date of `2026-02-3`, typed a moment before).
    mutating func recomputeDue(context: AppContext) {
        guard !draft.isDueEdited else { return }
        guard let date = try? DateParser.parse(text(.date), today: context.today),
              let terms = try? PaymentTerms.parse(text(.terms).isEmpty ? (customer?.paymentTerms.code ?? "NET30")
                                                                       : text(.terms)) else {
            prefill(.due, "")
            return
        }
        prefill(.due, terms.dueDate(for: date).description)
    }

    /// Checks again every field whose error may depend on `edited`: the line's other fields (a line left blank
    /// checks nothing; quantity and price are checked together) and, for the date, the due date — so each error
    /// shown follows its field's current text (tryout s33: a line error stayed after its line was cleared with ^U).
    /// Only fields showing an error are checked again: an untouched field gets no new error.
    mutating func recheckDependents(of edited: Field, context: AppContext) {
        let dependents: [Field]
        if let line = edited.line {
            dependents = [.product(line), .quantity(line), .price(line), .discount(line), .tax(line)]
        } else if edited == .date || edited == .terms {
            dependents = [.due]
        } else {
            dependents = []
        }
        for field in dependents where field != edited && errors[field] != nil { liveCheck(field, context: context) }
    }
}

extension String {
    /// `13.00` → `13`, `12.50` → `12.5`.
    var trimmedZeros: String {
        guard contains(".") else { return self }
        var s = self
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
