import Testing
@testable import LedgerCore
import LedgerStore

/// Receipts, allocation, credit notes, reversal, write-off and aging edges through the store.
@Suite struct ReceivablesDocumentTests {
    @Test func partialAndOverPaymentAutoAllocatedOldestDueFirst() throws {
        let ledger = try RecvLedger(today: "2025-03-31")
        try ledger.customer("C1")
        let late = try ledger.invoice("C1", "2025-01-20", "300.00")                       // due 02-19
        let early = try ledger.invoice("C1", "2025-01-05", "200.00", due: "2025-03-15")   // due 03-15
        let first = try ledger.invoice("C1", "2025-01-10", "100.00", due: "2025-02-01")   // due 02-01
        // Partial: 250 goes to the oldest due (first 100), then 150 of `late` (due 02-19).
        let partial = try ledger.receipt("C1", "2025-03-01", "250.00")
        #expect(partial.allocation.allocations.map(\.invoiceID) == [first.id, late.id])
        #expect(partial.allocation.unapplied.minorUnits == 0)
        #expect(try ledger.open(first.displayNumber) == 0)
        #expect(try ledger.open(late.displayNumber) == (try minor("150")))
        #expect(try ledger.open(early.displayNumber) == (try minor("200")))
        // Over-payment: 500 closes both, 150 stays as unapplied credit.
        let over = try ledger.receipt("C1", "2025-03-10", "500.00")
        #expect(over.allocation.unapplied == (try money("150")))
        #expect(try ledger.balance("C1") == (try minor("-150")))
        // A later invoice uses the credit through AllocateCredit.
        let next = try ledger.invoice("C1", "2025-03-20", "400.00")
        let used = try ledger.service.run(AllocateCredit(number: over.receipt.displayNumber))
        #expect(used.allocations.map(\.invoiceID) == [next.id])
        #expect(try ledger.open(next.displayNumber) == (try minor("250")))
        #expect(try ledger.balance("C1") == (try minor("250")))
        #expect(throws: LedgerError.self) { try ledger.service.run(AllocateCredit(number: over.receipt.displayNumber)) }
    }

