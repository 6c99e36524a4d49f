import LedgerCore

/// The default period of each period report, defined once here and used by the CLI and the screens alike
/// (s34-fix3, tryout defect 7: `report sales` printed every date, the screen this year).
///
/// - `report sales`, the pivot, `report collections`, `statement` (CLI, F7, the customer's statement): the year to
///   date, 1 January of the end date's year … the end date; the end date is today unless `--to` says otherwise.
/// - `report payment-days` (CLI and F7): settlements up to today.
/// - `report dso`, `report dashboard`, F5 and the audit's DSO: the 90 days ending the date
///   (`ReceivablesFigures.dsoWindow`).
/// No default counts a document dated after today.
public enum ReportDefaults {
    /// The first day of the default period ending `to`: 1 January of `to`'s year (sales, pivot, collections,
    /// statement).
    public static func periodStart(endingOn to: CivilDate) -> CivilDate {
        CivilDate(year: to.year, month: 1, day: 1) ?? to
    }

    /// The default period ending `today`: `periodStart(endingOn: today) … today`.
    public static func period(today: CivilDate) -> (from: CivilDate, to: CivilDate) {
        (periodStart(endingOn: today), today)
    }

    /// The default date up to which `report payment-days` counts settlements: today.
    public static func paymentDaysAsOf(today: CivilDate) -> CivilDate { today }
}
