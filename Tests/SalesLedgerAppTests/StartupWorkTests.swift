import Foundation
import Testing
import LedgerCore
import LedgerInterop
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// Issue 10, start-up: with deferred start-up (as the executable runs) the first frame queries only its own screen;
/// the daily backup step and the reminders count run on the following ticks, each named in the title bar first.
@Suite struct StartupWorkTests {
    final class Flag { var ran = 0 }

    func title(_ app: LedgerApp, width: Int = 200) -> String {
        var buffer = CellBuffer(size: Size(width: width, height: 30))
        _ = app.render(into: &buffer, context: RenderContext(size: buffer.size, supportsUnicode: true))
        return buffer.lines[0]
    }

    func makeContext(language: Language) throws -> AppContext {
        let store = try SQLiteLedgerStore()
        let service = LedgerService(store: store, clock: FixedClock(CivilDate(iso: "2013-06-30")!), actor: "S01",
                                    role: .manager)
        _ = try service.runBatch { try IBMLoader.load(into: $0, directory: sampleDirectory("ibm")) }
        return AppContext(store: store, service: service, language: language, ledgerName: "test.sqlite")
    }

    @Test func backupAndRemindersRunAfterTheFirstFrame() throws {
        let eager = LedgerApp(context: try makeContext(language: .en))
        let badge = eager.receivables.remindersDue ?? 0
        #expect(badge > 0, "the IBM sample has reminders due on 2013-06-30")

        let context = try makeContext(language: .en)
        let flag = Flag()
        context.startupSteps = [StartupStep(label: ("daily backup", "每日备份")) { flag.ran += 1; return nil }]
        context.defersStartupWork = true
        var app = LedgerApp(context: context)
        // First frame: nothing but the sales entry screen was queried; the title bar names the next step.
        #expect(flag.ran == 0)
        #expect(app.seenVersions[.receivables] == nil && app.seenVersions[.customers] == nil)
        #expect(app.seenVersions[.salesEntry] == context.dataVersion)
        #expect(app.hasPendingWork)
        #expect(title(app).contains("[daily backup 1/2...]"))
        #expect(!title(app).contains(" reminder") && app.receivables.remindersDue == 0)
        // A key typed before the steps ran is handled as a key, not swallowed by start-up.
        _ = app.handle(.key(.function(1)))
        #expect(app.modals.top is HelpModal && flag.ran == 0)
        _ = app.handle(.key(.escape))
        _ = app.handle(.tick)
        #expect(flag.ran == 1)
        #expect(title(app).contains("[counting reminders 2/2...]"))
        _ = app.handle(.tick)
        #expect(!app.hasPendingWork)
        #expect(app.receivables.remindersDue == badge)
        #expect(title(app).contains("[\(badge) "))
        #expect(!title(app).contains("…]"))
        _ = app.handle(.tick)
        #expect(flag.ran == 1)
    }

    @Test func aFailedStepShowsItsWarningInChinese() throws {
        let context = try makeContext(language: .zh)
        context.startupSteps = [StartupStep(label: ("daily backup", "每日备份")) { "salesledger: daily backup failed: disk" }]
        context.defersStartupWork = true
        var app = LedgerApp(context: context)
        #expect(title(app).contains("[每日备份 1/2...]"))
        _ = app.handle(.tick)
        #expect(app.status?.text == "salesledger: daily backup failed: disk" && app.status?.isError == true)
        #expect(title(app).contains("[统计回款提醒 2/2...]"))
        _ = app.handle(.tick)
        #expect(!app.hasPendingWork)
    }

