/// Age of a draft for flagging old ones in the drafts lists (CLI and TUI).
public enum DraftAge {
    /// Drafts older than this many days are flagged.
    public static let defaultOldDays = 7

    /// Whole days from the draft's date to `today` (0 for a draft dated today or later).
    public static func days(_ date: CivilDate, today: CivilDate) -> Int {
        max(0, today.daysSinceEpoch - date.daysSinceEpoch)
    }
}
