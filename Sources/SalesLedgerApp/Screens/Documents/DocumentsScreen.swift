import LedgerCore
import LedgerReports
import TerminalUI

/// Documents (单据): every invoice, credit note and draft, newest first. `/` searches number, customer (code,
/// name, pinyin, initials) and external reference; `f` cycles the status (draft, posted, void, disputed, paid,
/// open, overdue), `p` the period (all, 本月, 上月, 本季, 本年, 近12个月). Enter opens a document (see
/// `DocumentView`: lines, allocations, credit notes, contacts; void, credit by line, dispute, copy, log contact).
struct DocumentsScreen: KeyedScreen {
    var table = TableState()
    var rows: [InvoiceListRow] = []
    var count = 0
    var statusIndex = 0
    /// 0 = all dates, else index + 1 into `ReportPeriod.standard`.
    var periodIndex = 0
    /// Whether rows come before the loaded ones (after End: the rows are the list's last pages).
    var hasRowsBefore = false
    /// The document opened (Enter) and its prompts and forms.
    var modals = ModalStack<DocumentsScreen>()

    var isTyping: Bool { table.isEditingFilter }

    func search(context: AppContext) -> DocumentSearch {
        var search = DocumentSearch(text: table.filter.text.isEmpty ? nil : table.filter.text,
                                    status: DocumentSearch.Status.allCases[statusIndex], asOf: context.today)
        let periods = ReportPeriod.standard(today: context.today)
        if periodIndex > 0, periods.indices.contains(periodIndex - 1) {
            search.from = periods[periodIndex - 1].from
            search.to = periods[periodIndex - 1].to
        }
        // Everything as of the app's today (a pinned `--today` included): no document dated after it; status and
        // open amounts are read as of it by the store.
        search.to = min(search.to ?? context.today, context.today)
        return search
    }

    mutating func refresh(context: AppContext) {
        if hasRowsBefore {   // the list's end is shown (End): read it again there
            let selected = table.selectedRow, fromEnd = rows.count - selected
            _ = jumpToEnd(context: context)
            table.selectedRow = max(0, rows.count - fromEnd)
            modals.update(DocumentView.self) { $0.reload(context: context) }
            return
        }
        let selected = table.selectedRow
        (rows, count) = firstPage(context: context) ?? ([], 0)
        table.selectedRow = selected
        while rows.count <= selected, rows.count < count {   // keep a selection beyond the first page
            let before = rows.count
            loadMoreIfNeeded(context: context, margin: 0)
            if rows.count == before { break }
        }
        table.selectedRow = min(selected, max(0, rows.count - 1))
        modals.update(DocumentView.self) { $0.reload(context: context) }
    }

    mutating func open(id: Int64, context: AppContext) {
        modals = ModalStack()
        modals.push(DocumentView(id: id, context: context))
    }

    mutating func handle(_ event: Event, context: AppContext) -> ScreenOutcome {
        let s = context.strings
        if let outcome = dispatch(event, context: context) { return outcome }
        if !table.isEditingFilter, case .key(let key) = event {
            if key == .end, !countIsExact || hasRowsBefore, jumpToEnd(context: context) { return .none }
            if key == .home, hasRowsBefore {
                hasRowsBefore = false
                table.selectedRow = 0
                table.topRow = 0
                refresh(context: context)
                return .none
            }
        }
        defer {   // issue 10: the next (previous) page by keyset near the loaded end (start)
            loadMoreIfNeeded(context: context)
            loadEarlierIfNeeded(context: context)
        }
        var view = TableView(columns: DocumentsScreen.columns(s))
        view.isSortable = false
        switch view.handle(event, state: &table, rowCount: rows.count, pageSize: 15) {
        case .filterChanged:
            table.selectedRow = 0
            table.topRow = 0
            hasRowsBefore = false
            refresh(context: context)
        case .activated(let index):
            if rows.indices.contains(index) { open(id: rows[index].id, context: context) }
        default: break
        }
        return .none
    }

    /// The columns at `width`: below 100 cells the due date (the least important) is dropped and the customer shows
    /// its name alone (the code is still searched by `/`) in at least 12 cells; then the total hides (announced)
    /// before the open amount. Both widths show the open amount before the total (tryout s30: the order differed).
    static func columns(_ s: Strings, width: Int) -> [TableColumn] {
        guard width < 100 else { return columns(s) }
        return [TableColumn(s.number, width: .fixed(16)),
                TableColumn(s.t("Status", "状态"), width: .fixed(statusWidth(s))),
                TableColumn(s.date, width: .fixed(10)),
                TableColumn(s.customer, width: .flexible(weight: 3, minimum: 12)),
                figure(s.openAmount), figure(s.total)]
    }

    /// An amount column: as wide as its title, widened by the table to the widest figure on the page (tryout s18:
    /// 13 cells for 8-cell figures cut the customer's name to 10 cells at 80 columns).
    static func figure(_ title: String) -> TableColumn {
        TableColumn(title, width: .fixed(max(8, DisplayWidth.of(title))), alignment: .right)
    }

