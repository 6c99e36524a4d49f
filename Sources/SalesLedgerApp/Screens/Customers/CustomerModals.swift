import LedgerCore
import TerminalUI

/// The customers screen's modals (issue 9): the customer detail, its statement and allocation views, the customer
/// form. Each declares its keys once, in a table that dispatches them and feeds the hint bar and help.
extension CustomerDetail: KeyedModal {
    var isFullScreen: Bool { true }

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<CustomersScreen> {
        if let step = keyTable(context.strings).dispatch(event, on: &self, context: context) { return step }
        // The invoice list moves; it neither filters nor sorts (`/` and `s` would only change its header).
        if case .key(let key) = event, case .char = key { return .stay }
        _ = TableView(columns: CustomerDetail.columns(context.strings)).handle(event, state: &table,
                                                                               rowCount: invoices.count,
                                                                              pageSize: 10)
        return .stay
    }

    func keyTable(_ s: Strings) -> KeyTable<CustomerDetail, ModalStep<CustomersScreen>> {
        KeyTable([
            .move(s, hint: false),
            KeyCommand(.char("r"), s.recordReceipt) { detail, context in
                let c = detail.customer
                let entry = ReceiptEntry(customerCode: c.code, customerName: c.name, invoiceNumber: nil,
                                         openAmount: detail.exposure?.balance ?? 0, currency: c.currency,
                                         context: context)
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
            .close(s),
        ])
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        render(into: &buffer, in: area, context: context)
        return nil
    }

}

extension StatementView: KeyedModal {
    var isFullScreen: Bool { true }

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<CustomersScreen> {
        if let step = keyTable(context.strings).dispatch(event, on: &self, context: context) { return step }
        if case .key(let key) = event, case .char = key { return .stay }
        var keys = TableView(columns: [])
        keys.scrollsColumns = true   // ←/→: the drawing keeps the scroll within the hidden columns
        _ = keys.handle(event, state: &state, rowCount: statement.lines.count + 2, pageSize: 10)
        state.firstColumn = min(state.firstColumn, max(0, table(StatementWords(chinese: false)).columns.count - 2))
        return .stay
    }

    func keyTable(_ s: Strings) -> KeyTable<StatementView, ModalStep<CustomersScreen>> {
        KeyTable([
            .move(s),
            KeyCommand(.char("p"), s.period) { view, context in
                let next = (view.periodIndex + 1) % ReportPeriod.standard(today: context.today).count
                if let made = StatementView(customer: view.customer, context: context, periodIndex: next) {
                    view = made
                }
                return .stay
            },
            KeyCommand(.char("r"), s.t("Custom period", "自定义期间")) { view, _ in .push(view.rangePrompt(s)) },
            KeyCommand(.char("x"), s.exportCSV) { view, context in .push(view.export(context: context)) },
            .close(s),
        ])
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        render(into: &buffer, in: area, context: context)
        return nil
    }

}

extension AllocationView: KeyedModal {
    var isFullScreen: Bool { true }

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<CustomersScreen> {
        keyTable(context.strings).dispatch(event, on: &self, context: context) ?? .stay
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        render(into: &buffer, in: area, context: context)
    }
}

extension CustomerForm: Modal {
    var capturesText: Bool { true }
    var hasUnsavedChanges: Bool { form.hasUnsavedChanges }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        renderFormBox(form, into: &buffer, in: area, unicode: unicode)
    }

    func keys(_ s: Strings) -> [KeyBinding]? { form.keyBindings }
}
