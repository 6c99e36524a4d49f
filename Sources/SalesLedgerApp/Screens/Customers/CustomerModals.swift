import LedgerCore
import TerminalUI

/// The customers screen's modals (issue 9): the customer detail, its statement and allocation views, the customer
/// form. Each declares its keys once, in a table that dispatches them and feeds the hint bar and help.
extension CustomerDetail: Modal {
    var isFullScreen: Bool { true }

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<CustomersScreen> {
        if let step = keyTable(context.strings).dispatch(event, on: &self, context: context) { return step }
        // The invoice list moves; it neither filters nor sorts (`/` and `s` would only change its header).
        if case .key(let key) = event, case .char = key { return .stay }
        _ = TableView(columns: CustomerDetail.columns(context.strings)).handle(event, state: &table, rowCount: invoices.count,
                                                                              pageSize: 10)
        return .stay
    }

    func keyTable(_ s: Strings) -> KeyTable<CustomerDetail, ModalStep<CustomersScreen>> {
        var back = KeyCommand<CustomerDetail, ModalStep<CustomersScreen>>([.escape, .backspace], s.back) { _, _ in .close }
        back.hintKeys = [.escape]
        return KeyTable([
            .move(s, hint: false),
            KeyCommand(.char("r"), s.recordReceipt) { detail, context in
                let c = detail.customer
                let entry = ReceiptEntry(customerCode: c.code, customerName: c.name, invoiceNumber: nil,
                                         openAmount: detail.exposure?.balance ?? 0, currency: c.currency, context: context)
                return .push(EntryModal<CustomersScreen, ReceiptEntry>(entry: entry) { screen, context in
                    screen.modals.update(CustomerDetail.self) { $0.reload(context: context) }
                })
            },
            KeyCommand(.char("s"), s.statement) { detail, context in
                StatementView(customer: detail.customer, context: context).map { .push($0) } ?? .stay
            },
            KeyCommand(.char("e"), s.editCustomer) { detail, context in
                .push(CustomerForm(editing: detail.customer, context: context))
            },
            KeyCommand(.char("n"), s.newSale) { detail, _ in .report(.newSale(detail.customer.code)) },
            KeyCommand(.char("k"), s.t("Allocate (核销)", "核销")) { detail, context in
                .push(AllocationView(customer: detail.customer, context: context))
            },
            back,
        ])
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        render(into: &buffer, in: area, context: context)
        return nil
    }

    func keys(_ s: Strings) -> [KeyBinding]? { keyTable(s).hints(for: self) }
    func helpKeys(_ s: Strings) -> [KeyBinding]? { keyTable(s).help }
}

extension StatementView: Modal {
    var isFullScreen: Bool { true }
    var capturesText: Bool { rangeInput != nil }

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<CustomersScreen> {
        if rangeInput != nil { return .report(handleRange(event, customer: customer, context: context)) }
        if let step = keyTable(context.strings).dispatch(event, on: &self, context: context) { return step }
        if case .key(let key) = event, case .char = key { return .stay }
        _ = TableView(columns: []).handle(event, state: &state, rowCount: statement.lines.count + 2, pageSize: 10)
        return .stay
    }

    func keyTable(_ s: Strings) -> KeyTable<StatementView, ModalStep<CustomersScreen>> {
        var back = KeyCommand<StatementView, ModalStep<CustomersScreen>>([.escape, .backspace], s.back) { _, _ in .close }
        back.hintKeys = [.escape]
        return KeyTable([
            .move(s),
            KeyCommand(.char("p"), s.period) { view, context in
                let next = (view.periodIndex + 1) % ReportPeriod.standard(today: context.today).count
                if let made = StatementView(customer: view.customer, context: context, periodIndex: next) { view = made }
                return .stay
            },
            KeyCommand(.char("r"), s.t("Custom period", "自定义期间")) { view, _ in view.askRange(); return .stay },
            KeyCommand(.char("x"), s.exportCSV) { view, context in .report(view.export(context: context)) },
            back,
        ])
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        render(into: &buffer, in: area, context: context)
        return rangeInput == nil ? nil : renderRange(into: &buffer, in: area, context: context)
    }

    func keys(_ s: Strings) -> [KeyBinding]? {
        if rangeInput != nil { return [KeyBinding(.enter, s.t("Show", "显示")), KeyBinding(.escape, s.back)] }
        return keyTable(s).hints(for: self)
    }

    func helpKeys(_ s: Strings) -> [KeyBinding]? {
        rangeInput == nil ? keyTable(s).help : keys(s)
    }
}

extension AllocationView: Modal {
    var isFullScreen: Bool { true }

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<CustomersScreen> {
        let outcome = handleKey(event, context: context)
        if isClosed { return .close }
        return .update { screen, context in
            if case .message = outcome { screen.modals.update(CustomerDetail.self) { $0.reload(context: context) } }
            return outcome
        }
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        render(into: &buffer, in: area, context: context)
    }

    func keys(_ s: Strings) -> [KeyBinding]? { keyBindings(s) }
}

extension CustomerForm: Modal {
    var capturesText: Bool { true }
    var hasUnsavedChanges: Bool { form.hasUnsavedChanges }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        renderFormBox(form, into: &buffer, in: area, unicode: unicode)
    }

    func keys(_ s: Strings) -> [KeyBinding]? { form.keyBindings }
}
