import LedgerCore
import LedgerReports
import TerminalUI

/// One customer: contact details, key figures and the invoices and receipts with their open amounts.
struct CustomerDetail {
    var customer: Customer
    /// Balance, overdue, credit used and hold (`Reports.exposure`: the rule credit control applies).
    var exposure: CreditExposure?
    var invoices: [InvoiceListRow] = []
    var receipts: [Receipt] = []
    var salesThisYear: Int64 = 0
    /// Average days to pay and days late (tenths of a day) over invoices settled by receipts.
    var payment: PaymentBehaviour?
    /// Contact history, newest first, with the state of each promise (kept, broken, pending).
    var contacts: [(entry: ContactLogEntry, promise: PromiseState?)] = []
    var table = TableState()

    init?(code: String, context: AppContext) {
        guard let customer = context.read({ try context.store.customer(code: code) }) else { return nil }
        self.customer = customer
        reload(context: context)
    }

    mutating func reload(context: AppContext) {
        if let fresh = context.read({ try context.store.customer(code: customer.code) }) { customer = fresh }
        // Everything as of the app's today (a pinned `--today` too): documents, receipts and contacts dated after
        // it are left out and open amounts are as of it (s14-search).
        let today = context.today
        exposure = context.read { try Reports(store: context.store).exposure(customerCode: customer.code, asOf: today) }
        let filter = InvoiceFilter(customerCode: customer.code, asOf: today)
        let count = context.read { try context.store.invoiceCount(filter: filter) } ?? 0
        invoices = (context.read {
            try context.store.invoices(filter: filter, page: PageRequest(offset: max(0, count - 200), limit: 200))
        } ?? []).reversed()
        receipts = context.read {
            try context.store.receipts(customerID: customer.id, asOf: today, page: PageRequest(limit: 50))
        } ?? []
        let yearStart = CivilDate(year: today.year, month: 1, day: 1)!
        payment = context.read { try context.store.paymentBehaviour(asOf: today, customerID: customer.id) }?.first
        if let snapshot = context.read({ try context.store.receivablesSnapshot(customerID: customer.id) }) {
            contacts = snapshot.contacts.filter { $0.customerID == customer.id && $0.date <= today }.reversed()
                .map { ($0, PromiseState.of($0, snapshot: snapshot, today: today)) }
        }
        salesThisYear = (context.read {
            try context.store.monthlySales(customerID: customer.id, from: yearStart, to: today)
        } ?? [:]).values.reduce(0, +)
    }

    static func columns(_ s: Strings) -> [TableColumn] {
        [TableColumn(s.number, width: .fixed(15)), TableColumn(s.date, width: .fixed(10)),
         TableColumn(s.dueDate, width: .fixed(10)),
         TableColumn(s.status, width: .fixed(8)), TableColumn(s.total, width: .fixed(14), alignment: .right),
         TableColumn(s.openAmount, width: .fixed(14), alignment: .right)]
    }

