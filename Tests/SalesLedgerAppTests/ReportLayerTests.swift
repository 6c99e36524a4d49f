import Foundation
import Testing
import LedgerCore
import LedgerInterop
import LedgerReports
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// Issue 9: every report figure has one implementation; the TUI's rendered screen and the CLI's CSV (both from
/// `Reports` through `ReportRenderer` / `ReportTableView`) show the same numbers — on the IBM sample (today
/// 2013-06-30) and on a generated Chinese ledger. Each disagreement the issue lists has a test showing it gone.
@Suite struct ReportLayerTests {
    static func ibm(size: Size = Size(width: 140, height: 40)) throws -> AppHarness {
        try AppHarness(language: .en, size: size, today: "2013-06-30") { service in
            _ = try service.runBatch { try IBMLoader.load(into: $0, directory: sampleDirectory("ibm")) }
        }
    }

    static func chinese(size: Size = Size(width: 140, height: 40)) throws -> AppHarness {
        try AppHarness(language: .zh, size: size, today: "2026-11-29", seedLedger: seedGenerated)
    }

    /// The CLI's CSV of `table` as rows of fields (a quoted field may hold commas and doubled quotes).
    static func csvRows(_ table: ReportTable) -> [[String]] {
        ReportRenderer.render(table, .csv).split(separator: "\n").map { line in
            var fields: [String] = [], field = "", quoted = false, previous: Character = " "
            for c in line {
                if c == "\"" { quoted.toggle(); if quoted && previous == "\"" { field.append(c) } }
                else if c == "," && !quoted { fields.append(field); field = "" }
                else { field.append(c) }
                previous = c
            }
            return fields + [field]
        }
    }

    /// The CSV value of column `key` in the first row whose first field is `first`.
    static func csvValue(_ table: ReportTable, first: String, key: String) -> String? {
        let rows = csvRows(table)
        guard let c = rows.first?.firstIndex(of: key) else { return nil }
        return rows.dropFirst().first { $0.first == first }.map { $0[c] }
    }

    /// The number after `label` on the screen (`DSO 41.7`, `应收余额: 1,234.50`), commas dropped.
    static func figure(after label: String, in text: String) -> String? {
        guard let range = text.range(of: label) else { return nil }
        let rest = text[range.upperBound...].drop { $0 == ":" || $0 == " " || $0 == "：" }
        let number = rest.prefix { $0.isNumber || $0 == "." || $0 == "," || $0 == "-" }
        return number.isEmpty ? nil : number.replacingOccurrences(of: ",", with: "")
    }

    // MARK: - DSO

    /// Disagreement 1: the receivables screen used net receivables and whole days; `report dso` gross receivables
    /// and 0.1 day. Now both show `Reports.dso` over the 90 days ending the as-of date.
    @Test(arguments: [false, true]) func dsoOnScreenEqualsCLI(chinese: Bool) throws {
        var h = try chinese ? Self.chinese() : Self.ibm()
        h.press(.function(5))
        let today = h.context.today
        let table = try Reports(store: h.store).dso(to: today).table
        let currency = try #require(h.app.receivables.report?.currency.code)          // IBM: USD; generated: CNY
        let cli = try #require(Self.csvValue(table, first: currency, key: "dso"), "no \(currency) DSO: \(ReportRenderer.csv(table))")
        let screen = try #require(Self.figure(after: h.context.strings.dso, in: h.text), "\(h.text)")
        #expect(screen == cli)
        #expect(cli.contains("."), "DSO has one decimal: \(cli)")
        if !chinese {
            // IBM on 2013-06-30: the CLI's default period is the same 90 days.
            #expect(Self.csvValue(table, first: currency, key: "days") == "90")
            #expect(cli == "23.2")
        }
    }

    // MARK: - Exposure

    /// Disagreement 2: the sales-entry warning fired on any overdue amount while credit control held only at the
    /// "stop further credit" level. Both now use `CreditExposure`: 10 days overdue is no hold and no warning;
    /// 50 days overdue is a hold and the warning names it.
    @Test func salesEntryWarningIsExactlyTheCreditHold() throws {
        for (invoiceDate, held) in [("2026-10-20", false), ("2026-09-10", true)] {   // due +30: 10 / 50 days overdue
            var h = try AppHarness(language: .en, size: Size(width: 120, height: 30)) { service in
                try service.run(CreateCustomer(CustomerFields(code: "C1", name: "Late Payer")))
                var post = PostInvoice(customerCode: "C1", date: CivilDate(iso: invoiceDate)!,
                                       lines: [LineInput(description: "x", quantity: Quantity(1), unitPrice: Money(minorUnits: 10_000, currency: .cny))])
                post.creditOverrideReason = "test"
                try service.run(post)
            }
            h.type("C1"); h.press(.enter)
            let exposure = try #require(try Reports(store: h.store).exposure(customerCode: "C1", asOf: h.context.today))
            #expect(exposure.overdue == 10_000)
            #expect(exposure.isOnHold == held)
            #expect(h.text.contains("credit hold") == held, "\(h.text)")
            #expect(h.text.contains("stop further credit from 45 days") == held)
            // Credit control agrees: posting without an override is held exactly when the warning shows.
            let post = PostInvoice(customerCode: "C1", date: h.context.today,
                                   lines: [LineInput(description: "y", quantity: Quantity(1), unitPrice: Money(minorUnits: 100, currency: .cny))])
            var wasHeld = false
            do { try h.service.run(post) } catch .creditHold { wasHeld = true } catch { Issue.record("\(error)") }
            #expect(wasHeld == held)
        }
    }

