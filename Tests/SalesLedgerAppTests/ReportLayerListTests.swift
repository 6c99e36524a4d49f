import Foundation
import Testing
import Classification
import LedgerCore
import LedgerReports
import TerminalUI
@testable import SalesLedgerApp

/// Issue 9, the remaining reports: the receivables dashboard, the pivot and the invoice register show on screen
/// the figures the CLI prints (`report dashboard`, `report pivot`, `invoice list`), from the same query — on the
/// IBM sample and on a generated Chinese ledger. Issue 10: the receivables list is paged in SQL.
@Suite struct ReportLayerListTests {
    static func harness(chinese: Bool) throws -> AppHarness {
        try chinese ? ReportLayerTests.chinese() : ReportLayerTests.ibm()
    }

    @Test(arguments: [false, true]) func dashboardOnScreenEqualsCLI(chinese: Bool) throws {
        var h = try Self.harness(chinese: chinese)
        h.press(.function(5))
        let table = try Reports(store: h.store).dashboard(asOf: h.context.today).table
        let currency = try #require(h.app.receivables.report?.currency.code)
        let s = h.context.strings
        let text = h.text
        let net = try #require(ReportLayerTests.csvValue(table, first: currency, key: "net_receivable"))
        #expect(ReportLayerTests.figure(after: s.totalOpen, in: text) == net, "\(text)")
        #expect(ReportLayerTests.figure(after: s.overdueTotal, in: text) == ReportLayerTests.csvValue(table, first: currency, key: "overdue"))
        #expect(ReportLayerTests.figure(after: s.dso, in: text) == ReportLayerTests.csvValue(table, first: currency, key: "dso"))
        #expect(Double(net) ?? 0 > 0, "the sample has receivables: \(net)")
        // The overdue list's length and the reminders badge are the table's counts.
        let overdue = try #require(ReportLayerTests.csvValue(table, first: currency, key: "overdue_invoices"))
        #expect(text.contains("\(s.overdueInvoices) (\(overdue))"), "\(text)")
        let reminders = ReportLayerTests.csvRows(table).dropFirst().compactMap { $0.last.flatMap { Int($0) } }.reduce(0, +)
        #expect(h.app.receivables.remindersDue == reminders)
    }

    /// s13-recv: the title bar's reminder count is today's whatever as-of date F5 shows; the list's heading
    /// counts the shown date's reminders.
    @Test func badgeCountsTodayWhateverTheAsOfDate() throws {
        var h = try ReportLayerTests.ibm()
        h.press(.function(5))
        let reports = Reports(store: h.store), today = h.context.today, other = today.adding(days: -30)
        let expected = try reports.reminders(on: today, dueOnly: true).count
        #expect(h.app.receivables.remindersDue == expected)
        h.press(.char("d"))
        for character in other.description { h.press(.char(character)) }
        h.press(.enter)
        #expect(h.app.receivables.dashboard?.asOf == other)
        #expect(h.app.receivables.remindersDue == expected)
        #expect(h.app.receivables.reminders.total == (try reports.reminders(on: other, dueOnly: true).count))
    }

