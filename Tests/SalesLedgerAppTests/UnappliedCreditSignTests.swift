import Testing
import LedgerCore
import LedgerReports
import TerminalUI
@testable import SalesLedgerApp

/// Tryout s33: `statement C002` (CLI) said `Unapplied credit -500.00`, the statement on screen (F4 → customer → s)
/// said `500.00`. One sign from the one statement report: the screen's aging line, the CLI's aging table
/// (`StatementTable.aging`, what `statement` prints), F5's totals and `report aging` all show it negative.
@Suite struct UnappliedCreditSignTests {
    /// One customer: an invoice of 1,000.00 on 2026-09-10, receipts of 1,000.00 (applied) and 500.00 (unapplied).
    static func seed(_ service: LedgerService) throws {
        try service.run(CreateCustomer(CustomerFields(code: "C002", name: "Wuhan Yangtze Machinery")))
        var post = PostInvoice(customerCode: "C002", date: CivilDate(iso: "2026-09-10")!, lines: [
            LineInput(description: "Pump", quantity: Quantity(1),
                      unitPrice: Money(minorUnits: 100_000, currency: .cny))])
        post.creditOverrideReason = "test"
        try service.run(post)
        try service.run(RecordReceipt(customerCode: "C002", date: CivilDate(iso: "2026-10-01")!,
                                      amount: Money(minorUnits: 100_000, currency: .cny), allocation: .auto))
        try service.run(RecordReceipt(customerCode: "C002", date: CivilDate(iso: "2026-10-02")!,
                                      amount: Money(minorUnits: 50_000, currency: .cny), allocation: .none))
    }

    @Test(arguments: [Language.en, .zh]) func theStatementScreenTheCLIAndTheAgingAgree(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 120, height: 30), seedLedger: Self.seed)
        let w = StatementWords(chinese: language == .zh)
        // The CLI's statement (`statement C002 --from 2026-09-01`): its aging table.
        let statement = try #require(try Reports(store: h.store).statement(
            customerCode: "C002", from: CivilDate(iso: "2026-09-01")!, to: CivilDate(iso: "2026-11-29")!))
        #expect(statement.unappliedCredit == 50_000)
        let cli = ReportRenderer.text(StatementTable.aging(statement, w), chinese: w.chinese)
        let cliLine = try #require(cli.split(separator: "\n").first { $0.contains(w.unappliedCredit) }, "\(cli)")
        #expect(cliLine.contains("-500.00"), "\(cliLine)")

        h.press(.function(4), .enter, .char("s"))
        let footer = h.screen().suffix(4).joined(separator: " ")
        #expect(footer.contains("\(w.unappliedCredit) -500.00"), "\(h.text)")
        #expect(!footer.contains("\(w.unappliedCredit) 500.00"), "\(footer)")

        // F5's totals line and `report aging`'s credit row: the same sign.
        h.press(.escape, .escape, .function(5))
        let s = Strings(language)
        #expect(h.text.contains("\(s.unappliedCredits) -500.00"), "\(h.text)")
        let aging = try #require(try Reports(store: h.store).aging(asOf: CivilDate(iso: "2026-11-29")!).first)
        #expect(aging.unappliedCreditsShown == -50_000)
        #expect(AgingTable.buckets(aging).rows.last?[1] == .amount(-50_000, .cny))
    }
}
