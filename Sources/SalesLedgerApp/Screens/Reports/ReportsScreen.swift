import Foundation
import LedgerCore
import LedgerInterop
import LedgerReports
import TerminalUI

/// Reports (报表): sales by period or dimension with totals, aging by customer, salesperson, region, channel or
/// customer class, the pivot, fapiao, commission, collections and payment days — each the report layer's table
/// (`Reports`), the CLI's figures; `x` exports the shown report to CSV (the same rows, plain numbers).
struct ReportsScreen: KeyedScreen {
    enum Kind: Int, CaseIterable { case sales, aging, pivot, fapiao, commission, collections, paymentDays }
    var kind = Kind.sales
    var dimensionIndex = 0
    var periodIndex = 0
    static let dimensions: [SalesDimension] = [.month, .quarter, .year, .customer, .region, .channel, .salesperson,
                                               .product, .category]
    /// The aging tab's groupings (`d`): `report aging --by …`, and `--by-class customer_class` last.
    static let agingGroupings = ["customer", "salesperson", "region", "channel", "customer_class"]
    var agingIndex = 0
    var header: [String] = []
    var rows: [[String]] = [] { didSet { cellWidths = ReportsScreen.cellWidths(rows) } }
    /// The widest drawn cell of each column (numbers grouped), measured once per refresh: the aging by customer
    /// (10k customers at 1M invoices) re-measured its ~90k cells on every frame, i.e. every 100 ms tick.
    private(set) var cellWidths: [Int] = []
    var numericColumns: Set<Int> = []
    /// The shown report as the report layer's table (sales), the CLI's figures and total rule; nil for the others.
    var reportTable: ReportTable?
    /// The aging by customer is read a window at a time (its rows, then its TOTAL rows, in `rows`) unless filtered;
    /// nil for every other report.
    var window: ReportWindow?
    /// Rows of a window; it is read again when the selection comes within 30 % of it of its edge.
    var windowSize = 200
    var table = TableState()
    var pivot = PivotView()
    /// Which fapiao report (`FapiaoReportView`).
    var fapiaoIndex = 0
    /// The commission month: this month, or this many months back (`CommissionReportView`).
    var commissionMonthsBack = 0

    /// The pivot's drill-down.
    var modals = ModalStack<ReportsScreen>()
    /// The table's width when last drawn: → scrolls the columns no further than that width needs.
    let drawn = DrawnWidth()

    var isTyping: Bool { table.isEditingFilter }

    /// The period `p` picks: first the reports' one default (`ReportDefaults`, the CLI's: the year to today), then
    /// the last 12 months, then every date up to today (never a document dated after today, s34-fix3).
    func period(today: CivilDate) -> (CivilDate?, CivilDate?, String, String) {
        switch periodIndex {
        case 0:
            let (from, to) = ReportDefaults.period(today: today)
            return (from, to, "this year", "本年")
        case 1: return (today.startOfMonth.adding(months: -11), today, "last 12 months", "近12个月")
        default: return (nil, today, "all dates", "全部")
        }
    }

