import Foundation
import Testing
import LedgerCore
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// s35-fix: on a damaged ledger the title bar lost its reminders badge (the count could not be read, so it showed
/// nothing, as if none were due) and the start-up backup's failure message was cut at 80 columns.
@Suite struct DamagedStartupTests {
    @Test(arguments: [Language.en, .zh]) func theBadgeSaysTheCountIsUnknown(language: Language) throws {
        let (folder, path) = try ReadFailureTests.ledgerFile()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ReadFailureTests.damage(path)
        let (app, _) = try ReadFailureTests.app(path: path, language: language)
        var live = app
        _ = live.handle(.key(.function(5)))
        #expect(live.receivables.remindersDue == nil)
        let title = TryoutS34Fix3Tests.render(live, Size(width: 80, height: 24)).split(separator: "\n").first ?? ""
        #expect(title.contains(language == .zh ? "[提醒 ?]" : "[reminders ?]"), "\(title)")
    }

    @Test func theBackupFailureFits80Columns() {
        let error = LedgerError.storage("ledger file damaged: restore a backup with salesledger restore FILE --yes "
                                        + "(SQLite error 11: database disk image is malformed)").description
        let en = Strings(.en).dailyBackupFailed(error), zh = Strings(.zh).dailyBackupFailed(error)
        #expect(en == "Daily backup failed: ledger file damaged (details: F11 audit log)")
        #expect(zh == "每日备份失败：账套文件已损坏（详情见 F11 审计日志）")
        #expect(DisplayWidth.of(en) <= 78 && DisplayWidth.of(zh) <= 78)
        #expect(Strings(.en).dailyBackupFailed("the disk is full; nothing was written (x)")
                == "Daily backup failed: the disk is full (details: F11 audit log)")
    }
}
