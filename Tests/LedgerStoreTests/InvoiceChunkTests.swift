import Foundation
import Testing
@testable import LedgerCore
import LedgerInterop
import LedgerStore

/// Issue 10: a chunk of invoices (`BatchRunner.postInvoices`) is checked in memory by `PostInvoice`'s rules, with
/// credit control taking the customer's stored position moved by the chunk's own invoices, and written set-based
/// inside a bulk chunk. It writes the rows, open amounts and balances that posting the same invoices one by one
/// writes, holds the invoice the one-by-one posts hold (with the same reasons), and keeps the chain and the
/// maintained balances.
@Suite struct InvoiceChunkTests {
    let today = CivilDate(iso: "2026-11-29")!

    func ledger() throws -> (folder: String, store: SQLiteLedgerStore, service: LedgerService) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ichunk-\(UUID().uuidString)").path
        let store = try SQLiteLedgerStore(path: folder + "/ledger.sqlite")
        let service = LedgerService(store: store, clock: FixedClock(today), actor: "loader", role: .admin)
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        _ = try service.runBatch {
            try SampleGenerator(language: .zh, customers: 6, invoices: 60, seed: 5, today: today, cities: cities)
                .load(into: $0)
        }
        var limited = CustomerFields(code: "LIM", name: "限额客户")
        limited.creditLimit = cny(1_000_000)
        try service.run(CreateCustomer(limited))
        try service.run(CreateCustomer(CustomerFields(code: "NEW", name: "新客户")))
        return (folder, store, service)
    }

    func cny(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .cny) }

    /// Documents, lines, open items, balances and numbers as text: what makes two ledgers' invoices the same.
    func documents(_ store: SQLiteLedgerStore) throws -> [String] {
        try [
            "SELECT group_concat(id || display_number || date || due_date || customer_id || total || status, ';') "
                + "FROM (SELECT * FROM document ORDER BY id)",
            "SELECT group_concat(document_id || line_no || net_amount || tax_amount, ';') "
                + "FROM (SELECT * FROM document_line ORDER BY 1, 2)",
            "SELECT group_concat(kind || id || customer_id || due_date || ':' || open_amount, ';') "
                + "FROM (SELECT * FROM open_item ORDER BY kind, id)",
            "SELECT group_concat(customer_id || currency || ':' || open_invoices || '/' || open_invoice_count || '/' "
                + "|| unapplied_credits || '/' || COALESCE(earliest_open_due, '-'), ';') "
                + "FROM (SELECT * FROM customer_balance ORDER BY 1, 2)",
            "SELECT group_concat(series || year || ':' || last_number) FROM number_series",
            "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name)",
        ].map { try store.scalar($0) ?? "" }
    }

    /// An invoice of one line of 6,000.00 (no product, no tax) for `customer` on `date`.
    func invoice(_ customer: String, _ date: CivilDate, override: Bool = true) -> PostInvoice {
        var post = PostInvoice(customerCode: customer, date: date,
                               lines: [LineInput(description: "服务费", quantity: Quantity(1), unitPrice: cny(600_000))])
        post.creditOverrideReason = override ? "test" : nil
        return post
    }

    /// Two sales over LIM's limit of 10,000.00 together (each under it), an old one for NEW (at the stop level
    /// already) followed by a newer one, and one for a generated customer whose stored invoices are overdue.
    func commands(override: Bool = true) -> [PostInvoice] {
        [invoice("LIM", today, override: override), invoice("NEW", today.adding(days: -200), override: override),
         invoice("LIM", today, override: override), invoice("NEW", today, override: override),
         invoice("C0001", today, override: override)]
    }

    @Test func aChunkWritesWhatThePostsWriteOneByOne() throws {
        let (folder, store, service) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (otherFolder, other, otherService) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: otherFolder) }
        #expect(try documents(store) == documents(other))
        let posted = try service.runChunked { runner in try runner.postInvoices(commands()) }
        for command in commands() { try otherService.run(command) }
        #expect(try documents(store) == documents(other))
        #expect(try store.recomputeMaintainedBalances().isEmpty)
        #expect(try store.verifyAuditChain() == nil)
        // Independently: LIM owes both sales, NEW's earliest due date is its old invoice's (net 30).
        #expect(posted.map(\.total.minorUnits) == Array(repeating: 600_000, count: 5))
        #expect(try store.scalar("""
            SELECT b.open_invoices || '/' || b.open_invoice_count || '/' || b.earliest_open_due
            FROM customer_balance b JOIN customer c ON c.id = b.customer_id WHERE c.code = 'LIM'
            """) == "1200000/2/\(today.adding(days: 30))")
        #expect(try store.scalar("""
            SELECT b.earliest_open_due FROM customer_balance b JOIN customer c ON c.id = b.customer_id
            WHERE c.code = 'NEW'
            """) == today.adding(days: -170).description)
        // Numbered in order, gapless.
        let numbers = posted.map(\.number)
        #expect(numbers == Array(numbers[0]...(numbers[0] + 4)))
    }

    /// A large chunk (600 invoices over every customer, dated up to 300 days back, so overdue ones of the chunk hold
    /// the later ones), written set-based with the triggers suspended: the same rows, balances and triggers as one
    /// by one, and the triggers on again after it (`bulk_suspend` empty).
    @Test func aLargeChunkWrittenSetBasedWritesWhatThePostsWrite() throws {
        let (folder, store, service) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (otherFolder, other, otherService) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: otherFolder) }
        let codes = ["C0001", "C0002", "C0003", "C0004", "C0005", "C0006", "LIM", "NEW"]
        let commands = (0..<600).map { invoice(codes[$0 % codes.count], today.adding(days: -($0 % 300))) }
        _ = try service.runChunked { runner in try runner.postInvoices(commands) }
        for command in commands { try otherService.run(command) }
        #expect(try documents(store) == documents(other))
        #expect(try store.scalar("SELECT COUNT(*) FROM bulk_suspend") == "0")
        #expect(try store.recomputeMaintainedBalances().isEmpty)
        #expect(try store.verifyAuditChain() == nil)
        // Independently: LIM's 75 sales of 6,000.00 are all open.
        #expect(try store.scalar("""
            SELECT b.open_invoices || '/' || b.open_invoice_count FROM customer_balance b
            JOIN customer c ON c.id = b.customer_id WHERE c.code = 'LIM'
            """) == "\(75 * 600_000)/75")
    }

    /// Without an override reason, the chunk stops at the invoice the one-by-one posts stop at, with its reasons:
    /// LIM's second sale (over the limit with the first, which the chunk counts), and nothing of the chunk is written.
    @Test func theChunkHoldsWhatThePostsHold() throws {
        let (folder, store, service) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (otherFolder, _, otherService) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: otherFolder) }
        let before = try documents(store)
        var chunkError: LedgerError?
        do { _ = try service.runChunked { runner in try runner.postInvoices(commands(override: false)) } } catch {
            chunkError = error
        }
        #expect(try documents(store) == before)
        var singleError: LedgerError?
        for command in commands(override: false) {
            do { try otherService.run(command) } catch {
                singleError = error
                break
            }
        }
        guard case let .creditHold(reasons)? = chunkError else {
            Issue.record("expected a credit hold, got \(String(describing: chunkError))")
            return
        }
        #expect(reasons == ["balance would be 12,000.00, over the credit limit 10,000.00 CNY"])
        #expect(chunkError == singleError)
        // NEW's second sale is held by its first (at the stop level), which only the chunk holds.
        let newOnly = [invoice("NEW", today.adding(days: -200), override: false), invoice("NEW", today, override: false)]
        let error = #expect(throws: LedgerError.self) {
            try service.runChunked { runner in try runner.postInvoices(newOnly) }
        }
        guard case let .creditHold(newReasons)? = error else { return }
        let year = today.adding(days: -200).year
        let number = try #require(store.scalar("""
            SELECT last_number + 1 FROM number_series WHERE series = 'INV' AND year = \(year)
            """).flatMap { Int($0) })
        let expected = Invoice.formatNumber(series: "INV", year: year, number: number)
        #expect(newReasons == ["invoice \(expected) is 170 days overdue (stop further credit from 45 days)"])
    }

    /// The oldest open invoice that names a hold is read for all the chunk's customers at once: a sale, without
    /// an override, for each generated customer is held or posted as a one-by-one post is, with the same reasons
    /// (each names its customer's own oldest open invoice).
    @Test func holdsNameEachCustomersOldestInvoiceAsThePostsDo() throws {
        let (folder, _, service) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (otherFolder, _, otherService) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: otherFolder) }
        let sales = (1...6).map { invoice(String(format: "C%04d", $0), today, override: false) }
        var chunkRefusals: [String] = []
        _ = try service.runChunked { runner in
            try runner.postInvoices(sales) { index, error in chunkRefusals.append("\(index): \(error)") }
        }
        var singleRefusals: [String] = []
        for (index, sale) in sales.enumerated() {
            do { try otherService.run(sale) } catch { singleRefusals.append("\(index): \(error)") }
        }
        #expect(chunkRefusals == singleRefusals)
        #expect(chunkRefusals.map { $0.split(separator: " ").filter { $0.hasPrefix("INV-") } }
                == [["INV-2026-000013"], ["INV-2026-000021"], ["INV-2026-000006"], ["INV-2025-000009"]])
    }

    /// With `refused`, an invoice the checks refuse (an unknown customer, a due date before the date) is handed
    /// over with its index and left out; the others are posted as one by one, numbered without a gap.
    @Test func refusedInvoicesAreNamedAndTheOthersPosted() throws {
        let (folder, store, service) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (otherFolder, other, otherService) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: otherFolder) }
        var early = invoice("LIM", today)
        early.dueDate = today.adding(days: -1)
        var commands = commands()
        commands.insert(invoice("NOBODY", today), at: 1)
        commands.insert(early, at: 4)
        var refusals: [(Int, LedgerError)] = []
        let posted = try service.runChunked { runner in
            try runner.postInvoices(commands) { refusals.append(($0, $1)) }
        }
        for (index, command) in commands.enumerated() where ![1, 4].contains(index) { try otherService.run(command) }
        #expect(refusals.map(\.0) == [1, 4])
        #expect(refusals.map { $0.1.fieldIssues.map(\.path) } == [["customer"], ["dueDate"]])
        #expect(posted.count == 5)
        #expect(try documents(store) == documents(other))
        #expect(try store.verifyAuditChain() == nil)
        let numbers = posted.map(\.number)
        #expect(numbers == Array(numbers[0]...(numbers[0] + 4)))
    }

    /// The chunk's documents and lines go in as bound values (`BoundInsert`): texts with quotes, backslashes,
    /// Chinese and emoji come back as written, an absent salesperson is NULL, amounts are integers.
    @Test func textsAndNullsComeBackAsWritten() throws {
        let (folder, store, service) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let description = #"引号 "q" \ back\slash 😀 '单'"#
        var post = PostInvoice(customerCode: "NEW", date: today,
                               lines: [LineInput(description: description, quantity: Quantity(1),
                                                 unitPrice: cny(123_456))])
        post.note = #"a"b\c"#
        post.externalReference = #"X"\1"#
        let posted = try service.runChunked { runner in try runner.postInvoices([invoice("LIM", today), post]) }
        let id = try #require(posted.last?.id)
        #expect(try store.scalar("SELECT note || '|' || external_ref || '|' || typeof(salesperson_id) || '|' "
                                 + "|| typeof(total) || '|' || total FROM document WHERE id = \(id)")
                == #"a"b\c|X"\1|null|integer|123456"#)
        #expect(try store.scalar("SELECT description FROM document_line WHERE document_id = \(id)") == description)
        #expect(try store.scalar("SELECT COUNT(*) FROM document_line WHERE document_id = \(id - 1)") == "1")
    }

    @Test func positionAddingCountsTheSaleAndKeepsTheOldest() {
        let base = CreditPosition(openInvoices: 500, overdue: 0, unappliedCredit: 20,
                                  oldestOpen: ("INV-2026-000009", CivilDate(iso: "2026-03-01")!))
        let later = base.adding(open: 300, number: "INV-2026-000002", dueDate: CivilDate(iso: "2026-04-01")!)
        #expect(later == CreditPosition(openInvoices: 800, overdue: 0, unappliedCredit: 20,
                                        oldestOpen: ("INV-2026-000009", CivilDate(iso: "2026-03-01")!)))
        let sameDay = base.adding(open: 1, number: "INV-2026-000003", dueDate: CivilDate(iso: "2026-03-01")!)
        #expect(sameDay.oldestOpen?.number == "INV-2026-000003")
        let none = CreditPosition(openInvoices: .max - 1, overdue: 0, unappliedCredit: 0, oldestOpen: nil)
            .adding(open: 5, number: "INV-2026-000004", dueDate: CivilDate(iso: "2026-05-01")!)
        #expect(none.openInvoices == .max)
        #expect(none.oldestOpen?.number == "INV-2026-000004")
    }

    /// A chunk whose every post carries an override reason does not read the oldest open invoices' numbers (issue
    /// 10): the positions equal the naming ones but for the number, which is empty, so the holds are decided
    /// alike, and such a chunk writes what the posts one by one write.
    @Test func overriddenChunksDecideHoldsWithoutTheNumbers() throws {
        let (folder, store, service) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let wanted = try (1...6).map { n -> (customerID: Int64, currency: Currency, stopCreditFromDays: Int) in
            let customer = try #require(try store.customer(code: String(format: "C%04d", n)))
            return (customer.id, customer.currency, 45)
        }
        let (named, unnamed) = try store.write { tx in
            (try tx.creditHoldPositions(wanted, asOf: today, naming: true),
             try tx.creditHoldPositions(wanted, asOf: today, naming: false))
        }
        #expect(named.filter { $0.oldestOpen != nil }.count == 4)
        for (a, b) in zip(named, unnamed) {
            #expect(a.openInvoices == b.openInvoices && a.unappliedCredit == b.unappliedCredit)
            #expect(a.oldestOpen?.dueDate == b.oldestOpen?.dueDate)
            #expect(b.oldestOpen.map { $0.number.isEmpty } ?? true)
        }
        let (otherFolder, otherStore, otherService) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: otherFolder) }
        let sales = (1...6).map { invoice(String(format: "C%04d", $0), today) }
        _ = try service.runChunked { runner in try runner.postInvoices(sales) }
        for sale in sales { try otherService.run(sale) }
        #expect(try documents(store) == documents(otherStore))
    }
}
