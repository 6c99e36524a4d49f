import LedgerCore
import LedgerReports
import TerminalUI

/// Receivables dashboard (应收账款): totals, DSO and the aging buckets as a stacked bar as of a date, then the
/// overdue invoices (most overdue first, or by amount). Actions: record a receipt for the selected invoice,
/// open its customer, change the as-of date.
struct ReceivablesScreen: KeyedScreen {
    var asOf: CivilDate?
    /// The dashboard's figures (`Reports.dashboard`: aging, overdue items, DSO, reminders, one snapshot).
    var dashboard: ReceivablesDashboard?
    var report: AgingReport? { dashboard?.main }
    /// Overdue invoices of the shown currency read so far (keyset pages in the shown order), filtered as shown.
    var overdue: [OpenItem] = []
    var sortByAmount = false
    var table = TableState()
    /// DSO of the shown currency over the 90 days ending the as-of date (the CLI's `report dso` figure).
    var dso: DSOFigure? { report.flatMap { dashboard?.dso($0.currency) } }
    /// Reminders due on the as-of date (回款提醒), filtered as shown.
    var reminders: [ReminderItem] = []
    /// Whether the list shows reminders (else overdue invoices).
    var showsReminders = true
    /// The shown list's rows, formatted once per change of data, order or filter (not per key or frame).
    var shownRows: [[String]] = []
    /// Reminders due today (shown as a badge in the title bar).
    var remindersDue: Int { dashboard?.reminders.count ?? 0 }

    /// The date and file prompts, the receipt and follow-up forms, the review of imported receipts (`i`, or
    /// `import receipts` on a terminal).
    var modals = ModalStack<ReceivablesScreen>()
    /// The review of imported receipts, when open.
    var review: ReceiptReviewView? { modals.first(ReceiptReviewView.self) }
    /// How the last review ended: its summary when written, nil when cancelled; unset while none ended.
    var reviewEnded: String??

    var isTyping: Bool { table.isEditingFilter }

    mutating func refresh(context: AppContext) {
        let date = asOf ?? context.today
        dashboard = context.read { try Reports(store: context.store).dashboard(asOf: date) }
        arrange(context: context)
    }

    /// The overdue invoices of the shown currency (the list's length; `overdue` holds the pages read so far).
    var overdueTotal: Int { report.flatMap { dashboard?.overdueCounts[$0.currency] } ?? 0 }
    /// Whether more pages of the overdue list can be read (none while filtering: the filter reads every page).
    var hasMoreOverdue: Bool { table.filter.text.isEmpty && overdue.count < overdueTotal }

    /// Orders and filters the dashboard's lists and formats the shown rows. The overdue list is read a keyset page
    /// at a time in its order (`Reports.overdueItems`, issue 10): the dashboard's first page by due date, one
    /// page by amount after `s`, every page while a filter is typed (the filter searches the whole list).
    mutating func arrange(context: AppContext) {
        overdue = []
        if let dashboard, let currency = report?.currency {
            let date = dashboard.asOf
            let reports = Reports(store: context.store)
            let order: OverdueOrder = sortByAmount ? .amount : .dueDate
            if !table.filter.text.isEmpty {
                overdue = context.read {
                    try reports.overdueItems(asOf: date, currency: currency, order: order, after: nil,
                                             limit: Int(Int32.max))
                } ?? []
            } else if sortByAmount {
                overdue = context.read {
                    try reports.overdueItems(asOf: date, currency: currency, order: order, after: nil)
                } ?? []
            } else {
                overdue = dashboard.overdue
            }
        }
        reminders = dashboard?.reminders ?? []
        if !table.filter.text.isEmpty {
            // The one search behaviour (code, name, pinyin of any reading, initials), on the list shown.
            let needle = table.filter.text
            overdue = overdue.filter {
                SearchMatch.matches(needle, code: $0.customerCode, name: $0.customerName,
                                    extra: [$0.number, $0.salesperson, $0.region])
            }
            reminders = reminders.filter {
                SearchMatch.matches(needle, code: $0.customerCode, name: $0.customerName, extra: [$0.invoiceNumber])
            }
        }
        shownRows = rows(context: context)
    }

    /// Reads the next page of the overdue list when the selection nears the end of the rows read so far.
    mutating func loadMoreIfNeeded(context: AppContext) {
        guard !showsReminders, hasMoreOverdue, table.selectedRow >= overdue.count - 20,
              let date = dashboard?.asOf, let currency = report?.currency else { return }
        let last = overdue.last, order: OverdueOrder = sortByAmount ? .amount : .dueDate
        let page = context.read {
            try Reports(store: context.store).overdueItems(asOf: date, currency: currency, order: order, after: last)
        } ?? []
        overdue += page
        shownRows += page.map { overdueRow($0, date: date, context: context) }
    }

    /// The list in the UI language (filter label, "no rows").
    func tableView(_ s: Strings) -> TableView { s.localize(rawTableView(s)) }

    func rawTableView(_ s: Strings) -> TableView {
        if showsReminders {
            return TableView(columns: [
                TableColumn(s.number, width: .fixed(15)),
                TableColumn(s.customer, width: .flexible(weight: 3, minimum: 12)),
                TableColumn(s.openAmount, width: .fixed(13), alignment: .right),
                TableColumn(s.daysOverdue, width: .fixed(6), alignment: .right),
                TableColumn(s.level, width: .flexible(weight: 1, minimum: 8)),
                TableColumn(s.lastContact, width: .fixed(10)),
            ])
        }
        return TableView(columns: [
            TableColumn(s.number, width: .fixed(15)),
            TableColumn(s.customer, width: .flexible(weight: 3, minimum: 12)),
            TableColumn(s.dueDate, width: .fixed(10)),
            TableColumn(s.daysOverdue, width: .fixed(8), alignment: .right),
            TableColumn(s.openAmount, width: .fixed(14), alignment: .right),
            TableColumn(s.salesperson, width: .flexible(weight: 1, minimum: 6)),
            TableColumn(s.region, width: .flexible(weight: 1, minimum: 6)),
        ])
    }

