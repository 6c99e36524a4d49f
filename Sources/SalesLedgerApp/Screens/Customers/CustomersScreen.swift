import LedgerCore
import TerminalUI

/// Customers (客户): a searchable, paged list (code, name, class, region, channel, balance, overdue, last sale,
/// 12-month sparkline); Enter opens a customer; `a` adds, `e` edits, `r` records a receipt.
struct CustomersScreen: LedgerScreen {
    var table = TableState()
    var source: CustomerSource?
    var detail: CustomerDetail?
    var form: CustomerForm?
    var receipt: ReceiptEntry?
    var statement: StatementView?
    /// The allocation (核销) screen of the customer shown (`k`).
    var allocation: AllocationView?
    var lastSearch: String?
    /// Class filter (dimension, class code) and the pickers that choose it.
    var classFilter: (dimension: String, code: String, label: String)?
    var picker: Dialog?
    var pickerDimension: String?
    var pickerCodes: [String] = []
    static let filterDimensions = ["region", "channel", "customer_class", "payment_risk", "rfm_segment"]

    var capturesText: Bool { (allocation?.capturesText ?? false) || statement?.rangeInput != nil || form != nil || receipt != nil || picker != nil || table.isEditingFilter || (detail?.table.isEditingFilter ?? false) }
    var hasUnsavedChanges: Bool { (allocation?.hasUnsavedChanges ?? false) || (form?.form.hasUnsavedChanges ?? false) || (receipt?.form.hasUnsavedChanges ?? false) }

    mutating func refresh(context: AppContext) {
        let sortColumn = table.sortColumn.flatMap { CustomerSort.Column(rawValue: $0) } ?? .code
        let conditions = classFilter.map { [ClassCondition(dimension: $0.dimension, codes: [$0.code])] } ?? []
        source = CustomerSource(context: context, search: table.filter.text, classes: conditions,
                                sort: CustomerSort(sortColumn, ascending: table.isSortAscending))
        lastSearch = table.filter.text
        detail?.reload(context: context)
        allocation?.reload(context: context)
    }

    mutating func openDetail(code: String, context: AppContext) {
        detail = CustomerDetail(code: code, context: context)
        form = nil
    }

    mutating func handle(_ event: Event, context: AppContext) -> ScreenOutcome {
        let s = context.strings
        if var view = allocation {
            let outcome = view.handle(event, context: context)
            allocation = view.isClosed ? nil : view
            if case .message = outcome { detail?.reload(context: context) }
            return outcome
        }
        if var entry = receipt {
            switch entry.handle(event, context: context) {
            case .open: receipt = entry
            case .cancelled: receipt = nil
            case .recorded(let message): receipt = nil; detail?.reload(context: context); return .message(message)
            case .failed(let message): receipt = entry; return .error(message)
            }
            return .none
        }
        if var open = form {
            switch open.handle(event, context: context) {
            case .open: form = open
            case .cancelled: form = nil
            case .saved(let customer):
                form = nil
                refresh(context: context)
                openDetail(code: customer.code, context: context)
                return .message("\(s.t("Saved", "已保存")): \(customer.code) \(customer.name)")
            case .failed(let message): form = open; return .error(message)
            }
            return .none
        }
        if var open = picker {
            let outcome = open.handle(event)
            picker = outcome == .open ? open : nil
            if case .picked(let index) = outcome { pick(index, context: context) }
            return .none
        }
        if var view = statement {
            if view.rangeInput != nil, let customer = detail?.customer {
                let outcome = view.handleRange(event, customer: customer, context: context)
                statement = view
                return outcome
            }
            if case .key(let key) = event {
                switch key {
                case .escape, .backspace: statement = nil
                case .char("p"):
                    if let customer = detail?.customer { statement = StatementView(customer: customer, context: context, periodIndex: (view.periodIndex + 1) % ReportPeriod.standard(today: context.today).count) }
                case .char("x"): return view.export(context: context)
                case .char("r"): view.askRange(); statement = view
                default:
                    _ = TableView(columns: []).handle(event, state: &view.state, rowCount: view.statement.lines.count + 2, pageSize: 10)
                    statement = view
                }
            }
            return .none
        }
        if var shown = detail {
            if case .key(let key) = event, !shown.table.isEditingFilter {
                switch key {
                case .escape, .backspace: detail = nil; return .none
                case .char("e"): form = CustomerForm(editing: shown.customer, context: context); return .none
                case .char("r"):
                    let open = shown.exposure?.balance ?? 0
                    receipt = ReceiptEntry(customerCode: shown.customer.code, customerName: shown.customer.name,
                                           invoiceNumber: nil, openAmount: open, currency: shown.customer.currency, context: context)
                    return .none
                case .char("n"): return .newSale(shown.customer.code)
                case .char("k"): allocation = AllocationView(customer: shown.customer, context: context); return .none
                case .char("s"): statement = StatementView(customer: shown.customer, context: context); return .none
                default: break
                }
            }
            _ = TableView(columns: CustomerDetail.columns(s)).handle(event, state: &shown.table, rowCount: shown.invoices.count, pageSize: 10)
            detail = shown
            return .none
        }
        if case .key(let key) = event, !table.isEditingFilter {
            switch key {
            case .char("a"): form = CustomerForm(editing: nil, context: context); return .none
            case .char("f"):
                pickerDimension = nil
                let options = [s.t("(no class filter)", "（不按分类筛选）")] + CustomersScreen.filterDimensions.map { s.dimensionName($0) }
                picker = Dialog(title: s.t("Filter by class", "按分类筛选"), message: s.dimension, kind: .picker(options))
                return .none
            case .char("e"):
                if let row = source?.customers(in: table.selectedRow..<(table.selectedRow + 1)).first,
                   let customer = context.read({ try context.store.customer(code: row.code) }) {
                    form = CustomerForm(editing: customer, context: context)
                }
                return .none
            default: break
            }
        }
        let view = TableView(columns: CustomerSource.columns(s))
        switch view.handle(event, state: &table, rowCount: source?.rowCount ?? 0, pageSize: 15) {
        case .filterChanged, .sortChanged:
            table.selectedRow = 0
            table.topRow = 0
            refresh(context: context)
        case .activated(let row):
            if let code = source?.customers(in: row..<(row + 1)).first?.code { openDetail(code: code, context: context) }
        default: break
        }
        return .none
    }