    func rows(context: AppContext) -> [[String]] {
        let s = context.strings
        return invoices.map { inv in
            let signed = { (v: Int64) in context.documentMoney(inv.kind, v, inv.total.currency) }
            let status = inv.kind == .creditNote ? s.creditAction
                : (inv.settlement(asOf: context.today).map(s.settlementName) ?? (inv.status == .void ? s.voided
                                                                                     : s.statusName(inv.status)))
            return [inv.number, inv.date.description, inv.kind == .creditNote ? "" : inv.dueDate.description, status,
                    signed(inv.total.minorUnits), signed(inv.open)]
        }
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext) {
        let s = context.strings
        let c = customer
        let cur = c.currency
        var y = area.y
        // Class · region · channel beside the name, where there is room (tryout s18: at the contact line's end
        // they were cut at 80 columns, "C · ~"); else first on the contact line.
        let classes = [c.customerClass, context.className("region", c.region), context.channelName(c.channel)]
            .filter { !$0.isEmpty }.joined(separator: " · ")
        let title = "\(c.code)  \(c.name)", besideName = DisplayWidth.of(title + "   " + classes) <= area.width - 2
        buffer.setFitted(besideName ? title + "   " + classes : title, x: area.x + 1, y: y, width: area.width - 2,
                         style: Style(.header, [.bold]))
        y += 1
        let contactLine = [c.contact, c.phone, c.email, c.address].filter { !$0.isEmpty }.joined(separator: "  ·  ")
        buffer.setFitted((besideName ? "" : classes + "   ") + "\(s.contact): \(contactLine)", x: area.x + 1, y: y,
                         width: area.width - 2, style: Style(.muted))
        y += 1
        let overdue = exposure?.overdue ?? 0
        var figures = ["\(s.salesThisYear): \(context.money(salesThisYear, cur))",
                       "\(s.openBalance): \(context.money(exposure?.balance ?? 0, cur))",
                       "\(s.overdue): \(context.money(overdue, cur))"]
        if let limit = c.creditLimit {
            let used = exposure?.creditUsedBasisPoints.map { ReportRenderer.display(.percent($0)) } ?? "–"
            figures += ["\(s.creditLimit): \(context.money(limit.minorUnits, cur))", "\(s.creditUsed) \(used)"]
        } else {
            figures.append("\(s.creditLimit): \(s.noLimit)")
        }
        figures.append("\(s.terms): \(s.termsName(c.paymentTerms))")
        if let exposure, exposure.isOnHold {
            figures.append(s.t("HOLD: ", "信用冻结：")
                               + exposure.holdReasons.map { s.core($0.message) }.joined(separator: "; "))
        }
        // Whole figures only: what does not fit goes to a second line (never cut by `~`).
        for line in PartsLine.wrap(figures, width: area.width - 2) {
            buffer.setFitted(line, x: area.x + 1, y: y, width: area.width - 2,
                             style: Style(overdue > 0 ? .overdue : .text))
            y += 1
        }
        func days(_ tenths: Int64?) -> String { tenths.map { "\($0 / 10).\($0 % 10)" } ?? "–" }
        buffer.setFitted(PartsLine.fit(["\(s.averageDaysToPay): \(days(payment?.averageDaysToPayTenths))",
                                        "\(s.averageDaysLate): \(days(payment?.averageDaysLateTenths))",
                                        "(\(payment?.settledInvoices ?? 0) \(s.t("paid invoices", "张已结清")))"],
                                       width: area.width - 2),
                         x: area.x + 1, y: y, width: area.width - 2, style: Style(.text))
        y += 1
        let receiptParts = receipts.prefix(4).map { "\($0.displayNumber) \($0.date) \($0.amount.groupedString)" }
        buffer.setFitted(PartsLine.fit(["\(s.receiptAction):"] + (receiptParts.isEmpty ? ["–"] : receiptParts),
                                       width: area.width - 2),
                         x: area.x + 1, y: y, width: area.width - 2, style: Style(.muted))
        y += 1
        // Contact history: the last two contacts (date, channel, note, promise and whether it was kept).
        let history = contacts.prefix(2).map { c -> String in
            var text = "\(c.entry.date) \(FollowUpEntry.name(c.entry.channel, s)) \(c.entry.note)"
            if let promised = c.entry.promisedDate, let state = c.promise {
                text += " → \(promised) \(state.name(chinese: s.zh))"
            }
            return text
        }
        buffer.setFitted(PartsLine.fit(["\(s.t("Contacts", "联系记录")) (\(contacts.count)):"]
                                       + (history.isEmpty ? ["–"] : history), width: area.width - 2),
                         x: area.x + 1, y: y, width: area.width - 2, style: Style(.muted))
        y += 2
        buffer.setString("\(s.invoices) (\(invoices.count))", x: area.x + 1, y: y - 1, style: Style(.accent, [.bold]))
        var state = table
        s.localize(TableView(columns: CustomerDetail.columns(s))).render(
            into: &buffer, in: Rect(x: area.x, y: y, width: area.width, height: max(0, area.maxY - y)),
            source: ArrayTableDataSource(rows: rows(context: context)), state: &state)
    }
}
