import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// s34-fix: `invoice post` reported some field errors only once the others were fixed (a zero total after a due date
/// before the invoice date), and imports reported the ledger's checks only under --dry-run: every error of the input
/// is reported at once, the same with and without --dry-run.
@Suite struct AllErrorsAtOnceTests {
    @Test func aZeroTotalIsReportedWithTheOtherFieldErrors() throws {
        let l = try TestLedger(today: "2025-06-30")
        try l.customer("C1")
        var post = PostInvoice(customerCode: "C1", date: date("2025-06-30"),
                               lines: [LineInput(description: "free", quantity: Quantity(1), unitPrice: cny("0.00"))])
        post.dueDate = date("2025-06-01")
        let error = #expect(throws: LedgerError.self) { try l.service.run(post) }
        #expect(error?.fieldIssues.map(\.description) == [
            "dueDate: due date 2025-06-01 is before the invoice date 2025-06-30",
            "lines: the document total is 0; there is nothing to post",
        ])
        #expect(l.service.validationIssues(of: post).count == 2)
    }

    @Test func importCustomersReportsTheLedgersChecksWithoutDryRunToo() throws {
        let l = try TestLedger(today: "2025-06-30")
        try l.customer("K1", "Existing")
        // Row 2: the file's checks (no name); row 3: the ledger's (the code exists).
        let text = "code,name\nK2,\nK1,Again\nK3,Fine\n"
        for dryRun in [true, false] {
            let file = try DelimitedFile.parse(data: Data(text.utf8), source: "c.csv")
            let result = try DataImport(file: file, kind: .customers, settings: ImportSettings())
                .run(service: l.service, dryRun: dryRun)
            #expect(!result.written)
            #expect(result.rejected.problems().map(\.description) == [
                "row 2, column name: is empty",
                "row 3, column code: customer K1 already exists (use --update to change it)",
            ], "dry run \(dryRun)")
        }
        #expect(try l.store.customer(code: "K3") == nil)
    }
}
