import LedgerCore
import TerminalUI

/// F8's salespeople panel (业务员): every salesperson (code, name, region), searched with `/` by code, name, pinyin
/// or initials as F3's salesperson field finds them (`SearchMatch.ranked`); `a` adds, Enter or `e` edits name and
/// region (`SalespersonForm`: the CLI's `salesperson add|edit` commands, audited).
struct SalespeoplePanel {
    var table = TableState()
    /// Every salesperson, by code (the store's order).
    var people: [Salesperson] = []

    /// The salespeople the filter matches, best match first.
    var shown: [Salesperson] {
        SearchMatch.ranked(people, table.filter.text, code: \.code, name: \.name, extra: { [$0.region] })
    }

    var selected: Salesperson? {
        let rows = shown
        return rows.indices.contains(table.selectedRow) ? rows[table.selectedRow] : nil
    }

    mutating func refresh(context: AppContext) {
        people = context.read { try context.store.salespeople() } ?? []
        table.selectedRow = min(table.selectedRow, max(0, shown.count - 1))
    }

    /// Code as wide as the widest code; name and region share the rest (a name keeps more).
    static func columns(_ s: Strings) -> [TableColumn] {
        [TableColumn(s.code, width: .fixed(DisplayWidth.of(s.code)), fitsContent: true),
         TableColumn(s.t("Name", "姓名"), width: .flexible(weight: 2, minimum: 12)),
         TableColumn(s.region, width: .flexible(weight: 1, minimum: 8))]
    }

    /// Gives `event` to the table (moves, the filter); true when Enter opened a row.
    mutating func handle(_ event: Event, s: Strings) -> Bool {
        var view = TableView(columns: Self.columns(s))
        view.isSortable = false
        switch view.handle(event, state: &table, rowCount: shown.count, pageSize: 15) {
        case .filterChanged:
            table.selectedRow = 0
            table.topRow = 0
        case .activated: return true
        default: break
        }
        return false
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext) {
        let s = context.strings
        var state = table
        var view = s.localize(TableView(columns: Self.columns(s)))
        view.alwaysShowsFilter = true
        view.emptyText = people.isEmpty ? s.t("No salespeople yet: a adds one", "还没有业务员：按 a 新增")
                                        : view.emptyText
        view.render(into: &buffer, in: area,
                    // The region's name, as the customers screen shows it (s35-fix: the code, CN-33).
                    source: ArrayTableDataSource(rows: shown.map {
                        [$0.code, $0.name, context.className("region", $0.region)]
                    }), state: &state)
    }
}