    @Test(arguments: [false, true]) func pivotOnScreenEqualsCLI(chinese: Bool) throws {
        var h = try Self.harness(chinese: chinese)
        h.press(.function(7))
        h.press(.tab, .tab)                                    // sales → aging → pivot
        let pivot = h.app.reports.pivot
        let query = try #require(pivot.query)
        let tables = try Reports(store: h.store).pivot(query, layout: .init(chinese: chinese))
        let biggest = try #require(tables.max { $0.grandTotal < $1.grandTotal })
        let cli = PivotReportTable.make(biggest, rowName: PivotView.rowDimensions[pivot.rowIndex])
        let rows = ReportLayerTests.csvRows(cli)
        let total = try #require(rows.last { $0.first == "TOTAL" }?.last)
        #expect(Double(total) ?? 0 > 0, "the pivot has sales: \(rows)")
        let line = try #require(h.screen().first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(chinese ? "合计" : "TOTAL") },
                                "\(h.text)")
        #expect(line.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces).hasSuffix(" " + total),
                "\(line) vs \(total)")
        // The screen exports the CLI's CSV.
        #expect(h.app.reports.reportTable.map { ReportRenderer.csv($0).replacingOccurrences(of: "TOTAL", with: "") }
                == ReportRenderer.csv(PivotReportTable.make(biggest, rowName: PivotView.rowDimensions[pivot.rowIndex],
                                                           totalLabel: chinese ? "合计" : "TOTAL")).replacingOccurrences(of: "TOTAL", with: ""))
    }

    @Test(arguments: [false, true]) func documentsListEqualsInvoiceList(chinese: Bool) throws {
        var h = try Self.harness(chinese: chinese)
        h.press(.function(9))
        let screen = h.app.documents
        let search = screen.search(context: h.context)
        // Issue 10: the screen loads its first page (further pages by keyset as it scrolls, DocumentPagingTests).
        let cli = try Reports(store: h.store).invoiceRegister(search, page: PageRequest(limit: DocumentsScreen.pageSize))
        #expect(screen.rows == cli.rows)
        // No COUNT(*) per refresh: exact once the last page is in, else more than the loaded rows, shown as "N+".
        #expect(cli.count > 0)
        if screen.countIsExact {
            #expect(screen.count == cli.count)
        } else {
            #expect(screen.rows.count < cli.count && screen.count > screen.rows.count)
            #expect(h.text.contains("\(screen.rows.count)+"))
        }
        let first = try #require(cli.rows.first)
        let csv = ReportLayerTests.csvRows(InvoiceRegisterTable.make(cli.rows))
        let open = try #require(csv.dropFirst().first { $0.first == first.number }.map { $0[9] })
        let line = try #require(h.screen().first { $0.contains(first.number) }, "\(h.text)")
        #expect(line.replacingOccurrences(of: ",", with: "").contains(open), "\(line) lacks \(open)")
    }

    /// Issue 10: the overdue list is read a keyset page at a time in SQL; `s` re-queries one page by open amount,
    /// largest first, instead of sorting a list of every overdue invoice in memory; scrolling reads the next pages,
    /// which continue the order. The pages equal the whole list sorted the old way (every open item, in Swift).
    @Test func receivablesSortQueriesOnePage() throws {
        var h = try ReportLayerTests.ibm()
        h.press(.function(5))
        h.press(.char("t"))                                    // the overdue list
        let today = h.context.today
        let currency = try #require(h.app.receivables.report?.currency)
        let all = try h.store.openItems(asOf: today).filter { $0.dueDate < today && $0.currency == currency }
        let byDue = all.sorted { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }
        let byAmount = all.sorted { ($0.open, $1.number) > ($1.open, $0.number) }
        #expect(all.count > 2)
        #expect(h.app.receivables.overdue.total == all.count)
        #expect(h.app.receivables.overdue.items == Array(byDue.prefix(Reports.overduePageSize)))
        h.press(.char("s"))
        #expect(h.app.receivables.overdue.items == Array(byAmount.prefix(Reports.overduePageSize)))
        #expect(h.app.receivables.overdue.rows.count == h.app.receivables.overdue.items.count)
        // Scrolling to the end reads the remaining pages, in the same order.
        for _ in 0..<(all.count / 10 + 2) { h.press(.pageDown) }
        #expect(h.app.receivables.overdue.items == byAmount)
        #expect(h.app.receivables.overdue.rows.count == all.count)
        // s13-recv: End selects the real last row (the last page read backwards), Home the first, in either order.
        for (order, expected) in [("amount", byAmount), ("due date", byDue)] {
            if order == "due date" { h.press(.char("s")) }
            h.press(.end)
            #expect(h.app.receivables.table.selectedRow == all.count - 1, "\(order)")
            #expect(h.app.receivables.selectedRow?.number == expected.last?.number, "\(order)")
            h.press(.up)
            #expect(h.app.receivables.selectedRow?.number == expected[all.count - 2].number, "\(order)")
            h.press(.home)
            #expect(h.app.receivables.selectedRow?.number == expected.first?.number, "\(order)")
        }
    }

    /// Issue 10: the customer list's sparklines come from one query per page; its figures equal the one-customer
    /// query for every customer of the page.
    @Test func sparklinesOfAPageComeFromOneQuery() throws {
        let h = try ReportLayerTests.chinese()
        let today = h.context.today
        let first = today.startOfMonth.adding(months: -11)
        let page = try h.store.customerList(filter: ClassFilter(), asOf: today, sort: CustomerSort(), page: PageRequest(limit: 40))
        let batch = try h.store.monthlySales(customerIDs: page.map(\.id), from: first, to: today)
        for row in page {
            #expect((batch[row.id] ?? [:]) == (try h.store.monthlySales(customerID: row.id, from: first, to: today)), "\(row.code)")
        }
        #expect(batch.values.contains { !$0.isEmpty })
    }
}
