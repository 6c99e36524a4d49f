import LedgerCore
import TerminalUI

/// Customers (客户): a searchable, paged list (code, name, class, region, channel, balance, overdue, last sale,
/// 12-month sparkline); Enter opens a customer; `a` adds, `e` edits, `r` records a receipt.
struct CustomersScreen: KeyedScreen {
    var table = TableState()
    var source: CustomerSource?
    /// The customer detail and what it opens (statement, allocation, receipt, form), the class pickers.
    var modals = ModalStack<CustomersScreen>()
    var lastSearch: String?
    /// Class filter (dimension, class code).
    var classFilter: (dimension: String, code: String, label: String)?
    static let filterDimensions = ["region", "channel", "customer_class", "payment_risk", "rfm_segment"]

    var isTyping: Bool { table.isEditingFilter }

    mutating func refresh(context: AppContext) {
        let sortColumn = table.sortColumn.flatMap { CustomerSort.Column(rawValue: $0) } ?? .code
        let conditions = classFilter.map { [ClassCondition(dimension: $0.dimension, codes: [$0.code])] } ?? []
        source = CustomerSource(context: context, search: table.filter.text, classes: conditions,
                                sort: CustomerSort(sortColumn, ascending: table.isSortAscending))
        lastSearch = table.filter.text
        modals.update(CustomerDetail.self) { $0.reload(context: context) }
        modals.update(AllocationView.self) { $0.reload(context: context) }
    }

    /// Shows the customer `code` (closing whatever was open on this screen).
    mutating func openDetail(code: String, context: AppContext) {
        modals = ModalStack()
        if let detail = CustomerDetail(code: code, context: context) { modals.push(detail) }
    }

    /// The selected row's customer.
    func selectedCustomer(context: AppContext) -> Customer? {
        guard let row = source?.customers(in: table.selectedRow..<(table.selectedRow + 1)).first else { return nil }
        return context.read { try context.store.customer(code: row.code) }
    }

    mutating func handle(_ event: Event, context: AppContext) -> ScreenOutcome {
        if let outcome = dispatch(event, context: context) { return outcome }
        let s = context.strings
        let view = TableView(columns: CustomerSource.columns(s))
        switch view.handle(event, state: &table, rowCount: source?.rowCount ?? 0, pageSize: 15) {
        case .filterChanged, .sortChanged:
            table.selectedRow = 0
            table.topRow = 0
            refresh(context: context)
        case .activated(let row):
            if let code = source?.customers(in: row..<(row + 1)).first?.code {
                openDetail(code: code, context: context)
            }
        default: break
        }
        return .none
    }

    /// The class filter pickers: first the dimension, then a class of it (provinces and top classes with their
    /// children).
    mutating func askClassFilter(_ s: Strings) {
        let options = [s.t("(no class filter)", "（不按分类筛选）")]
            + CustomersScreen.filterDimensions.map { s.dimensionName($0) }
        modals.push(DialogModal(Dialog(title: s.t("Filter by class", "按分类筛选"), message: s.dimension,
                                       kind: .picker(options))) {
            outcome, screen, context in
            if case .picked(let index) = outcome { screen.pickDimension(index, context: context) }
            return .none
        })
    }

    mutating func pickDimension(_ index: Int, context: AppContext) {
        let s = context.strings
        guard index > 0 else { classFilter = nil; refresh(context: context); return }
        let dim = CustomersScreen.filterDimensions[index - 1]
        let nodes = (context.read { try context.store.classNodes(dimension: dim) } ?? []).filter { node in
            dim != "region" || node.code.filter({ $0 == "-" }).count <= 1
        }
        var codes = nodes.map(\.code)
        if codes.isEmpty, let values = context.read({
            try context.store.customerList(filter: ClassFilter(), asOf: context.today, sort: CustomerSort(),
                                           page: PageRequest(limit: 2000))
        }) {
            let raw = values.map {
                dim == "channel" ? $0.channel : (dim == "customer_class" ? $0.customerClass : $0.region)
            }
            codes = Array(Set(raw.filter { !$0.isEmpty })).sorted()
        }
        let picker = Dialog(title: s.dimensionName(dim), message: s.t("Class (with its sub-classes)", "分类（含下级）"),
                            kind: .picker(codes.map { "\($0)  \(context.className(dim, $0))" }))
        modals.push(DialogModal(picker) { outcome, screen, context in
            guard case .picked(let index) = outcome, codes.indices.contains(index) else { return .none }
            screen.classFilter = (dim, codes[index], context.className(dim, codes[index]))
            screen.table.selectedRow = 0
            screen.table.topRow = 0
            screen.refresh(context: context)
            return .none
        })
    }

    func keyTable(_ s: Strings) -> KeyTable<CustomersScreen, ScreenOutcome> {
        let hasRows: (CustomersScreen) -> Bool = { ($0.source?.rowCount ?? 0) > 0 }
        return KeyTable([
            .move(s, when: hasRows),
            KeyCommand(.enter, s.open, when: hasRows),
            KeyCommand(.char("/"), s.search),
            KeyCommand(.char("f"), s.t("Class filter", "分类筛选")) { screen, _ in screen.askClassFilter(s); return .none },
            KeyCommand([.char("s"), .char("S")], s.t("Sort", "排序"),
                       help: s.t("s: next column, S: reverse", "s：下一列，S：反向")),
            KeyCommand(.char("a"), s.addCustomer) { screen, context in
                screen.modals.push(CustomerForm(editing: nil, context: context))
                return .none
            },
            KeyCommand(.char("e"), s.editCustomer, when: hasRows) { screen, context in
                if let customer = screen.selectedCustomer(context: context) {
                    screen.modals.push(CustomerForm(editing: customer, context: context))
                }
                return .none
            },
        ])
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        let s = context.strings
        if !modals.coversOwner, let source {
            var heading = "\(s.screenCustomers): \(source.countText)"
            if let classFilter {
                heading += "   \(s.dimensionName(classFilter.dimension)) = \(classFilter.code) "
                    + "\(classFilter.label)  [f]"
            }
            buffer.setFitted(heading, x: area.x + 1, y: area.y, width: area.width - 2, style: Style(.accent, [.bold]))
            var state = table
            var view = s.localize(TableView(columns: CustomerSource.columns(s, width: area.width)))
            view.alwaysShowsFilter = true
            view.render(into: &buffer,
                        in: Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 1)),
                        source: source, state: &state)
        }
        if !modals.isEmpty { return modals.render(into: &buffer, in: area, context: context, unicode: unicode) }
        if table.isEditingFilter {
            return Point(x: area.x + 1 + DisplayWidth.of("/ ") + DisplayWidth.of(table.filter.text), y: area.maxY - 1)
        }
        return nil
    }
}