    func rows(context: AppContext) -> [[String]] {
        let date = asOf ?? context.today
        if showsReminders {
            return reminders.map { r in
                [r.invoiceNumber, r.customerName, context.money(r.open, r.currency), String(r.daysOverdue),
                 r.level.displayName(chinese: context.strings.zh) + (r.brokenPromises > 0 ? " !" : ""),
                 r.lastContact?.description ?? ""]
            }
        }
        return overdue.map { overdueRow($0, date: date, context: context) }
    }

    func overdueRow(_ item: OpenItem, date: CivilDate, context: AppContext) -> [String] {
        [item.number, item.customerName + (item.isDisputed ? " ⚑" : ""), item.dueDate.description,
         String(item.dueDate.days(to: date)), context.money(item.open, item.currency), item.salesperson,
         context.className("region", item.region)]
    }

    mutating func handle(_ event: Event, context: AppContext) -> ScreenOutcome {
        let outcome = handleList(event, context: context)
        loadMoreIfNeeded(context: context)
        return outcome
    }

    mutating func handleList(_ event: Event, context: AppContext) -> ScreenOutcome {
        if let outcome = dispatch(event, context: context) { return outcome }
        let s = context.strings
        var view = tableView(s)
        view.isSortable = false
        switch view.handle(event, state: &table, rowCount: showsReminders ? reminders.count : overdue.count, pageSize: 10) {
        case .filterChanged:
            arrange(context: context)
            table.selectedRow = 0
            table.topRow = 0
        case .activated:
            if let row = selectedRow { return .openCustomer(row.customerCode) }
        default: break
        }
        return .none
    }

    /// The selected row of the shown list: customer, invoice, open amount.
    var selectedRow: (customerCode: String, customerName: String, number: String, open: Int64, currency: Currency)? {
        if showsReminders {
            guard reminders.indices.contains(table.selectedRow) else { return nil }
            let r = reminders[table.selectedRow]
            return (r.customerCode, r.customerName, r.invoiceNumber, r.open, r.currency)
        }
        guard overdue.indices.contains(table.selectedRow) else { return nil }
        let o = overdue[table.selectedRow]
        return (o.customerCode, o.customerName, o.number, o.open, o.currency)
    }

    func keyTable(_ s: Strings) -> KeyTable<ReceivablesScreen, ScreenOutcome> {
        typealias Command = KeyCommand<ReceivablesScreen, ScreenOutcome>
        let hasRow: (ReceivablesScreen) -> Bool = { $0.selectedRow != nil }
        func followUp(_ kind: FollowUpEntry.Kind) -> (inout ReceivablesScreen, AppContext) -> ScreenOutcome {
            { screen, context in
                // Both lists: the selected invoice of a reminder or of the overdue list.
                guard let row = screen.selectedRow else { return .none }
                let target = FollowUpTarget(customerCode: row.customerCode, customerName: row.customerName, invoiceNumber: row.number)
                screen.modals.push(EntryModal<ReceivablesScreen, FollowUpEntry>(
                    entry: FollowUpEntry(kind: kind, target: target, context: context)) { screen, context in
                    screen.refresh(context: context)
                })
                return .none
            }
        }
        return KeyTable([
            Command(.char("r"), s.recordReceipt, when: hasRow) { screen, context in
                guard let row = screen.selectedRow else { return .none }
                screen.modals.push(EntryModal<ReceivablesScreen, ReceiptEntry>(entry: ReceiptEntry(
                    customerCode: row.customerCode, customerName: row.customerName, invoiceNumber: row.number,
                    openAmount: row.open, currency: row.currency, context: context)))
                return .none
            },
            Command(.char("l"), s.logContact, when: hasRow, run: followUp(.contact)),
            Command(.char("z"), s.snooze, when: hasRow, run: followUp(.snooze)),
            Command(.char("t"), s.switchList) { screen, context in
                screen.showsReminders.toggle()
                screen.table = TableState()
                screen.arrange(context: context)
                return .none
            },
            Command(.char("/"), s.search),
            .move(s, when: { !$0.shownRows.isEmpty }),
            Command([.enter, .char("c")], s.t("Customer", "打开客户"), when: hasRow) { screen, _ in
                screen.selectedRow.map { .openCustomer($0.customerCode) } ?? .none
            },
            Command(.char("s"), s.t("Sort", "排序")) { screen, context in
                screen.sortByAmount.toggle()
                screen.arrange(context: context)
                return .message(screen.sortByAmount ? s.sortByAmount : s.sortByDays)
            },
            Command(.char("d"), s.changeDate) { screen, context in
                screen.modals.push(PromptModal<ReceivablesScreen>("\(s.changeDate): ", text: (screen.asOf ?? context.today).description,
                                                                  atTop: true, width: 14, enterLabel: s.changeDate) { text, context in
                    do {
                        let date = try DateParser.parse(text, today: context.today)
                        return .close { screen, context in
                            screen.asOf = date
                            screen.refresh(context: context)
                            return .none
                        }
                    } catch {
                        return .report(.error("\(error)"))
                    }
                })
                return .none
            },
            Command(.char("i"), s.t("Import receipts", "导入收款"),
                    help: s.t("WeChat, Alipay or bank file: review first", "微信、支付宝或银行流水：先审核再写入")) { screen, _ in
                screen.askImportFile(s)
                return .none
            },
        ])
    }
}
