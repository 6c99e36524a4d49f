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
    /// Overdue invoices of the shown currency: the keyset pages read so far in the shown order (all, filtered, while
    /// a filter is typed).
    var overdue = PagedWindow<OpenItem>()
    var sortByAmount = false
    var table = TableState()
    /// DSO of the shown currency over the 90 days ending the as-of date (the CLI's `report dso` figure).
    var dso: DSOFigure? { report.flatMap { dashboard?.dso($0.currency) } }
    /// Reminders due on the as-of date (回款提醒): the pages read so far (all, filtered, while a filter is typed).
    var reminders = PagedWindow<(key: ReminderKey, item: ReminderItem)>()
    /// Whether the list shows reminders (else overdue invoices).
    var showsReminders = true
    /// Reminders due today (the title bar's badge): today's count whatever the as-of date shown; nil when it could
    /// not be read (a damaged ledger: the badge says so rather than vanish, s35-fix).
    var remindersDue: Int? = 0

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
        // First pages as tall as the screen and the rows read ahead (the next page is read before they run out);
        // the overdue list's only when it is the list shown, else `t` reads it (`loadMoreIfNeeded`).
        let page = context.bodyRows > 0 ? min(Reports.overduePageSize, context.bodyRows + PagedWindow<OpenItem>.margin)
            : Reports.overduePageSize
        dashboard = context.read {
            try Reports(store: context.store).dashboard(asOf: date, overduePage: page,
                                                        readsOverdueItems: !showsReminders)
        }
        remindersDue = date == context.today ? dashboard?.reminderTotal : context.read {
            try Reports(store: context.store).reminderCounts(on: context.today).values.reduce(0, +)
        }
        arrange(context: context)
    }

    /// The rows of the shown list (the whole list's length; pages are read as the selection moves).
    var rowCount: Int { showsReminders ? reminders.total : overdue.total }

    /// Orders and filters the dashboard's lists and formats the shown rows. Both lists are read a keyset page at a
    /// time in their order (`Reports.overdueItems`, `Reports.reminderPage`, issue 10): the dashboard's first pages,
    /// one page by amount after `s`, every page while a filter is typed (the filter searches the whole list).
    mutating func arrange(context: AppContext) {
        overdue = PagedWindow()
        reminders = PagedWindow()
        guard let dashboard else { return }
        let date = dashboard.asOf, reports = Reports(store: context.store), needle = table.filter.text
        if let currency = report?.currency {
            let order: OverdueOrder = sortByAmount ? .amount : .dueDate
            var items = dashboard.overdue
            if !needle.isEmpty || sortByAmount {
                items = context.read {
                    try reports.overdueItems(asOf: date, currency: currency, order: order, after: nil,
                                             limit: needle.isEmpty ? Reports.overduePageSize : Int(Int32.max))
                } ?? []
            }
            overdue.total = dashboard.overdueCounts[currency] ?? 0
            if !needle.isEmpty {
                // The one search behaviour (code, name, pinyin of any reading, initials), on the list shown.
                items = items.filter {
                    SearchMatch.matches(needle, code: $0.customerCode, name: $0.customerName,
                                        extra: [$0.number, $0.salesperson, $0.region])
                }
                overdue.total = items.count
            }
            overdue.replace(items, start: 0) { $0.map { Self.overdueRow($0, date: date, context: context) } }
        }
        var due = zip(dashboard.reminders.keys, dashboard.reminders.items).map { (key: $0, item: $1) }
        reminders.total = dashboard.reminderTotal
        if !needle.isEmpty {
            let all = context.read { try reports.reminderPage(on: date, from: nil, limit: Int(Int32.max)) }
            due = zip(all?.keys ?? [], all?.items ?? []).map { (key: $0, item: $1) }.filter {
                SearchMatch.matches(needle, code: $0.item.customerCode, name: $0.item.customerName,
                                    extra: [$0.item.invoiceNumber])
            }
            reminders.total = due.count
        }
        reminders.replace(due, start: 0) { $0.map { Self.reminderRow($0.item, context: context) } }
        loadMoreIfNeeded(context: context)   // the selection's page, when it was past the first (a refresh)
    }

    /// Reads the pages of the shown list around the selection (the next page near the end of the rows read, the
    /// last page on End, the first on Home, the previous one moving up from there).
    mutating func loadMoreIfNeeded(context: AppContext) {
        guard let date = dashboard?.asOf else { return }
        let reports = Reports(store: context.store)
        if showsReminders {
            reminders.reveal(table.selectedRow, load: { from, backwards in
                let page = context.read {
                    try reports.reminderPage(on: date, from: from?.key, backwards: backwards)
                } ?? ReminderPage()
                return zip(page.keys, page.items).map { (key: $0, item: $1) }
            }, format: { $0.map { Self.reminderRow($0.item, context: context) } })
        } else if let currency = report?.currency {
            let order: OverdueOrder = sortByAmount ? .amount : .dueDate
            overdue.reveal(table.selectedRow, load: { from, backwards in
                context.read {
                    try reports.overdueItems(asOf: date, currency: currency, order: order, after: from,
                                             backwards: backwards)
                } ?? []
            }, format: { $0.map { Self.overdueRow($0, date: date, context: context) } })
        }
    }

    /// The list in the UI language (filter label, "no rows").
    /// The list in the UI language (filter label, "no rows"), its columns laid out for `width` cells.
    func tableView(_ s: Strings, width: Int = .max) -> TableView { s.localize(rawTableView(s, width: width)) }

    func rawTableView(_ s: Strings, width: Int = .max) -> TableView {
        if showsReminders {
            // Every title and every dunning level whole (the level column as wide as its widest name with the
            // broken-promise mark); where that leaves the customer fewer than `customerRoom` cells, the last
            // contact (the least needed to decide whom to remind) leaves instead of cutting them (80 columns).
            let level = DunningLevel.allCases.map { DisplayWidth.of($0.displayName(chinese: s.zh) + " !") }.max() ?? 8
            let columns = [
                TableColumn(s.number, width: .fixed(15)),
                TableColumn(s.customer, width: .flexible(weight: 1, minimum: 12)),
                TableColumn(s.openAmount, width: .fixed(13), alignment: .right),
                TableColumn(s.daysOverdue, width: .fixed(max(4, DisplayWidth.of(s.daysOverdue))), alignment: .right),
                TableColumn(s.level, width: .fixed(max(level, DisplayWidth.of(s.level)))),
            ]
            let contact = TableColumn(s.lastContact, width: .fixed(max(10, DisplayWidth.of(s.lastContact))))
            let taken = (columns + [contact]).reduce(columns.count) { sum, column in
                if case .fixed(let n) = column.width { return sum + n } else { return sum }
            }
            var view = TableView(columns: columns)
            // Left out: the header's right end says so ("+1 column" / "另有1列"; tryout s30); a wider window shows it.
            if width >= taken + Self.customerRoom { view.columns.append(contact) } else { view.leftOutColumns = 1 }
            return view
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

    /// The fewest cells the reminders list leaves to the customer's name before it drops the last contact.
    static let customerRoom = 16

    static func reminderRow(_ r: ReminderItem, context: AppContext) -> [String] {
        [r.invoiceNumber, r.customerName, context.money(r.open, r.currency), String(r.daysOverdue),
         r.level.displayName(chinese: context.strings.zh) + (r.brokenPromises > 0 ? " !" : ""),
         r.lastContact?.description ?? ""]
    }

    static func overdueRow(_ item: OpenItem, date: CivilDate, context: AppContext) -> [String] {
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
        switch view.handle(event, state: &table, rowCount: rowCount, pageSize: 10) {
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
            guard let r = reminders.item(at: table.selectedRow)?.item else { return nil }
            return (r.customerCode, r.customerName, r.invoiceNumber, r.open, r.currency)
        }
        guard let o = overdue.item(at: table.selectedRow) else { return nil }
        return (o.customerCode, o.customerName, o.number, o.open, o.currency)
    }

    func keyTable(_ s: Strings) -> KeyTable<ReceivablesScreen, ScreenOutcome> {
        typealias Command = KeyCommand<ReceivablesScreen, ScreenOutcome>
        let hasRow: (ReceivablesScreen) -> Bool = { $0.selectedRow != nil }
        func followUp(_ kind: FollowUpEntry.Kind) -> (inout ReceivablesScreen, AppContext) -> ScreenOutcome {
            { screen, context in
                // Both lists: the selected invoice of a reminder or of the overdue list.
                guard let row = screen.selectedRow else { return .none }
                let target = FollowUpTarget(customerCode: row.customerCode, customerName: row.customerName,
                                            invoiceNumber: row.number)
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
            .move(s, when: { $0.rowCount > 0 }),
            Command([.enter, .char("c")], s.t("Customer", "打开客户"), when: hasRow) { screen, _ in
                screen.selectedRow.map { .openCustomer($0.customerCode) } ?? .none
            },
            // The overdue list sorts; the reminders list keeps its escalation order, so `s` is not offered there
            // (tryout s15: it said "sorted by amount" and changed nothing).
            Command(.char("s"), s.t("Sort", "排序"), when: { !$0.showsReminders }) { screen, context in
                screen.sortByAmount.toggle()
                screen.arrange(context: context)
                return .message(screen.sortByAmount ? s.sortByAmount : s.sortByDays)
            },
            Command(.char("d"), s.changeDate) { screen, context in
                screen.modals.push(PromptModal<ReceivablesScreen>("\(s.changeDate): ",
                                                                  text: (screen.asOf ?? context.today).description,
                                                                  atTop: true, width: 14,
                                                                  enterLabel: s.changeDate) { text, context in
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