    mutating func refresh(context: AppContext) {
        let s = context.strings
        let today = context.today
        let previous = window
        window = nil
        switch kind {
        case .sales:
            let dimension = ReportsScreen.dimensions[dimensionIndex]
            let (from, to, _, _) = period(today: today)
            let table = context.read {
                try ReportNames.apply(Reports(store: context.store).sales(by: dimension, from: from, to: to),
                                      store: context.store, chinese: s.zh)
            } ?? SalesTable.make([], by: dimension)
            reportTable = table
            let names: [String: (String) -> String] = [dimension.rawValue: { $0 == "TOTAL" ? s.t("TOTAL", "合计") : $0 }]
            let view = ReportTableView(table: table, textNames: names,
                                       hidden: [.month, .quarter, .year].contains(dimension) ? ["label"] : [])
            header = view.titles(chinese: s.zh)
            header[0] = s.dimensionName(dimension.rawValue)
            numericColumns = Set(view.visible.indices.filter { table.columns[view.visible[$0]].kind != .text })
            rows = view.rows()
        case .pivot:
            let (from, to, _, _) = period(today: today)
            pivot.refresh(context: context, from: from, to: to)
            reportTable = pivot.report
            (header, rows) = pivot.grid(context: context)
            numericColumns = Set(1..<max(1, header.count))
        case .fapiao:
            let (from, to, _, _) = period(today: today)
            let kind = FapiaoTables.kinds[fapiaoIndex]
            // The page around the selection with the whole report's TOTAL rows (`report fapiao`'s query); a filter
            // searches every row, or the first rows of to-issue (a row per sale).
            let paged = table.filter.text.isEmpty, size = windowSize
            let page = paged
                ? PageRequest(offset: ReportWindow.start(for: table.selectedRow,
                                                         rowCount: previous?.rowCount ?? .max / 2, size: size),
                              limit: size)
                : kind == "to-issue" ? PageRequest(offset: 0, limit: FapiaoTables.toIssueShown) : .all
            var read: ReportWindow?
            let shown = context.read { () throws -> ReportTable in
                let (table, count) = try Reports(store: context.store).fapiaoPage(kind, asOf: today, from: from,
                                                                                  to: to, page: page)
                if paged {
                    read = ReportWindow(start: page.offset, rowCount: count, loaded: table.rows.count,
                                        margin: size * 3 / 10)
                }
                return table
            }
            show(shown ?? ReportTable(name: "fapiao-\(kind)", columns: [ReportColumn("customer", .text)]), s)
            window = read
        case .commission:
            let first = CommissionReportView.month(commissionMonthsBack, today: today)
            show(context.read { try Reports(store: context.store).commission(month: first) }
                 ?? ReportTable(name: "commission", columns: CommissionTable.columns), s,
                 names: ["basis": { CommissionTable.columns[2].shown($0, chinese: s.zh) },
                         "name": { CommissionTable.columns[1].shown($0, chinese: s.zh) }])
        case .aging:
            let key = ReportsScreen.agingGroupings[agingIndex]
            let reports = Reports(store: context.store)
            if let grouping = AgingGrouping(rawValue: key) {
                // By customer (10k rows at 1M invoices) the page around the selection, with the whole report's
                // TOTAL rows; a filter searches every row, so it reads them all.
                let paged = grouping == .customer && table.filter.text.isEmpty, size = windowSize
                let start = ReportWindow.start(for: table.selectedRow, rowCount: previous?.rowCount ?? .max / 2,
                                               size: size)
                var read: ReportWindow?
                let grouped = context.read { () throws -> ReportTable in
                    let aging = try reports.aging(asOf: today, by: grouping,
                                                  page: paged ? PageRequest(offset: start, limit: size) : nil)
                    if paged {
                        read = ReportWindow(start: start, rowCount: aging.rowCount,
                                            loaded: aging.reports.reduce(0) { $0 + $1.groups.count },
                                            margin: size * 3 / 10)
                    }
                    return try ReportNames.apply(AgingTable.grouped(aging, by: grouping), store: context.store,
                                                 chinese: s.zh)
                }
                show(grouped ?? AgingTable.grouped([], by: grouping), s)
                window = read
            } else {
                show(context.read { try reports.aging(asOf: today, byClass: key) } ?? nil
                     ?? ReportTable(name: "aging-by-class", columns: [ReportColumn(key, .text)]), s)
            }
        case .collections:
            let (from, to, _, _) = period(today: today)
            show(context.read { try Reports(store: context.store).collections(from: from, to: to ?? today) }
                 ?? ReportTable(name: "collections", columns: [ReportColumn("month", .text)]), s)
        case .paymentDays:
            let asOf = ReportDefaults.paymentDaysAsOf(today: today)
            show(context.read { try Reports(store: context.store).paymentDays(asOf: asOf) }
                 ?? PaymentDaysTable.make([]), s)
        }
    }

    /// Shows a report table as it is: its titles in the UI language, its rows then its total rows.
    mutating func show(_ table: ReportTable, _ s: Strings, names: [String: (String) -> String] = [:]) {
        reportTable = table
        let key = table.columns[0]
        let total = [key.key: { $0 == "TOTAL" ? s.t("TOTAL", "合计") : key.shown($0, chinese: s.zh) }]
        let view = ReportTableView(table: table, textNames: names.merging(total) { a, _ in a })
        header = view.titles(chinese: s.zh)
        numericColumns = Set(table.columns.indices.filter { table.columns[$0].kind != .text })
        rows = view.rows()
    }

