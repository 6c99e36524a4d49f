import LedgerCore
import LedgerReports
import Testing

/// `reminders --lang zh` printed "505 days overdue" / "due today" in its Chinese table (session-13 tryout): the
/// reminder words follow the language in a text table, and stay machine words when level codes are asked (CSV, JSON).
struct RemindersTableWordsTests {
    @Test func reminderWordsInBothLanguages() throws {
        let promised = try #require(CivilDate(iso: "2026-11-02"))
        #expect(RemindersTable.describe(.overdue(days: 505), chinese: true) == "已逾期 505 天")
        #expect(RemindersTable.describe(.overdue(days: 505)) == "505 days overdue")
        #expect(RemindersTable.describe(.onDueDate, chinese: true) == "今日到期")
        #expect(RemindersTable.describe(.beforeDue(days: 3), chinese: true) == "3 天后到期")
        #expect(RemindersTable.describe(.brokenPromise(promised: promised), chinese: true)
                    == "2026-11-02 的付款承诺未兑现")
        #expect(RemindersTable.describe(.brokenPromise(promised: promised)) == "promise of 2026-11-02 broken")
    }
}