    /// The customer detail shows the exposure query's balance and overdue: the CLI's `customer exposure` CSV.
    @Test(arguments: [false, true]) func customerDetailExposureEqualsCLI(chinese: Bool) throws {
        var h = try chinese ? Self.chinese() : Self.ibm()
        h.press(.function(4))
        h.press(.enter)
        let code = try #require(h.app.customers.modals.first(CustomerDetail.self)?.customer.code)
        let exposure = try #require(try Reports(store: h.store).exposure(customerCode: code, asOf: h.context.today))
        let table = ExposureTable.make([exposure])
        let s = h.context.strings
        let text = h.text
        #expect(Self.figure(after: s.openBalance, in: text) == Self.csvValue(table, first: code, key: "balance"), "\(text)")
        #expect(Self.figure(after: s.overdue, in: text) == Self.csvValue(table, first: code, key: "overdue"))
    }

    // MARK: - Statement

    /// Disagreement 3: the statement had 6 columns on screen and 8 in the CLI, and the screen's CSV had no header.
    /// Now one shape (`StatementTable`) and one CSV with a BOM and a header block.
    @Test(arguments: [false, true]) func statementHasOneShape(chinese: Bool) throws {
        var h = try chinese ? Self.chinese() : Self.ibm()
        h.press(.function(4))
        h.press(.enter)
        h.press(.char("s"))
        let view = try #require(h.app.customers.modals.first(StatementView.self))
        let words = StatementWords(chinese: chinese)
        let table = view.table(words)
        #expect(table.columns.map(\.key) == ["date", "document", "type", "due_date", "reference", "debit", "credit", "balance"])
        let text = h.text
        for title in [words.dueDate, words.reference, words.debit, words.credit, words.balance] {
            #expect(text.contains(title), "screen lacks the \(title) column")
        }
        let cli = try #require(try Reports(store: h.store).statement(customerCode: view.statement.customerCode,
                                                                       from: view.statement.from, to: view.statement.to))
        #expect(cli == view.statement)
        let csv = StatementTable.csv(cli, words)
        #expect(csv.hasPrefix("\u{FEFF}\(words.customer),\(cli.customerCode),"))
        #expect(csv.contains("\n\(words.period),\(cli.from),\(cli.to)\n"))
        let closing = ReportRenderer.plain(.money(Money(minorUnits: cli.closingBalance, currency: cli.currency)))
        #expect(csv.contains(",\(closing)\n"))
        // The screen's closing row shows the same balance (grouped).
        let shown = ReportRenderer.display(.money(Money(minorUnits: cli.closingBalance, currency: cli.currency)))
        #expect(text.split(separator: "\n").contains { $0.contains(words.closingBalance) && $0.contains(shown) }, "\(text)")
    }

    // MARK: - Sales

    /// Disagreement 4: the sales report's TOTAL rows followed different rules (CLI: one total only for a single
    /// currency; screen: one per currency). Now the table's one rule, one TOTAL per currency, everywhere.
    @Test func salesTotalsFollowOneRule() throws {
        var h = try AppHarness(language: .en, size: Size(width: 120, height: 30)) { service in
            var usd = CustomerFields(code: "U1", name: "Dollar Co")
            usd.currency = .usd
            try service.run(CreateCustomer(usd))
            try service.run(CreateCustomer(CustomerFields(code: "C1", name: "Yuan Co")))
            for (code, currency, amount) in [("U1", Currency.usd, 12_345), ("C1", .cny, 50_000), ("C1", .cny, 7_000)] {
                var post = PostInvoice(customerCode: code, date: CivilDate(iso: "2026-11-02")!,
                                       lines: [LineInput(description: "x", quantity: Quantity(1), unitPrice: Money(minorUnits: Int64(amount), currency: currency))])
                post.creditOverrideReason = "test"
                try service.run(post)
            }
        }
        h.press(.function(7))
        let table = try Reports(store: h.store).sales(by: .month, from: CivilDate(iso: "2026-01-01"), to: h.context.today)
        let totals = Self.csvRows(table).filter { $0.first == "TOTAL" }
        #expect(totals.map { $0[2] } == ["CNY", "USD"])                // one TOTAL per currency, in the CLI
        #expect(totals.map { $0.last } == ["570.00", "123.45"])
        let screenTotals = h.screen().filter { $0.contains("TOTAL") }
        #expect(screenTotals.count == 2, "\(h.text)")
        #expect(screenTotals.first?.contains("570.00") == true && screenTotals.last?.contains("123.45") == true)
    }

    @Test(arguments: [false, true]) func salesByMonthOnScreenEqualsCLI(chinese: Bool) throws {
        var h = try chinese ? Self.chinese() : Self.ibm()
        h.press(.function(7))
        let today = h.context.today
        let table = try Reports(store: h.store).sales(by: .month, from: CivilDate(year: today.year, month: 1, day: 1), to: today)
        let total = try #require(Self.csvRows(table).first { $0.first == "TOTAL" }?.last)
        let line = try #require(h.screen().first { $0.hasPrefix(chinese ? "合计" : "TOTAL") }, "\(h.text)")
        #expect(line.replacingOccurrences(of: ",", with: "").hasSuffix(total) || line.replacingOccurrences(of: ",", with: "").contains(" \(total)"))
    }
}