    mutating func handle(_ event: Event, context: AppContext) -> ScreenOutcome {
        if let outcome = dispatch(event, context: context) { return outcome }
        if kind == .pivot {
            if case .key(let key) = event { pivot.move(key) }
            return .none
        }
        let view = tableView(context.strings)
        _ = view.handle(event, state: &table, rowCount: window?.source(rows).rowCount ?? rows.count, pageSize: 15)
        // The aging by customer and the fapiao reports: the window around the selection, or every row while
        // filtered.
        if kind == .fapiao || kind == .aging && ReportsScreen.agingGroupings[agingIndex] == "customer",
           table.filter.text.isEmpty != (window != nil) || window?.covers(table.selectedRow) == false {
            refresh(context: context)
        }
        if case .key(.right) = event {
            table.firstColumn = min(table.firstColumn, view.scrollLimit(width: drawn.width))
        }
        return .none
    }

    /// Shows the next (`step` 1) or previous (-1) report; a message about the last one (an export) is cleared.
    mutating func switchReport(_ step: Int, context: AppContext) -> ScreenOutcome {
        let count = Kind.allCases.count
        kind = Kind(rawValue: (kind.rawValue + count + step) % count) ?? .sales
        _ = requery(context: context)
        return .message("")
    }

    /// Re-reads the shown report from its first row.
    mutating func requery(context: AppContext, keepsRow: Bool = false) -> ScreenOutcome {
        if !keepsRow { table = TableState() }
        refresh(context: context)
        return .none
    }

    func keyTable(_ s: Strings) -> KeyTable<ReportsScreen, ScreenOutcome> {
        typealias Command = KeyCommand<ReportsScreen, ScreenOutcome>
        var keys = [
            Command(.tab, s.t("Next report", "下一报表")) { screen, context in screen.switchReport(1, context: context) },
            Command(.backTab, s.t("Previous report", "上一报表"), hint: false) { screen, context in
                screen.switchReport(-1, context: context)
            },
        ]
        let period = Command(.char("p"), s.period) { screen, context in
            screen.periodIndex = (screen.periodIndex + 1) % 3
            return screen.requery(context: context, keepsRow: true)
        }
        switch kind {
        case .pivot:
            keys += [
                Command([.up, .down, .left, .right], s.t("Cell", "单元格")),
                Command([.pageUp, .pageDown, .home, .end], s.t("Page", "翻页"), hint: false),
                Command(.enter, s.t("Invoices behind", "明细")) { screen, context in
                    if let drill = screen.pivot.drillDown(context: context) { screen.modals.push(drill) }
                    return .none
                },
                Command(.char("d"), s.t("Rows", "行维度")) { screen, context in
                    screen.pivot.rowIndex = (screen.pivot.rowIndex + 1) % PivotView.rowDimensions.count
                    screen.pivot.state = TableState()
                    return screen.requery(context: context, keepsRow: true)
                },
                Command(.char("c"), s.t("Columns", "列期间")) { screen, context in
                    screen.pivot.periodIndex = (screen.pivot.periodIndex + 1) % PivotView.periods.count
                    screen.pivot.selectedColumn = 0
                    return screen.requery(context: context, keepsRow: true)
                },
                Command(.char("m"), s.t("Measure", "指标")) { screen, context in
                    screen.pivot.measureIndex = (screen.pivot.measureIndex + 1) % PivotView.measures.count
                    return screen.requery(context: context, keepsRow: true)
                },
                period,
            ]
        case .sales:
            keys += [Command(.char("d"), s.dimension) { screen, context in
                screen.dimensionIndex = (screen.dimensionIndex + 1) % ReportsScreen.dimensions.count
                return screen.requery(context: context)
            }, period]
        case .aging:
            keys.append(Command(.char("d"), s.dimension) { screen, context in
                screen.agingIndex = (screen.agingIndex + 1) % ReportsScreen.agingGroupings.count
                return screen.requery(context: context)
            })
        case .fapiao:
            // The period is that of output VAT; the other fapiao reports are as of today.
            keys += [Command(.char("d"), s.t("Report", "报表")) { screen, context in
                screen.fapiaoIndex = (screen.fapiaoIndex + 1) % FapiaoTables.kinds.count
                return screen.requery(context: context)
            }, period.when { $0.fapiaoIndex == 2 }]
        case .commission:
            keys.append(Command(.char("p"), s.t("Earlier month", "上一月")) { screen, context in
                screen.commissionMonthsBack = (screen.commissionMonthsBack + 1) % 12
                return screen.requery(context: context, keepsRow: true)
            })
        case .collections:
            keys.append(period)
        case .paymentDays:
            break
        }
        keys.append(Command(.char("x"), s.exportCSV) { screen, context in screen.export(context: context) })
        if kind != .pivot {
            keys += [Command(.char("/"), s.search), .move(s, hint: false),
                     // The table scrolls its columns when some are hidden for lack of width ("+N columns").
                     Command([.left, .right], s.t("Scroll columns", "左右滚动列"), hint: false)]
        }
        return KeyTable(keys)
    }

