import Foundation
import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// Session 14 tryout findings on F5 (s14-recv): every figure of the totals line agrees with the aging bar below it,
/// also when the unapplied credits do not fit (80 columns); the reminders list shows its titles and dunning levels
/// whole, leaving out the last contact where the width is short (and saying so, s30) — at 80×24 and 200×50, in
/// English and Chinese.
@Suite struct ReceivablesHeaderTests {
    /// The generated sample, an unapplied receipt (another customer's credit) and invoices due 49 and 21 days before
    /// 2026-11-29 (reminders due at "stop further credit" and "second notice"), a reminder every day overdue.
    static func seed(_ service: LedgerService) throws {
        try seedGenerated(service)
        try service.run(CreateCustomer(CustomerFields(code: "CLATE", name: "Riverside Supplies Co., Ltd. 3")))
        for (date, due) in [("2026-09-01", "2026-10-11"), ("2026-10-01", "2026-11-08")] {
            var post = PostInvoice(customerCode: "CLATE", date: CivilDate(iso: date)!, lines: [
                LineInput(description: "Copy paper A4", quantity: Quantity(3),
                          unitPrice: Money(minorUnits: 12_345, currency: .cny))])
            post.dueDate = CivilDate(iso: due)!
            post.creditOverrideReason = "test"
            try service.run(post)
        }
        // A reminder every day while overdue, so both are due on 2026-11-29.
        try service.run(SetReminderRules(ReminderRules(standardPolicy: ReminderPolicy(daysBeforeDue: [3],
                                                                                      overdueEveryDays: 1))))
        try service.run(CreateCustomer(CustomerFields(code: "CCRED", name: "Lakeside Trading Co., Ltd.")))
        try service.run(RecordReceipt(customerCode: "CCRED", date: CivilDate(iso: "2026-11-20")!,
                                      amount: Money(minorUnits: 77_777, currency: .cny), allocation: .none))
    }

    static let sizes = [Size(width: 80, height: 24), Size(width: 200, height: 50)]

    @Test(arguments: [Language.en, .zh], sizes)
    func theTotalsLineAgreesWithTheAgingBar(language: Language, size: Size) throws {
        var h = try AppHarness(language: language, size: size, seedLedger: Self.seed)
        h.press(.function(5))
        let s = Strings(language)
        let report = try #require(h.app.receivables.report)
        #expect(report.unappliedCredits == 77_777)
        // The totals: one line, or two at 80 columns (s34-fix3: the as-of date and every figure stay).
        let lines = h.screen()
        let first = try #require(lines.firstIndex { $0.contains(s.asOf) }, "\(h.text)")
        let header = lines[first] + "  " + lines[first + 1]
        let bar = report.buckets.reduce(Int64(0)) { $0 + $1.amount }
        #expect(bar == report.openTotal)
        func figure(_ minor: Int64) -> String { Money.format(minor, digits: 2, grouping: false) }
        // The lead figure is the bar's sum, under the same label at every width.
        #expect(ReportLayerTests.figure(after: s.openInvoicesTotal, in: header) == figure(bar), "\(header)")
        if let net = ReportLayerTests.figure(after: s.totalOpen, in: header) {
            // The net total only beside the unapplied credits that make the difference.
            #expect(net == figure(report.netReceivable), "\(header)")
            #expect(ReportLayerTests.figure(after: s.unappliedCredits, in: header) == figure(-report.unappliedCredits),
                    "\(header)")
        }
        if size.width == 200 { #expect(header.contains(s.totalOpen)) }
        // Tryout s33: the unapplied credits stay at 80×24 too, so the headline reads as `report aging`'s (open
        // invoices, then the credits); s34-fix3: so do the as-of date, the net total and DSO (on two lines).
        #expect(header.contains("\(s.asOf) \(h.context.today)"), "\(header)")
        #expect(ReportLayerTests.figure(after: s.totalOpen, in: header) == figure(report.netReceivable), "\(header)")
        #expect(header.contains(s.dso), "\(header)")
        #expect(ReportLayerTests.figure(after: s.unappliedCredits, in: header) == figure(-report.unappliedCredits),
                "\(header)")
        #expect(header.contains(s.overdueTotal), "\(header)")
        #expect(NothingCutTests.cutNumbers(in: h.screen()).isEmpty, "\(h.text)")
    }

    @Test(arguments: [Language.en, .zh], sizes)
    func theRemindersListShowsItsTitlesAndLevelsWhole(language: Language, size: Size) throws {
        var h = try AppHarness(language: language, size: size, seedLedger: Self.seed)
        h.press(.function(5))
        let s = Strings(language)
        #expect(h.app.receivables.showsReminders)
        let lines = h.screen()
        let title = try #require(lines.firstIndex { $0.contains(s.number) && $0.contains(s.customer) }, "\(h.text)")
        for column in [s.number, s.customer, s.openAmount, s.daysOverdue, s.level] {
            #expect(lines[title].contains(column), "\(column) in \(lines[title])")
        }
        // The last contact is the column that leaves at 80 columns; at 200 it is there, whole.
        #expect(lines[title].contains(s.lastContact) == (size.width == 200), "\(lines[title])")
        // Tryout s30: when it leaves, the header's right end says a column is hidden.
        let marker = language == .zh ? "另有1列" : "+1 column"
        #expect(lines[title].trimmingCharacters(in: .whitespaces).hasSuffix(marker) == (size.width == 80),
                "\(lines[title])")
        #expect(!lines[title].contains("~") && !lines[title].contains("…"), "\(lines[title])")
        // Every level shown is whole: the two late invoices' rows, found by the list's search.
        h.press(.char("/"))
        h.type("CLATE")
        h.press(.enter)
        let found = h.screen()
        var levels = Set<DunningLevel>()
        for row in h.app.receivables.reminders.items {
            let line = try #require(found.first { $0.contains(row.item.invoiceNumber) }, "\(h.text)")
            let level = row.item.level.displayName(chinese: language == .zh)
            #expect(line.contains(level), "\(level) in \(line)")
            levels.insert(row.item.level)
        }
        #expect(levels.contains(.stopCredit) && levels.contains(.secondNotice), "\(levels)")
    }
}
