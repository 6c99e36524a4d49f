import Foundation
import GRDB
import Testing
import LedgerAudit
import LedgerCore
import LedgerReports
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// s34-fix3: the session-34 new-user tryout's defects — a damaged ledger on every screen, one default period and
/// one DSO window per report, one sign of unapplied credits, Chinese refusals, the clerk's void, F5's totals at 80
/// columns.
@Suite struct TryoutS34Fix3Tests {
    /// The tryout's damage: 0xFF × 200 at offset 8 of every leaf page of `allocation` (its cell pointers), after a
    /// checkpoint, so the schema and every other table still read.
    static func damageAllocations(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        let (pageSize, pages) = try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            return (try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096, try Int.fetchAll(db, sql: """
                SELECT pageno FROM dbstat WHERE name = 'allocation' AND pagetype = 'leaf'
                """))
        }
        try queue.close()
        try #require(!pages.isEmpty, "the generated ledger has allocations")
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        for page in pages {
            try handle.seek(toOffset: UInt64((page - 1) * pageSize + 8))
            try handle.write(contentsOf: Data(repeating: 0xFF, count: 200))
        }
        try handle.close()
    }

    static func render(_ app: LedgerApp, _ size: Size) -> String {
        var buffer = CellBuffer(size: size)
        _ = app.render(into: &buffer, context: RenderContext(size: size, supportsUnicode: true))
        return buffer.lines.joined(separator: "\n")
    }

    /// Issue 9 (tryout defect 1): every top-level screen whose query fails shows the cause and what to do in place
    /// of its data, whole at 80×24 too — never `Customers: N` over an empty list or `Total open: 0`.
    @Test(arguments: [Language.en, .zh], [Size(width: 80, height: 24), Size(width: 200, height: 50)])
    func aDamagedLedgerShowsTheCauseOnEveryScreen(language: Language, size: Size) throws {
        let (folder, path) = try ReadFailureTests.ledgerFile()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.damageAllocations(path)
        // As of a day before the last documents (the tryout's IBM at --today 2013-06-30): the figures are read from
        // the documents and their allocations, not the maintained balances.
        let store = try SQLiteLedgerStore(path: path, busyTimeoutSeconds: 0.1)
        let service = LedgerService(store: store, clock: FixedClock(CivilDate(iso: "2026-10-31")!), actor: "t",
                                    role: .admin)
        var app = LedgerApp(context: AppContext(store: store, service: service, language: language,
                                                ledgerName: "ledger.sqlite"))
        let zh = language == .zh
        let cause = zh ? "账套文件已损坏" : "ledger file damaged"
        let todo = zh ? "恢复备份" : "restore a backup"
        var failed: [Int] = []
        for key in [3, 4, 5, 6, 7, 8, 9, 11] {
            _ = app.handle(.key(.function(key)))
            let text = Self.render(app, size)
            let flat = text.replacingOccurrences(of: "\n", with: " ")
            if flat.contains(zh ? "无法读取账套" : "the ledger could not be read") {
                failed.append(key)
                #expect(text.contains(cause), "F\(key): \(text)")
                #expect(flat.contains(todo) || text.contains("salesledger restore"), "F\(key): \(text)")
            }
            #expect(!text.contains(zh ? "应收合计: 0" : "Total open: 0"), "F\(key): \(text)")
        }
        // The customer list and the receivables read the damaged allocations: they show the cause.
        #expect(failed.contains(4) && failed.contains(5), "screens showing the failure: \(failed)")
        // Enter reads again (still damaged: still the cause).
        _ = app.handle(.key(.function(5)))
        _ = app.handle(.key(.enter))
        #expect(Self.render(app, size).contains(cause))
    }

    /// Tryout defect 8: the audit's DSO is `report dso`'s (the 90 days ending the period end), not its own window.
    @Test func theAuditsDSOIsReportDSO() throws {
        let h = try AppHarness(language: .en, seedLedger: ReceivablesHeaderTests.seed)
        let today = h.context.today
        var p = AuditParameters(from: AuditParameters.defaultPeriod(today: today).0, to: today)
        p.language = .en
        let run = try AuditRunner.run(queries: h.store, parameters: p, ranBy: "t", ranAtUTC: "\(today)T12:00:00Z",
                                      chainProblem: { nil })
        let dso = try #require(run.checks.first { $0.id == "analytical.dso" })
        let report = try Reports(store: h.store).dso(to: today)
        let figure = try #require(report.figures.first { $0.currency == .cny })
        let window = ReceivablesFigures.dsoWindow(endingOn: today)
        #expect(report.from == window.from && window.from.days(to: today) + 1 == 90)
        let note = try #require(dso.notes.first, "\(dso.notes)")
        #expect(note == "this period \(window.from)…\(today) CNY: DSO \(figure.text) days, turnover "
                + (note.components(separatedBy: "turnover ").last ?? ""), "\(note) vs report dso \(figure.text)")
        #expect(AuditParameters.defaultPeriod(today: today).0.days(to: today) + 1 != 90,
                "the audit period differs from the DSO window, so the test tells them apart")
    }

    /// Tryout defect 9: `report dashboard` gives the unapplied credits negative, as aging and F5 do.
    @Test func theDashboardsUnappliedCreditsAreNegative() throws {
        let h = try AppHarness(language: .en, seedLedger: ReceivablesHeaderTests.seed)
        let dashboard = try Reports(store: h.store).dashboard(asOf: h.context.today)
        let table = dashboard.table
        #expect(ReportLayerTests.csvValue(table, first: "CNY", key: "unapplied_credits") == "-777.77")
        let aging = try #require(try Reports(store: h.store).aging(asOf: h.context.today).first)
        #expect(aging.unappliedCreditsShown == -77_777)
        #expect(ReportLayerTests.csvValue(table, first: "CNY", key: "net_receivable")
                == Money.format(aging.netReceivable, digits: 2, grouping: false))
    }

    /// Tryout defect 7: one default period per report, the report layer's, on screen as in the CLI: the year to
    /// today, nothing dated after today.
    @Test func theReportsDefaultPeriodIsTheYearToToday() throws {
        var h = try AppHarness(language: .en, size: Size(width: 140, height: 40), seedLedger: { service in
            try seedGenerated(service)
            try service.run(CreateCustomer(CustomerFields(code: "CFUT", name: "Future Co.")))
            var post = PostInvoice(customerCode: "CFUT", date: CivilDate(iso: "2026-12-20")!, lines: [
                LineInput(description: "Later", quantity: Quantity(1),
                          unitPrice: Money(minorUnits: 99_900, currency: .cny))])
            post.creditOverrideReason = "test"
            try service.run(post)
        })
        let today = h.context.today
        #expect(ReportDefaults.period(today: today) == (CivilDate(iso: "2026-01-01")!, today))
        h.press(.function(7))
        let shown = try #require(h.app.reports.reportTable)
        let cli = try Reports(store: h.store).sales(by: .month, from: ReportDefaults.periodStart(endingOn: today),
                                                    to: today)
        #expect(ReportRenderer.csv(shown) == ReportRenderer.csv(cli))
        #expect(!ReportRenderer.csv(shown).contains("2026-12"), "nothing after today: \(ReportRenderer.csv(shown))")
        #expect(Reports.defaultCollectionsStart(today) == CivilDate(iso: "2026-01-01")!)
    }

    /// Tryout defect 2: refusals, imports and restore in Chinese, whole.
    @Test func refusalsAndMessagesAreChinese() {
        let s = Strings(.zh)
        #expect(s.core("permission denied: invoice.void needs the manager or admin role (you are clerk)")
                == "无权操作：作废销售单需要经理或管理员角色（您是录单员）")
        #expect(s.core("permission denied: login as xiaowang failed (1 failed attempt)")
                == "无权操作：xiaowang 登录失败（已失败 1 次）")
        #expect(s.core("permission denied: restoring a backup needs the admin role (you are manager)")
                == "无权操作：恢复备份需要管理员角色（您是经理）")
        #expect(s.core("customer KH101 already exists (use --update to change it)")
                == "客户 KH101 已存在（要修改请加 --update）")
        #expect(s.core("row 3, column customer_code: customer KH101 already exists (use --update to change it)")
                == "第3行「customer_code」列：客户 KH101 已存在（要修改请加 --update）")
        #expect(s.core("the ledger /t/l.sqlite is open in another program (the app or a salesledger command): close "
                       + "it, then restore again; nothing was changed").hasPrefix("账套 /t/l.sqlite 正被另一个程序打开"))
        // Tryout defect 11: a credit by line names the invoice's line once.
        #expect(s.core("lines[1].allowance: line 2: 200.00 is more than the 100.00 left to credit")
                == "折让金额：第 2 行：200.00 超过尚可冲销的 100.00")
        #expect(Strings(.en).core("permission denied: invoice.void needs the manager or admin role (you are clerk)")
                == "permission denied: invoice.void needs the manager or admin role (you are clerk)")
    }

    /// Tryout defect 4: a clerk's `v` is refused at once (audited), before a reason is typed.
    @Test(arguments: [Language.en, .zh]) func aClerkIsRefusedBeforeTheVoidReason(language: Language) throws {
        let h = try AppHarness(language: language, size: Size(width: 100, height: 30),
                               seedLedger: FapiaoEntryTests.seed)
        let clerk = LedgerService(store: h.store, clock: FixedClock(h.context.today), actor: "S02", role: .clerk)
        var app = LedgerApp(context: AppContext(store: h.store, service: clerk, language: language,
                                                ledgerName: "test.sqlite"))
        for key in [Key.function(9), .enter, .char("v")] { _ = app.handle(.key(key)) }
        let text = Self.render(app, Size(width: 100, height: 30))
        let zh = language == .zh
        #expect(!text.contains(zh ? "作废原因" : "Reason to void"), "\(text)")
        #expect(text.contains(zh ? "无权操作：作废销售单需要经理或管理员角色" : "permission denied: invoice.void needs"),
                "\(text)")
        var filter = AuditLogFilter.all
        filter.command = "access.refused"
        let refused = try h.store.auditLog(filter: filter)
        #expect(refused.contains { $0.payload.contains("invoice.void") && $0.actor == "S02" }, "\(refused)")
    }

    /// Tryout defect 11: F5's reminders list says which day it is for once the as-of date is not today.
    @Test(arguments: [Language.en, .zh]) func theRemindersTitleNamesAnotherAsOfDate(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 120, height: 30),
                               seedLedger: ReceivablesHeaderTests.seed)
        h.press(.function(5))
        #expect(h.text.contains(language == .zh ? "今日回款提醒" : "Reminders due today"), "\(h.text)")
        h.press(.char("d"))
        for character in "2026-10-30" { h.press(.char(character)) }
        h.press(.enter)
        #expect(h.text.contains(language == .zh ? "2026-10-30 回款提醒" : "Reminders due 2026-10-30"), "\(h.text)")
        #expect(!h.text.contains(language == .zh ? "今日回款提醒" : "Reminders due today"), "\(h.text)")
    }

    /// Tryout defect 11: a product price no quantity can sell is refused where it is typed.
    @Test func anUnsellablePriceIsRefusedAtTheProduct() throws {
        let h = try AppHarness(language: .en)
        let price = Money(minorUnits: 999_999_999_999_999, currency: .cny)
        var create = CreateProduct(sku: "BIG", name: "Big", unitPrice: price)
        create.taxRate = Rate(basisPoints: 1_300)
        #expect(throws: LedgerError.self) { try h.service.run(create) }
        #expect(h.service.validationIssues(of: create).contains { $0.path == "unitPrice" })
        create.taxRate = .zero
        try h.service.run(create)
        let edit = EditProduct(sku: "BIG", taxRate: Rate(basisPoints: 1_300))
        #expect(h.service.validationIssues(of: edit).contains { $0.path == "taxRate" })
    }
}