    @Test func manualPartsForOneInvoiceCannotExceedItsOpenBalance() throws {
        let ledger = try RecvLedger(today: "2025-03-31")
        try ledger.customer("C1")
        let inv = try ledger.invoice("C1", "2025-03-01", "100.00")
        let error = #expect(throws: LedgerError.self) {
            try ledger.receipt("C1", "2025-03-05", "120.00", try plan([(inv.displayNumber, "60"), (inv.displayNumber, "60")]))
        }
        #expect(error?.fieldIssues.map(\.path) == ["allocations[2].amount"])
        #expect(try ledger.open(inv.displayNumber) == (try minor("100")))
    }

    @Test func creditNotesLinkedAndStandaloneAndVoidRefusedWhileAllocated() throws {
        let ledger = try RecvLedger(today: "2025-06-30")
        try ledger.customer("C1")
        let inv = try ledger.invoice("C1", "2025-06-01", "500.00")
        // Linked credit note larger than the open balance: 300 applied after a 250 receipt, excess 50 stays credit.
        try ledger.receipt("C1", "2025-06-05", "250.00", try plan([(inv.displayNumber, "250")]))
        let linked = try ledger.creditNote("C1", "2025-06-10", "300.00", appliesTo: inv.displayNumber)
        #expect(linked.allocation.allocations.map(\.amount) == [try money("250")])
        #expect(linked.allocation.unapplied == (try money("50")))
        #expect(try ledger.open(inv.displayNumber) == 0)
        #expect(try ledger.balance("C1") == (try minor("-50")))
        // Void of the invoice is refused while allocations exist.
        #expect(throws: LedgerError.self) { try ledger.service.run(VoidInvoice(number: inv.displayNumber, reason: "wrong")) }
        let standalone = try ledger.creditNote("C1", "2025-06-20", "20.00")
        #expect(standalone.allocation.allocations.isEmpty)
        #expect(try ledger.balance("C1") == (try minor("-70")))
    }

    @Test func reversalReopensTheInvoiceFromItsDateOnAndWriteOffIsReportedApart() throws {
        let ledger = try RecvLedger(today: "2025-05-10")
        try ledger.customer("C1")
        let inv = try ledger.invoice("C1", "2025-04-01", "100.00")
        let paid = try ledger.receipt("C1", "2025-04-15", "100.00")
        let allocationID = try #require(paid.allocation.allocations.first?.id)
        try ledger.setToday("2025-05-20")
        let reversal = try ledger.service.run(ReverseAllocation(allocationID: allocationID, reason: "cheque bounced"))
        #expect(reversal.amount == (try money("-100")))
        #expect(reversal.date == (try day("2025-05-20")))
        #expect(throws: LedgerError.self) { try ledger.service.run(ReverseAllocation(allocationID: allocationID, reason: "again")) }
        // Aging before the reversal date still shows it paid; after, open again with the receipt as credit.
        #expect(try ledger.aging(asOf: "2025-05-19").first?.openTotal ?? 0 == 0)
        let after = try #require(try ledger.aging(asOf: "2025-05-20").first)
        #expect(after.openTotal == (try minor("100")))
        #expect(after.unappliedCredits == (try minor("100")))
        #expect(after.netReceivable == 0)
        // Write-off: manager only, closes the balance, shown as its own statement line.
        try ledger.setToday("2025-06-30", role: .clerk)
        #expect(throws: LedgerError.self) { try ledger.service.run(WriteOffInvoice(number: inv.displayNumber, reason: "gone")) }
        try ledger.setToday("2025-06-30", role: .manager)
        // First give the receipt back to another use: here it stays as credit; write off the open 100.
        let writeOff = try ledger.service.run(WriteOffInvoice(number: inv.displayNumber, reason: "customer insolvent"))
        #expect(writeOff.source == .writeOff)
        #expect(try ledger.open(inv.displayNumber) == 0)
        let snapshot = try ledger.snapshot()
        let customer = try #require(snapshot.customers.first)
        let statement = CustomerStatement.make(customer: customer, from: try day("2025-04-01"), to: try day("2025-06-30"),
                                               snapshot: snapshot)
        #expect(statement.writtenOff == (try minor("100")))
        let writeOffs = try ledger.store.writeOffRows(from: try day("2025-06-01"), to: try day("2025-06-30"))
        #expect(writeOffs == ReceivablesFigures.writeOffs(from: try day("2025-06-01"), to: try day("2025-06-30"), snapshot: snapshot))
        #expect(writeOffs.map(\.invoiceNumber) == [inv.displayNumber])
        #expect(writeOffs.map(\.amount) == [try minor("100")])
        #expect(writeOffs.map(\.reason) == ["customer insolvent"])
        #expect(statement.lines.map(\.kind) == [.invoice, .receipt, .writeOff])
        #expect(statement.closingBalance == (try minor("-100")))
        #expect(statement.closingBalance == snapshot.customerBalance(customerID: customer.id, currency: .cny, asOf: try day("2025-06-30")))
    }

    @Test func receiptsAfterTheAsOfDateDoNotCountAndDueOnTheDateIsCurrent() throws {
        let ledger = try RecvLedger(today: "2025-07-31")
        try ledger.customer("C1")
        let inv = try ledger.invoice("C1", "2025-05-31", "100.00")   // NET30 → due 2025-06-30
        #expect(inv.dueDate == (try day("2025-06-30")))
        try ledger.receipt("C1", "2025-07-05", "40.00")
        let onDue = try #require(try ledger.aging(asOf: "2025-06-30").first)
        #expect(onDue.buckets[0].amount == (try minor("100")))
        #expect(onDue.overdueTotal == 0)
        let dayAfter = try #require(try ledger.aging(asOf: "2025-07-01").first)
        #expect(dayAfter.buckets[1].amount == (try minor("100")))
        let later = try #require(try ledger.aging(asOf: "2025-07-05").first)
        #expect(later.buckets[1].amount == (try minor("60")))
        // Invoice dated after the as-of date is not in the report at all.
        #expect(try ledger.aging(asOf: "2025-05-30").isEmpty)
        // Aging by invoice date: 31 days after invoicing on 07-01.
        let byInvoice = try #require(try ledger.aging(asOf: "2025-07-01", basis: .invoiceDate).first)
        #expect(byInvoice.buckets.map(\.label) == ["0-30", "31-60", "61-90", "91+"])
        #expect(byInvoice.buckets[1].amount == (try minor("100")))
        #expect(byInvoice.overdueTotal == (try minor("100")))
    }

    @Test func monthEndTermsAndLeapYears() throws {
        let ledger = try RecvLedger(today: "2024-04-30")
        try ledger.customer("C1", terms: .endOfMonthPlusDays(30))
        // 月结30天 from a leap February: end of Feb 2024 is the 29th, + 30 days = 2024-03-30.
        let feb = try ledger.invoice("C1", "2024-02-10", "100.00")
        #expect(feb.dueDate == (try day("2024-03-30")))
        let net1m = try ledger.invoice("C1", "2024-01-31", "50.00", terms: .netMonths(1))
        #expect(net1m.dueDate == (try day("2024-02-29")))
        let eom1m = try ledger.invoice("C1", "2023-01-15", "10.00", terms: .endOfMonthPlusMonths(1))
        #expect(eom1m.dueDate == (try day("2023-02-28")))
        // As of 2024-03-01, the NET1M invoice (due 02-29) is 1 day overdue across the leap day.
        let report = try #require(try ledger.aging(asOf: "2024-03-01").first)
        #expect(report.buckets[0].amount == (try minor("100")))
        #expect(report.buckets[1].amount == (try minor("50")))
        #expect(report.buckets[4].amount == (try minor("10")))   // due 2023-02-28: 367 days overdue → 91+
    }

    @Test func currenciesStayInDocumentCurrencyAndConvertForReports() throws {
        let ledger = try RecvLedger(today: "2025-06-30")
        try ledger.customer("CN1", currency: .cny)
        try ledger.customer("US1", currency: .usd)
        try ledger.invoice("CN1", "2025-06-01", "1000.00")
        try ledger.invoice("US1", "2025-06-01", "100.00", currency: .usd)
        #expect(throws: LedgerError.self) { try ledger.receipt("US1", "2025-06-02", "10.00") }  // CNY money for a USD customer
        try ledger.service.run(SetBaseCurrency(currencyCode: "CNY"))
        try ledger.service.run(SetExchangeRate(date: try day("2025-06-01"), currencyCode: "USD",
                                               perMillion: try ExchangeRate.parsePerMillion("7.1")))
        try ledger.service.run(SetExchangeRate(date: try day("2025-06-20"), currencyCode: "USD",
                                               perMillion: try ExchangeRate.parsePerMillion("7.2")))
        let rates = try ledger.store.exchangeRates()
        #expect(rates.base == .cny)
        #expect(rates.convert(try money("100", .usd), on: try day("2025-06-19")) == (try money("710")))
        #expect(rates.convert(try money("100", .usd), on: try day("2025-06-30")) == (try money("720")))
        #expect(rates.convert(try money("0.01", .usd), on: try day("2025-06-30")) == (try money("0.07")))
        #expect(rates.convert(try money("100", .eur), on: try day("2025-06-30")) == nil)
        #expect(ExchangeRateTable.convert(1000, from: .jpy, to: .cny, perMillion: 48_500) == 4850)   // ¥1000 → 48.50 CNY
        let reports = try ledger.aging(asOf: "2025-06-30")
        #expect(reports.map(\.currency.code) == ["CNY", "USD"])
        #expect(reports.map(\.openTotal) == [try minor("1000"), try minor("100")])
        // Converted DSO: AR 1000 + 720 at the end rate; sales 1000 + 710 at the document-date rate; 30 days.
        let dso = try #require(ReceivablesFigures.convertedDSO(from: try day("2025-06-01"), to: try day("2025-06-30"),
                                                                snapshot: try ledger.snapshot(), rates: rates))
        #expect(dso.receivablesAtEnd == (try minor("1720")))
        #expect(dso.creditSales == (try minor("1710")))
        #expect(dso.tenths == 302)   // 1720 / 1710 × 30 = 30.175… → 30.2
        #expect(throws: LedgerError.self) {
            try ledger.service.run(SetExchangeRate(date: try day("2025-06-01"), currencyCode: "CNY", perMillion: 1_000_000))
        }
    }

    /// A back-dated receipt after a reversal must not make the invoice over-allocated as of an earlier date.
    @Test func allocationsAreNeverDatedBeforeEarlierOnesOnTheInvoice() throws {
        let ledger = try RecvLedger(today: "2025-01-10")
        try ledger.customer("C1")
        let inv = try ledger.invoice("C1", "2025-01-01", "100.00")
        let first = try ledger.receipt("C1", "2025-01-10", "100.00")
        try ledger.setToday("2025-02-01")
        try ledger.service.run(ReverseAllocation(allocationID: try #require(first.allocation.allocations.first?.id), reason: "bounced"))
        let late = try ledger.receipt("C1", "2025-01-20", "100.00")
        #expect(late.allocation.allocations.first?.date == (try day("2025-02-01")))
        #expect(try ledger.open(inv.displayNumber) == 0)
        let snapshot = try ledger.snapshot()
        let doc = try #require(snapshot.documents.first)
        var date = try day("2025-01-01")
        while date <= (try day("2025-02-05")) {
            #expect(snapshot.openBalance(of: doc, asOf: date) >= 0, "as of \(date)")
            date = date.adding(days: 1)
        }
    }
}