    /// Tryout s30: a skippable background step (the daily backup) shows ^G in the title bar; ^G, even over a form,
    /// asks it to stop; the title bar says it is being skipped until it ends with its message.
    @Test(arguments: [Language.en, .zh])
    func theDailyBackupCanBeSkippedWithCtrlG(language: Language) throws {
        let context = try makeContext(language: language)
        let stop = SkipFlag()
        context.startupSteps = [StartupStep(label: ("daily backup", "每日备份"), runsInBackground: true,
                                            skip: { stop.raise() }) {
            let deadline = Date().addingTimeInterval(10)
            while !stop.isRaised && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            return stop.isRaised ? "skipped" : "not skipped"
        }]
        context.defersStartupWork = true
        var app = LedgerApp(context: context)
        let zh = language == .zh
        #expect(title(app).contains(zh ? "[每日备份 1/2... ^G 跳过]" : "[daily backup 1/2... ^G skip]"), "\(title(app))")
        #expect(app.helpBindings.contains { $0.keys == [.ctrl("g")] })
        _ = app.handle(.tick)                                  // starts the backup on its thread
        #expect(app.isBackgroundWorkRunning)
        #expect(title(app).contains(zh ? "[每日备份 1/2... ^G 跳过]" : "[daily backup 1/2... ^G skip]"), "\(title(app))")
        _ = app.handle(.key(.function(1)))                     // a modal over the screen does not keep ^G from it
        _ = app.handle(.key(.ctrl("g")))
        #expect(stop.isRaised)
        #expect(title(app).contains(zh ? "[正在跳过每日备份...]" : "[skipping daily backup...]"), "\(title(app))")
        app.waitForBackgroundWork()
        _ = app.handle(.tick)
        #expect(app.status?.text == "skipped")
        #expect(!title(app).contains("^G"))
        _ = app.handle(.key(.ctrl("g")))                       // nothing left to skip: no effect
        #expect(app.status?.text == "skipped")
    }

    /// Tryout s30 (fix2): ^G pressed as a small ledger's backup ends: the backup is kept and the status says so,
    /// not "Skipping the daily backup…" forever.
    @Test(arguments: [Language.en, .zh])
    func aSkipThatComesTooLateSaysTheBackupWasKept(language: Language) throws {
        let context = try makeContext(language: language)
        let asked = SkipFlag(), release = SkipFlag()
        context.startupSteps = [StartupStep(label: ("daily backup", "每日备份"), runsInBackground: true,
                                            skip: { asked.raise() }) {
            let deadline = Date().addingTimeInterval(10)
            while !release.isRaised && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            return nil                                         // finished: the skip was not noticed
        }]
        context.defersStartupWork = true
        var app = LedgerApp(context: context)
        _ = app.handle(.tick)
        _ = app.handle(.key(.ctrl("g")))
        #expect(asked.isRaised)
        #expect(app.status?.text == (language == .zh ? "正在跳过每日备份…" : "Skipping the daily backup…"))
        release.raise()
        app.waitForBackgroundWork()
        _ = app.handle(.tick)
        #expect(app.status?.text == (language == .zh ? "每日备份在 ^G 之前已完成，已保留"
                                                     : "The daily backup had finished before ^G; it is kept"))
        #expect(!title(app).contains("skip") && !title(app).contains("跳过"), "\(title(app))")
    }

    /// Tryout s30: at 80 columns a long ledger name is shortened in the middle (its start and `.sqlite` end stay;
    /// the app's name leaves first); the date and the start-up work on the right stay whole.
    @Test func aLongLedgerNameIsShortenedInTheMiddle() throws {
        let store = try SQLiteLedgerStore()
        let service = LedgerService(store: store, clock: FixedClock(CivilDate(iso: "2026-11-29")!), actor: "S01",
                                    role: .manager)
        let name = "shanghai-mingyuan-hardware-trading-company-2026.sqlite"
        let context = AppContext(store: store, service: service, language: .en, ledgerName: name)
        context.startupSteps = [StartupStep(label: ("daily backup", "每日备份"), skip: {}) { nil }]
        context.defersStartupWork = true
        let app = LedgerApp(context: context)
        let line = title(app, width: 80)
        #expect(line.contains("Today: 2026-11-29") && line.contains("[daily backup 1/2... ^G skip]"), "\(line)")
        // Too little room for the app's name as well: the ledger's name alone, start and end kept.
        // (s35-fix: the work label's `...` is two cells wider than the ambiguous `…` was.)
        #expect(line.hasPrefix(" shanghai-~6.sqlite "), "\(line)")
        // Narrower still: the user's name leaves before the ledger's would fall under 12 cells.
        let narrow = title(app, width: 64)
        #expect(!narrow.contains("User:") && narrow.contains("Today: 2026-11-29"), "\(narrow)")
        #expect(narrow.hasPrefix(" shangh~sqlite "), "\(narrow)")
        #expect(DisplayWidth.of(line) == 80)
        #expect(title(app, width: 200).contains("SalesLedger — \(name)"))
        #expect(TextFitting.truncateMiddle("abcdefghij", toWidth: 7) == "abc…hij")
        #expect(TextFitting.truncateMiddle("账套名称很长的文件.sqlite", toWidth: 12) == "账套名…qlite")
        #expect(TextFitting.truncateMiddle("short", toWidth: 7) == "short")
    }
}