    /// Asks where to write the report (`ExportPrompt`: `salesledger-<report>-<today>.csv` in the output folder
    /// offered), then says so in a dialog naming the full path and the rows written (a long path is wrapped).
    mutating func export(context: AppContext) -> ScreenOutcome {
        let name: String
        switch kind {
        case .sales: name = "sales-by-\(ReportsScreen.dimensions[dimensionIndex].rawValue)"
        case .aging, .collections, .paymentDays, .fapiao: name = reportTable?.name ?? "report"
        case .commission:
            let month = CommissionReportView.month(commissionMonthsBack, today: context.today)
            name = "commission-\(month.year)-\(month.month < 10 ? "0" : "")\(month.month)"
        case .pivot:
            name = "pivot-\(PivotView.rowDimensions[pivot.rowIndex])-by-"
                + "\(PivotView.periods[pivot.periodIndex].rawValue)"
        }
        // A window of the aging by customer or of a fapiao report, or the first rows of to-issue: the file has
        // every row.
        let (from, to, _, _) = period(today: context.today)
        let exported = kind == .fapiao ? context.read {
            try Reports(store: context.store).fapiao(FapiaoTables.kinds[fapiaoIndex], asOf: context.today,
                                                     from: from, to: to)
        } : window != nil ? context.read {
            try AgingTable.grouped(Reports(store: context.store).aging(asOf: context.today, by: .customer),
                                   by: .customer)
        } : reportTable
        let text = exported.map { ReportRenderer.render($0, .csv) } ?? CSVOutput.render(header: header, rows: rows)
        let s = context.strings, count = exported.map { $0.rows.count + $0.totals.count } ?? rows.count
        modals.push(ExportPrompt.modal(text, name: "\(name)-\(context.today).csv", context: context) {
            path, screen, _ in
            let message = s.t("\(counted(count, "row")) written to:", "已写入 \(count) 行，文件：") + "\n" + path
            let dialog = Dialog(title: s.exportCSV, message: message, kind: .message)
            screen.modals.push(DialogModal<ReportsScreen>(dialog) { _, _, _ in .none })
            return .message("\(s.exported) \(path)")
        })
        return .none
    }

