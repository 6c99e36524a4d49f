import Testing
import LedgerCore
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// Screens show the ledger's figures, aligned by terminal cells.
@Suite struct ScreenFigureTests {
    /// shared/cases/B01.md: names of different cell widths; the balance column's decimal points line up.
    @Test func customerListAlignsByCells() throws {
        let names = [("C001", "Apple Trading"), ("C002", "苹果贸易"), ("C003", "上海明远五金有限公司"),
                     ("C004", "Ｆｕｌｌｗｉｄｔｈ Co"), ("C005", "Cafe\u{301} Ole\u{301}")]
        for size in [Size(width: 100, height: 30), Size(width: 80, height: 24)] {
            for language in [Language.en, .zh] {
                var h = try AppHarness(language: language, size: size) { service in
                    for (i, (code, name)) in names.enumerated() {
                        try service.run(CreateCustomer(CustomerFields(code: code, name: name)))
                        var post = PostInvoice(customerCode: code, date: CivilDate(iso: "2026-11-01")!,
                                               lines: [LineInput(description: "x", quantity: Quantity(1),
                                                                 unitPrice: Money(minorUnits: Int64(1000 + i * 123_457), currency: .cny))])
                        post.creditOverrideReason = "test"
                        try service.run(post)
                    }
                }
                h.press(.function(4))
                let rows = h.screen().filter { $0.hasPrefix("C00") }
                #expect(rows.count == 5)
                // The balance is the first amount after the name: find "." columns of each row's first amount.
                let columns = rows.map { row -> Int? in
                    guard let range = row.range(of: #"[0-9,]+\.[0-9]{2}"#, options: .regularExpression) else { return nil }
                    let amount = row[range]
                    return DisplayWidth.of(row[row.startIndex..<range.lowerBound]) + DisplayWidth.of(amount.prefix { $0 != "." })
                }
                #expect(Set(columns).count == 1, "\(size) \(language): \(columns)")
                #expect(columns.allSatisfy { $0 != nil })
            }
        }
    }

    /// shared/cases/B08.md on the receivables dashboard: bucket totals by open amount, as of 2025-06-30.
    @Test func receivablesDashboardShowsB08Buckets() throws {
        var h = try AppHarness(language: .en, size: Size(width: 120, height: 36), today: "2025-06-30") { service in
            try service.run(CreateCustomer(CustomerFields(code: "GLT", name: "Golden Lotus Trading")))
            let invoices = [("A1", "2025-06-20", 100_000), ("A2", "2025-05-01", 200_000), ("A3", "2025-04-01", 80_000),
                            ("A4", "2025-03-01", 300_000), ("A5", "2025-03-20", 45_000), ("A6", "2025-05-31", 60_000),
                            ("A7", "2025-04-30", 12_000)]
            var numbers: [String: String] = [:]
            for (ref, date, amount) in invoices {
                var post = PostInvoice(customerCode: "GLT", date: CivilDate(iso: date)!,
                                       lines: [LineInput(description: ref, quantity: Quantity(1), unitPrice: Money(minorUnits: Int64(amount), currency: .cny))])
                post.creditOverrideReason = "test"
                numbers[ref] = try service.run(post).displayNumber
            }
            for (ref, date, amount) in [("A2", "2025-06-10", 150_000), ("A3", "2025-06-15", 80_000), ("A4", "2025-04-15", 100_000)] {
                let money = Money(minorUnits: Int64(amount), currency: .cny)
                try service.run(RecordReceipt(customerCode: "GLT", date: CivilDate(iso: date)!, amount: money,
                                              allocation: .manual([ManualAllocation(invoiceNumber: numbers[ref]!, amount: money)])))
            }
        }
        h.press(.function(5))
        let screen = h.text
        for expected in ["Current 1,600.00 (2)", "1–30 500.00 (1)", "31–60 120.00 (1)", "61–90 450.00 (1)", "91+ 2,000.00 (1)",
                         "Total open 4,670.00", "Overdue 3,070.00"] {
            #expect(screen.contains(expected), "\(expected)")
        }
        // The overdue list (t) holds A2, A7, A5, A4 — most overdue first.
        h.press(.char("t"))
        let order = h.screen().compactMap { line -> String? in
            guard let r = line.range(of: #"INV-2025-00000\d"#, options: .regularExpression) else { return nil }
            return String(line[r])
        }
        #expect(order == ["INV-2025-000004", "INV-2025-000005", "INV-2025-000007", "INV-2025-000002"])
    }
}

@Suite struct TitleBarTests {
    @Test func warnsWhenNoBackupIn24Hours() throws {
        var h = try AppHarness(language: .zh)
        #expect(!h.text.contains("24小时内无备份"))
        h.context.isBackupOverdue = { true }
        h.press(.function(4))
        #expect(h.screen()[0].contains("[24小时内无备份]"))
    }
}
