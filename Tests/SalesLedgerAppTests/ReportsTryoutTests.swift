import Foundation
import Testing
import LedgerAudit
import LedgerCore
import LedgerReports
import TerminalUI
@testable import SalesLedgerApp

/// s14-fix: findings of the new-user tryout on the Reports screen (F7) and the report words.
@Suite struct ReportsTryoutTests {
    /// F7 aging at 80×24: the columns hidden for lack of width are reached with →, the marker counts those off at
    /// either side, ← goes back; → stops once every column is shown.
    @Test func agingColumnsScrollAt80Columns() throws {
        for language in [Language.en, .zh] {
            var h = try AppHarness(language: language, seedLedger: seedGenerated)
            h.press(.function(7), .tab)
            let view = h.app.reports.tableView(h.context.strings)
            let titles = view.columns.map(\.title)
            // The total stays in view (s19: the middle buckets and the credits give way first); the credits
            // column, hidden at first, is reached with →.
            let last = titles[titles.count - 2]
            #expect(h.screen()[4].contains(try #require(titles.last)))
            let header = { h.screen()[4] }
            #expect(!header().contains(last), "\(language): \(header())")
            let hidden = h.app.reports.tableView(h.context.strings).scrollLimit(width: 80)
            #expect(hidden > 0)
            for _ in 0..<(hidden + 3) { h.press(.right) }
            #expect(h.app.reports.table.firstColumn == hidden)
            #expect(header().contains(last), "\(language): \(header())")
            #expect(header().contains(titles[0]))                         // the key column stays
            // The marker is on the heading row, above the table (s34-fix2).
            #expect(h.screen()[3].contains("<\(hidden)"), "\(language): \(h.screen()[3])")
            h.press(.left)
            #expect(h.app.reports.table.firstColumn == hidden - 1)
            for _ in 0..<hidden { h.press(.left) }
            #expect(h.app.reports.table.firstColumn == 0)
            #expect(!header().contains(last))
        }
    }

    @Test func fapiaoTitlesAreCapitalisedInEnglish() throws {
        var h = try AppHarness(language: .en, size: Size(width: 200, height: 30), seedLedger: seedGenerated)
        h.press(.function(7), .tab, .tab, .tab)
        for _ in 0..<4 {
            let header = h.screen()[4]
            let words = header.split(separator: " ").filter { $0.first?.isLetter == true }
            #expect(!words.isEmpty)
            #expect(words.allSatisfy { $0.first!.isUppercase || $0 == "days" || $0 == "no." || $0 == "phone"
                                       || $0 == "account" || $0 == "unpaid" || $0 == "VAT" }, "\(header)")
            h.press(.char("d"))
        }
    }

    @Test func chineseAgingBucketsAreNamedAlikeEverywhere() throws {
        let zh = Strings(.zh)
        let report = AgingTable.grouped([], by: .customer)
        let reportTitles = report.columns.map { $0.title(chinese: true) }
        for label in zh.agingLabels { #expect(reportTitles.contains(label), "\(label) not in \(reportTitles)") }
        #expect(zh.agingLabels.last == "逾期91+天")
    }

    @Test func exportSaysTheFullPathWritten() throws {
        var h = try AppHarness(language: .zh, size: Size(width: 80, height: 24), seedLedger: seedGenerated)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sl-export-\(UUID().uuidString)")
            .appendingPathComponent("a-rather-long-folder-name-for-an-eighty-column-screen").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        h.context.outputFolder = folder
        h.press(.function(7), .char("x"))
        #expect(h.text.contains("导出到："), "\(h.text)")
        h.press(.enter)                                      // the path offered
        let path = folder + "/salesledger-sales-by-month-\(h.context.today).csv"
        #expect(FileManager.default.fileExists(atPath: path))
        // The dialog wraps the whole path (no "~" cut) and counts the rows.
        let inside = h.screen().compactMap { line -> String? in
            guard let first = line.firstIndex(of: "│"), let last = line.lastIndex(of: "│"), first < last else { return nil }
            return line[line.index(after: first)..<last].trimmingCharacters(in: .whitespaces)
        }
        #expect(inside.joined().contains(path), "\(h.text)")
        #expect(!inside.joined().contains("~"))
        #expect(h.text.contains("已写入"))
        h.press(.enter)
        #expect(!h.text.contains("已写入"))
    }
}

/// s14-fix: F11 findings show amounts grouped like every other screen.
@Suite struct AuditAmountTests {
    @Test func findingAmountsAreGrouped() {
        #expect(AuditFormat.grouped("1234567.80 CNY") == "1,234,567.80 CNY")
        #expect(AuditFormat.grouped("-1234.5 USD") == "-1,234.5 USD")
        #expect(AuditFormat.grouped("") == "")
        #expect(AuditFormat.grouped("12.00") == "12.00")
    }
}