    /// `1234567.89` → `1,234,567.89` (display only; exports keep plain numbers).
    static func grouped(_ plain: String) -> String {
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1)
        guard let whole = parts.first, whole.allSatisfy(\.isNumber) else { return plain }
        var out = ""
        for (i, c) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (negative ? "-" : "") + out + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// The report's columns at any width (s32-fixc: a figure never gives way to text): a figure is as wide as its
    /// widest value; a short text column as wide as its widest cell or title, and narrowed to its widest cell (the
    /// title cut) first when the columns do not fit; text columns with no text (`dropRank` 4) are left out while
    /// the name column cannot show its widest name (`wants`); then the report's less important columns (rank 3) are
    /// left out; then names narrow to 10 cells (the report's name column,
    /// `nameColumn`; 6 for the others); then text columns after the first, and the
    /// fapiao's sales count, are left out (rank 2), the rightmost first — before any figure; then the fapiao's
    /// middle days buckets (rank 1), so its total stays.
    func tableView(_ s: Strings) -> TableView {
        var view = s.localize(TableView(columns: header.enumerated().map { i, title in
            if numericColumns.contains(i) {
                return TableColumn(title, width: .fixed(numericWidth(i)), alignment: .right,
                                   dropRank: agingDropsFirst(i) || commissionDropsFirst(i) ? 3
                                       : fapiaoCountDrops(i) ? 2 : fapiaoMiddleBucket(i) ? 1 : 0)
            }
            let cells = max(4, i < cellWidths.count ? cellWidths[i] : 0)
            // A text column with no text in any row (the buyers' taxpayer numbers before they are filled in) shows
            // only its title: it is left out with the less important columns, before a name narrows (s33-fix).
            let blank = !rows.isEmpty && i < cellWidths.count && cellWidths[i] == 0
            // Rank 4: left out before the name column is cut (s34-fix2: at 120 columns three empty fapiao columns
            // kept their titles while the buyer's name was cut).
            let rank = i == 0 ? 0 : blank ? 4 : 2
            let isName = i == nameColumn
            // Short words (a month, a currency, a code) as wide as they are; names share the rest (tryout s15: the
            // month and currency of sales by month spread over ~76 columns each at 200).
            if numericWidth(i) <= 16 && !(isName && cells > 10) {
                return TableColumn(title, width: .fixed(numericWidth(i)), dropRank: rank, narrowest: cells)
            }
            // A name keeps up to 16 cells (8 Chinese characters) while the report's less important columns give
            // way, then narrows to 10.
            let name = min(16, cells)
            var column = TableColumn(title, width: isName ? .flexible(weight: 2, minimum: max(10, name))
                                                          : .flexible(weight: 1, minimum: max(6, name)),
                                     dropRank: rank, narrowest: isName ? 10 : 6)
            if isName { column.wants = cells }
            return column
        }))
        view.isSortable = false   // the rows keep the report's order (its total rows last)
        view.scrollsColumns = true   // ←/→ reach the columns hidden for lack of width
        // "+N columns" at the heading row's right end: every row's cells go to the columns (s34-fix2: the marker
        // kept a blank strip on every row at the header's right end).
        view.marksAbove = true
        return view
    }

    /// The column of a wide report's name (a customer's, a buyer's, a row's label), which keeps 10 cells while
    /// other text columns give way: found by its key, so "To issue"'s buyer (the fourth column) is one too (s33-fix:
    /// at 80 columns in Chinese it narrowed to 6 cells as an ordinary text column while the empty taxpayer number
    /// kept its title); else the second column. Nil for a report of 6 columns or fewer.
    var nameColumn: Int? {
        guard header.count > 6 else { return nil }
        if let columns = reportTable?.columns, columns.count == header.count,
           let i = columns.firstIndex(where: { ["name", "label", "buyer"].contains($0.key) }) {
            return i
        }
        return 1
    }

    /// Whether the fapiao's column `i` is a days bucket between the first and the oldest (31-60, 61-90 days of
    /// "Sold, not invoiced"): at 80 columns with the 100k ledger's 14-cell figures the buckets and the total do not
    /// all fit even without text; these give way (the rightmost first) so the total and the oldest stay.
    func fapiaoMiddleBucket(_ i: Int) -> Bool {
        guard kind == .fapiao, let columns = reportTable?.columns, i < columns.count,
              let first = columns.firstIndex(where: { $0.kind == .money }),
              let last = columns.lastIndex(where: { $0.kind == .money && $0.key != "total" }),
              columns.contains(where: { $0.key == "total" }) else { return false }
        return columns[i].kind == .money && i > first && i < last
    }

    /// Whether the fapiao's column `i` is its sales count, which gives way before the days' amounts and the total
    /// (tryout s32: at 80 columns "Sold, not invoiced" hid its Total while the count stayed).
    func fapiaoCountDrops(_ i: Int) -> Bool {
        guard kind == .fapiao, let columns = reportTable?.columns, i < columns.count else { return false }
        return columns[i].kind == .count
    }

    /// Whether the aging's column `i` is left out first when the columns do not fit (tryout s18: at 80 columns in
    /// Chinese the names kept 6 cells and the 91+, credits and total columns were hidden): the credits and the
    /// buckets between the first (current) and the last (oldest) give way; the total never does.
    func agingDropsFirst(_ i: Int) -> Bool {
        guard kind == .aging, let columns = reportTable?.columns, i < columns.count,
              let last = columns.lastIndex(where: { $0.kind == .money && !["credits", "total"].contains($0.key) })
        else { return false }
        return columns[i].key == "credits" || (i > 2 && i < last)
    }