    static func columns(_ s: Strings) -> [TableColumn] {
        [TableColumn(s.number, width: .fixed(16)),
         TableColumn(s.t("Status", "状态"), width: .fixed(statusWidth(s))),
         TableColumn(s.date, width: .fixed(10)), TableColumn(s.dueDate, width: .fixed(10)),
         TableColumn(s.customer, width: .flexible(weight: 3, minimum: 12)),
         figure(s.openAmount), figure(s.total)]
    }

    /// The status column's width: the widest status a row can show in the language (`红字 已核销`: 11 cells).
    static func statusWidth(_ s: Strings) -> Int {
        let kinds: [DocumentKind] = [.invoice, .creditNote]
        let statuses: [DocumentStatus] = [.draft, .posted, .void]
        let texts = kinds.flatMap { kind in statuses.flatMap { status in [Int64(0), 1].flatMap { open in
            [CivilDate(iso: "2000-01-01")!, CivilDate(iso: "2100-01-01")!].flatMap { due in
                [Int64(0), 1].map { credited in
                    rowStatus(InvoiceListRow(id: 0, number: "", kind: kind, status: status, date: due, dueDate: due,
                                             customerCode: "", customerName: "",
                                             total: Money(minorUnits: 1, currency: .cny), open: open,
                                             credited: credited),
                              today: CivilDate(iso: "2050-01-01")!, s)
                }
            }
        } } }
        return max(DisplayWidth.of(s.t("Status", "状态")), texts.map(DisplayWidth.of).max() ?? 10)
    }

    static func statusName(_ status: DocumentSearch.Status, _ s: Strings) -> String {
        switch status {
        case .all: return s.t("all", "全部")
        case .draft: return s.t("draft", "草稿")
        case .posted: return s.t("posted", "已过账")
        case .void: return s.t("void", "已作废")
        case .disputed: return s.t("disputed", "有争议")
        case .paid: return s.settlementName(.paid)
        case .credited: return s.settlementName(.credited)
        case .open: return s.settlementName(.open)
        case .overdue: return s.settlementName(.overdue)
        }
    }

    static func rowStatus(_ row: InvoiceListRow, today: CivilDate, _ s: Strings) -> String {
        let kind = row.kind == .creditNote ? s.t("CN ", "红字 ") : ""
        switch row.status {
        case .draft: return kind + statusName(.draft, s)
        case .void: return kind + statusName(.void, s)
        case .posted:
            if row.kind == .creditNote {
                return kind + (row.open > 0 ? s.t("open", "未核销") : s.t("applied", "已核销"))
            }
            return row.settlement(asOf: today).map(s.settlementName) ?? statusName(.posted, s)
        }
    }

    func keyTable(_ s: Strings) -> KeyTable<DocumentsScreen, ScreenOutcome> {
        KeyTable([
            .move(s, when: { !$0.rows.isEmpty }),
            KeyCommand(.enter, s.open, when: { !$0.rows.isEmpty }),
            KeyCommand(.char("/"), s.search),
            KeyCommand(.char("f"), s.t("Status filter", "状态筛选")) { screen, context in
                screen.statusIndex = (screen.statusIndex + 1) % DocumentSearch.Status.allCases.count
                screen.table.selectedRow = 0
                screen.hasRowsBefore = false
                screen.refresh(context: context)
                return .none
            },
            KeyCommand(.char("p"), s.period) { screen, context in
                screen.periodIndex = (screen.periodIndex + 1) % (ReportPeriod.standard(today: context.today).count + 1)
                screen.table.selectedRow = 0
                screen.hasRowsBefore = false
                screen.refresh(context: context)
                return .none
            },
        ])
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        let s = context.strings
        if modals.coversOwner { return modals.render(into: &buffer, in: area, context: context, unicode: unicode) }
        let periods = ReportPeriod.standard(today: context.today)
        let period = periodIndex == 0 || !periods.indices.contains(periodIndex - 1)
            ? s.t("all dates", "全部日期") : periods[periodIndex - 1].name(chinese: s.zh)
        let shown = countIsExact ? "\(count)" : "\(rows.count)+"   // no COUNT(*): a lower bound until the end
        let status = DocumentsScreen.statusName(DocumentSearch.Status.allCases[statusIndex], s)
        let heading = "\(s.screenDocuments): \(shown)   [f] \(status)"
            + "   [p] \(period)"
        buffer.setFitted(heading, x: area.x + 1, y: area.y, width: area.width - 2, style: Style(.accent, [.bold]))
        let cells = DocumentRowsSource(rows: rows, context: context, narrow: area.width < 100)
        var state = table
        var tableView = s.localize(TableView(columns: DocumentsScreen.columns(s, width: area.width)))
        tableView.alwaysShowsFilter = true
        tableView.render(into: &buffer,
                         in: Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 1)),
                         source: cells, state: &state)
        if table.isEditingFilter {
            return Point(x: area.x + 1 + DisplayWidth.of("/ ") + DisplayWidth.of(table.filter.text), y: area.maxY - 1)
        }
        return nil
    }
}
