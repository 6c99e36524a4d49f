import Foundation
import GRDB
import Testing
import LedgerCore
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// Issue 9: a screen whose query fails shows the cause and what to do — never an empty list.
@Suite struct ReadFailureTests {
    /// A generated ledger in a file (WAL), then closed.
    static func ledgerFile() throws -> (folder: String, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readfail-\(UUID().uuidString)").path
        let path = folder + "/ledger.sqlite"
        let store = try SQLiteLedgerStore(path: path)
        let service = LedgerService(store: store, clock: FixedClock(CivilDate(iso: "2026-11-29")!), actor: "t", role: .admin)
        try seedGenerated(service)
        return (folder, path)
    }

    static func app(path: String, language: Language) throws -> (LedgerApp, AppContext) {
        let store = try SQLiteLedgerStore(path: path, busyTimeoutSeconds: 0.1)
        let service = LedgerService(store: store, clock: FixedClock(CivilDate(iso: "2026-11-29")!), actor: "t", role: .admin)
        let context = AppContext(store: store, service: service, language: language, ledgerName: "ledger.sqlite")
        return (LedgerApp(context: context), context)
    }

    static func screen(_ app: LedgerApp, size: Size = Size(width: 120, height: 30)) -> String {
        var buffer = CellBuffer(size: size)
        _ = app.render(into: &buffer, context: RenderContext(size: size, supportsUnicode: true))
        return buffer.lines.joined(separator: "\n")
    }

    /// Another connection holds the ledger's write lock (WAL: readers are never blocked, so the lock shows when
    /// the TUI saves): posting a sale names the cause and what to do, and nothing is written.
    @Test(arguments: [Language.en, .zh]) func lockedLedgerShowsTheCause(language: Language) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("locked-\(UUID().uuidString)").path
        let path = folder + "/ledger.sqlite"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let store = try SQLiteLedgerStore(path: path)
            try SalesEntryTests.seed(LedgerService(store: store, clock: FixedClock(CivilDate(iso: "2026-11-29")!), actor: "t", role: .admin))
        }
        var (app, context) = try Self.app(path: path, language: language)
        // Another program takes the write lock and holds it (a write transaction on another thread).
        let locker = try DatabaseQueue(path: path)
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread {
            try? locker.write { db in
                try db.execute(sql: "UPDATE customer SET notes = notes WHERE id = 1")
                locked.signal()
                release.wait()
            }
            done.signal()
        }.start()
        locked.wait()
        for key in "C9002" { _ = app.handle(.key(.char(key))) }
        for key in [Key.enter, .tab, .tab, .tab, .tab, .tab, .tab] { _ = app.handle(.key(key)) }
        for key in "P001" { _ = app.handle(.key(.char(key))) }
        _ = app.handle(.key(.enter))
        _ = app.handle(.key(.char("2")))
        _ = app.handle(.key(.function(2)))
        let text = Self.screen(app)
        // The sales entry shows the store's wording, in Chinese on the Chinese screen (s16-fix).
        #expect(text.contains(language == .zh ? "账套正忙" : "the ledger is busy"), "\(text)")
        #expect(text.contains(language == .zh ? "未写入任何内容" : "nothing was written"), "\(text)")
        release.signal()
        done.wait()
        #expect(try context.store.invoices(filter: InvoiceFilter(), page: .all).isEmpty)
    }

    @Test func damagedLedgerShowsTheCause() throws {
        let (folder, path) = try Self.ledgerFile()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.damage(path)
        var (app, _) = try Self.app(path: path, language: .en)
        _ = app.handle(.key(.function(5)))
        let text = Self.screen(app)
        #expect(text.contains("ledger file damaged"), "\(text)")
        #expect(text.contains("restore a backup"))
    }

    /// Damages every page of the business tables and their indexes (documents, lines, open items, receipts,
    /// allocations, monthly sales), found through `dbstat`: the schema, the migrations and the settings stay
    /// readable, so the ledger opens, and any screen that reads the ledger meets the damage.
    static func damage(_ path: String) throws {
        let (pageSize, pages) = try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096, try Int.fetchAll(db, sql: """
                SELECT s.pageno FROM dbstat s JOIN sqlite_master m ON m.name = s.name
                WHERE m.tbl_name IN ('document', 'document_line', 'open_item', 'receipt', 'allocation', 'sales_month')
                """))
        }
        try #require(!pages.isEmpty, "the generated ledger has pages of its business tables")
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        for page in pages {
            try handle.seek(toOffset: UInt64((page - 1) * pageSize))
            try handle.write(contentsOf: Data(repeating: 0xA5, count: pageSize))
        }
        try handle.close()
    }

    /// The document register (read with `try?` before) and the reports: a damaged file shows the cause, not an
    /// empty list.
    @Test(arguments: [7, 9]) func damagedLedgerShowsTheCauseOnEveryList(functionKey: Int) throws {
        let (folder, path) = try Self.ledgerFile()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.damage(path)
        var (app, _) = try Self.app(path: path, language: .zh)
        _ = app.handle(.key(.function(functionKey)))
        let text = Self.screen(app)
        #expect(text.contains("账套文件已损坏"), "F\(functionKey): \(text)")
    }
}