    /// Whether the commission's column `i` is left out first when the columns do not fit (s32-fix: at 80 columns in
    /// English the `(no salesperson)` name hid the basis amount and the commission): the rule's start date, which
    /// the basis and rate beside it describe well enough; the figures never give way.
    func commissionDropsFirst(_ i: Int) -> Bool {
        guard kind == .commission, let columns = reportTable?.columns, i < columns.count else { return false }
        return columns[i].key == "from"
    }

    /// A column as wide as its widest value (grouped) or title, so no figure is cut: the table hides a column it
    /// cannot show whole and says so.
    func numericWidth(_ i: Int) -> Int {
        max(DisplayWidth.of(header[i]), i < cellWidths.count ? cellWidths[i] : 0, 4)
    }

    /// Per column, the display width of its widest cell as drawn (`grouped` when it has a decimal point).
    static func cellWidths(_ rows: [[String]]) -> [Int] {
        var widths: [Int] = []
        for row in rows {
            for (i, cell) in row.enumerated() {
                if i == widths.count { widths.append(0) }
                widths[i] = max(widths[i], DisplayWidth.of(cell.contains(".") ? grouped(cell) : cell))
            }
        }
        return widths
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        let s = context.strings
        let (_, _, en, zh) = period(today: context.today)
        let title: String
        switch kind {
        case .sales:
            title = "\(s.salesReport): \(s.dimensionName(ReportsScreen.dimensions[dimensionIndex].rawValue)) — "
                + "\(s.t(en, zh))"
        case .aging:
            title = "\(s.aging): \(s.dimensionName(ReportsScreen.agingGroupings[agingIndex])) — "
                + "\(s.asOf) \(context.today)"
        case .collections:
            let (from, to, _, _) = period(today: context.today)
            title = "\(s.collections) — \(from ?? Reports.defaultCollectionsStart(to ?? context.today)) … "
                + "\(to ?? context.today)"
        case .paymentDays: title = "\(s.paymentDays) — \(s.asOf) \(context.today)"
        case .fapiao:
            title = "\(FapiaoReportView.name(fapiaoIndex, s)) — "
                + (fapiaoIndex == 2 ? s.t(en, zh) : "\(s.asOf) \(context.today)") + "  [d]"
        case .commission: title = CommissionReportView.title(commissionMonthsBack, context: context)
        case .pivot:
            title = "\(s.pivotReport): \(pivot.measureName(s)) — "
                + "\(s.dimensionName(PivotView.rowDimensions[pivot.rowIndex])) × "
                + "\(s.dimensionName(PivotView.periods[pivot.periodIndex].rawValue)) — \(s.t(en, zh))"
        }
        var tabs = TabBar(titles: [s.salesReport, s.aging, s.pivotReport, s.t("Fapiao", "发票"), s.t("Commission", "提成"),
                                   s.collections, s.paymentDays], selected: kind.rawValue)
        if TabBar.width(of: tabs.titles) > area.width { tabs.padding = 0 }
        tabs.render(into: &buffer, in: area.row(0))
        buffer.setFitted(title, x: area.x + 1, y: area.y + 1, width: area.width - 2, style: Style(.accent, [.bold]))
        if kind == .pivot {
            pivot.render(into: &buffer,
                         in: Rect(x: area.x, y: area.y + 2, width: area.width, height: max(0, area.height - 2)),
                         context: context)
            return modals.render(into: &buffer, in: area, context: context, unicode: unicode)
        }
        var state = table
        drawn.width = area.width
        // The one search behaviour: key, label (with pinyin) or any cell.
        let filtered = (table.filter.text.isEmpty ? rows : rows.filter { row in
            SearchMatch.matches(table.filter.text, code: row.first ?? "", name: row.count > 1 ? row[1] : "", extra: row)
        })
            .map { row in
                row.enumerated().map { i, cell in
                    numericColumns.contains(i) && cell.contains(".") ? ReportsScreen.grouped(cell) : cell
                }
            }
        tableView(s).render(into: &buffer,
                            in: Rect(x: area.x, y: area.y + 2, width: area.width, height: max(0, area.height - 2)),
                            source: window?.source(filtered) ?? ArrayTableDataSource(rows: filtered), state: &state)
        return modals.isEmpty ? nil : modals.render(into: &buffer, in: area, context: context, unicode: unicode)
    }
}
