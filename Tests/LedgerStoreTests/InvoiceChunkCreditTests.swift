import Foundation
import Testing
@testable import LedgerCore
import LedgerStore

/// s30-gen: a chunk of invoices (`BatchRunner.postInvoices`) posts credit notes on its own invoices inside it
/// (`creditNotes`), by `IssueLineCreditNote`'s rules: the rows, allocations, open amounts, balances and numbers are
/// the ones posting each invoice and then its note one by one writes, credit control counts the notes, and the
/// chunk is cut after a note that closes the oldest open invoice its position counts.
@Suite struct InvoiceChunkCreditTests {
    let base = InvoiceChunkTests()
    var today: CivilDate { base.today }

    /// What `InvoiceChunkTests.documents` compares, and the allocations.
    func rows(_ store: SQLiteLedgerStore) throws -> [String] {
        try base.documents(store) + [
            try store.scalar("SELECT group_concat(id || invoice_id || source || source_id || date || ':' || amount, "
                             + "';') FROM (SELECT * FROM allocation ORDER BY id)") ?? "",
            try store.scalar("SELECT group_concat(id || ':' || COALESCE(applies_to_id, '-') || kind || channel || "
                             + "region || COALESCE(salesperson_id, '-') || note, ';') "
                             + "FROM (SELECT * FROM document ORDER BY id)") ?? "",
        ]
    }

    /// An allowance of `minor` on line 1 of `invoice` (no tax on `base.invoice`'s line).
    func allowance(_ invoice: Invoice, _ minor: Int64, days: Int = 3) -> IssueLineCreditNote {
        IssueLineCreditNote(invoiceNumber: invoice.displayNumber, date: invoice.date.adding(days: days),
                            lines: [CreditLineRequest(line: 1, allowance: base.cny(minor))], reason: "折让")
    }

    /// Without override reasons: LIM's second sale of 6,000.00 fits its limit of 10,000.00 only because the note on
    /// the first (an allowance of 3,000.00) is counted; NEW's old invoice (at the stop level) is reversed whole, so
    /// its newer one is not held — the chunk is cut after that note and reads NEW's position again.
    func commands() -> (posts: [PostInvoice], notes: [Int: (Invoice) throws -> IssueLineCreditNote?]) {
        let posts = [base.invoice("LIM", today, override: false), base.invoice("LIM", today, override: false),
                     base.invoice("NEW", today.adding(days: -200), override: false),
                     base.invoice("NEW", today, override: false), base.invoice("C0001", today)]
        let notes: [Int: (Invoice) throws -> IssueLineCreditNote?] = [
            0: { allowance($0, 300_000) },
            2: { IssueLineCreditNote(invoiceNumber: $0.displayNumber, date: today, reason: "退货") },
            3: { _ in nil },
            4: { allowance($0, 100_000, days: 0) },
        ]
        return (posts, notes)
    }

    @Test func notesInsideTheChunkWriteWhatTheCommandsWriteOneByOne() throws {
        let (folder, store, service) = try base.ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (otherFolder, other, otherService) = try base.ledger()
        defer { try? FileManager.default.removeItem(atPath: otherFolder) }
        let (posts, notes) = commands()
        let posted = try service.runChunked { runner in try runner.postInvoices(posts, creditNotes: notes) }
        for (index, post) in posts.enumerated() {
            let invoice = try otherService.run(post)
            if let note = try notes[index]?(invoice) { try otherService.run(note) }
        }
        #expect(try rows(store) == rows(other))
        #expect(try store.recomputeMaintainedBalances().isEmpty)
        #expect(try store.verifyAuditChain() == nil)
        #expect(try store.scalar("SELECT COUNT(*) FROM bulk_suspend") == "0")
        // Independently: five invoices, three notes, each right after its invoice and allocated to it.
        #expect(posted.count == 5)
        #expect(try store.scalar("""
            SELECT group_concat(d.kind || ':' || d.total || ':' || COALESCE(a.amount, '-'), ' ')
            FROM (SELECT * FROM document WHERE id > \(posted[0].id - 1) ORDER BY id) d
            LEFT JOIN allocation a ON a.source = 'credit_note' AND a.source_id = d.id
            """) == "invoice:600000:- credit_note:300000:300000 invoice:600000:- invoice:600000:- "
            + "credit_note:600000:600000 invoice:600000:- invoice:600000:- credit_note:100000:100000")
        #expect(try store.scalar("""
            SELECT b.open_invoices || '/' || b.open_invoice_count FROM customer_balance b
            JOIN customer c ON c.id = b.customer_id WHERE c.code = 'LIM'
            """) == "900000/2")
        // The same audit lines (command, payload, changes, outcome) in the same order: five posts, three notes.
        func lines(_ store: SQLiteLedgerStore) throws -> [String] {
            try store.auditLog(filter: .all).map {
                [$0.command, $0.payload, $0.changes, $0.outcome].joined(separator: "|")
            }
        }
        let chunkLines = try lines(store), oneByOne = try lines(other)
        #expect(chunkLines == oneByOne)
        #expect(chunkLines.suffix(8).map { $0.prefix { $0 != "|" } } == [
            "invoice.post", "credit_note.issue_lines", "invoice.post", "invoice.post", "credit_note.issue_lines",
            "invoice.post", "invoice.post", "credit_note.issue_lines"])
    }

    /// A note that fails its checks (dated before its invoice) throws, and nothing of the chunk is written.
    @Test func aRefusedNoteWritesNothing() throws {
        let (folder, store, service) = try base.ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try rows(store)
        let notes: [Int: (Invoice) throws -> IssueLineCreditNote?] = [1: { allowance($0, 1_000, days: -1) }]
        let error = #expect(throws: LedgerError.self) {
            try service.runChunked { runner in
                try runner.postInvoices([base.invoice("LIM", today), base.invoice("NEW", today)], creditNotes: notes)
            }
        }
        #expect(error?.fieldIssues.map(\.path) == ["date"])
        #expect(try rows(store) == before)
    }

    @Test func positionCreditingLowersTheOpenSumAndRefusesToGuessTheNextOldest() {
        let position = CreditPosition(openInvoices: 900, overdue: 0, unappliedCredit: 20,
                                      oldestOpen: ("INV-2026-000009", CivilDate(iso: "2026-03-01")!))
        #expect(position.crediting(allocated: 300, unapplied: 50, number: "INV-2026-000009", closed: false)
                == CreditPosition(openInvoices: 600, overdue: 0, unappliedCredit: 70,
                                  oldestOpen: ("INV-2026-000009", CivilDate(iso: "2026-03-01")!)))
        #expect(position.crediting(allocated: 300, unapplied: 0, number: "INV-2026-000002", closed: true)?
                    .openInvoices == 600)
        #expect(position.crediting(allocated: 300, unapplied: 0, number: "INV-2026-000009", closed: true) == nil)
    }
}