    /// A picker choice: first the dimension, then a class of it (provinces and top classes with their children).
    mutating func pick(_ index: Int, context: AppContext) {
        let s = context.strings
        guard let dimension = pickerDimension else {
            guard index > 0 else { classFilter = nil; refresh(context: context); return }
            let dim = CustomersScreen.filterDimensions[index - 1]
            let nodes = (context.read { try context.store.classNodes(dimension: dim) } ?? []).filter { node in
                dim != "region" || node.code.filter({ $0 == "-" }).count <= 1
            }
            var codes = nodes.map(\.code)
            if codes.isEmpty, let values = context.read({ try context.store.customerList(filter: ClassFilter(), asOf: context.today,
                                                                           sort: CustomerSort(), page: PageRequest(limit: 2000)) }) {
                let raw = values.map { dim == "channel" ? $0.channel : (dim == "customer_class" ? $0.customerClass : $0.region) }
                codes = Array(Set(raw.filter { !$0.isEmpty })).sorted()
            }
            pickerDimension = dim
            pickerCodes = codes
            picker = Dialog(title: s.dimensionName(dim), message: s.t("Class (with its sub-classes)", "分类（含下级）"),
                            kind: .picker(codes.map { "\($0)  \(context.className(dim, $0))" }))
            return
        }
        if pickerCodes.indices.contains(index) {
            let code = pickerCodes[index]
            classFilter = (dimension, code, context.className(dimension, code))
            table.selectedRow = 0
            table.topRow = 0
            refresh(context: context)
        }
        pickerDimension = nil
    }

    func keyBindings(_ s: Strings) -> [KeyBinding] {
        if let picker { return LedgerApp.dialogBindings(picker, s) }
        if let allocation { return allocation.keyBindings(s) }
        if receipt != nil { return [KeyBinding(.ctrl("s"), s.recordReceipt), KeyBinding(.escape, s.back)] }
        if statement != nil {
            if statement?.rangeInput != nil { return [KeyBinding(.enter, s.t("Show", "显示")), KeyBinding(.escape, s.back)] }
            return [KeyBinding([.up, .down], s.t("Move", "移动")), KeyBinding(.char("p"), s.period),
                    KeyBinding(.char("r"), s.t("Custom period", "自定义期间")), KeyBinding(.char("x"), s.exportCSV),
                    KeyBinding(.escape, s.back)]
        }
        if let form { return form.form.keyBindings }
        if detail != nil {
            return [KeyBinding(.char("r"), s.recordReceipt), KeyBinding(.char("s"), s.statement), KeyBinding(.char("e"), s.editCustomer),
                    KeyBinding(.char("n"), s.newSale), KeyBinding(.char("k"), s.t("Allocate (核销)", "核销")),
                    KeyBinding(.escape, s.back)]
        }
        return [KeyBinding([.up, .down], s.t("Move", "移动")), KeyBinding(.enter, s.open), KeyBinding(.char("/"), s.search),
                KeyBinding(.char("f"), s.t("Class filter", "分类筛选")), KeyBinding([.char("s"), .char("S")], s.t("Sort", "排序"), help: s.t("s: next column, S: reverse", "s：下一列，S：反向")),
                KeyBinding(.char("a"), s.addCustomer), KeyBinding(.char("e"), s.editCustomer)]
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        let s = context.strings
        if let allocation {
            return allocation.render(into: &buffer, in: area, context: context)
        } else if let statement {
            statement.render(into: &buffer, in: area, context: context)
            if statement.rangeInput != nil { return statement.renderRange(into: &buffer, in: area, context: context) }
        } else if let detail {
            detail.render(into: &buffer, in: area, context: context)
        } else if let source {
            var heading = "\(s.screenCustomers): \(source.rowCount)"
            if let classFilter { heading += "   \(s.dimensionName(classFilter.dimension)) = \(classFilter.code) \(classFilter.label)  [f]" }
            buffer.setFitted(heading, x: area.x + 1, y: area.y, width: area.width - 2, style: Style(.accent, [.bold]))
            var state = table
            var view = s.localize(TableView(columns: CustomerSource.columns(s, width: area.width)))
            view.alwaysShowsFilter = true
            view.render(into: &buffer, in: Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 1)),
                        source: source, state: &state)
        }
        if let form {
            let box = area.centered(Size(width: min(area.width - 2, 70), height: area.height))
            buffer.fill(box, style: Style(.dialog))
            Border.draw(into: &buffer, rect: box, style: Style(.border), unicode: unicode)
            return form.form.render(into: &buffer, in: box.inset(by: 1), unicode: unicode)
        }
        if let receipt { return receipt.render(into: &buffer, in: area, unicode: unicode, strings: context.strings) }
        if let picker { LedgerApp.localized(picker, s).render(into: &buffer, in: area, unicode: unicode); return nil }
        if table.isEditingFilter && detail == nil {
            return Point(x: area.x + 1 + DisplayWidth.of("/ ") + DisplayWidth.of(table.filter.text), y: area.maxY - 1)
        }
        return nil
    }
}
