/// Where a posted invoice stands as of a day — the one status rule of the CLI and every screen (F4's customer
/// detail, F9's documents and their status filter): `credited` (已红冲) when credit notes cover its whole total,
/// else `paid` (已核销) when nothing is open, else `overdue` past its due date, else `open`.
public enum InvoiceSettlement: String, Sendable, Codable, CaseIterable {
    case open, overdue, paid, credited

    /// - Parameters:
    ///   - total: the invoice's total, minor units.
    ///   - open: its open amount as of `asOf` (total − allocations dated on or before it), minor units.
    ///   - credited: the credit-note allocations on it dated on or before `asOf` (reversals negative), minor units.
    ///   - dueDate: its due date; `asOf`: the day of the status.
    public static func of(total: Int64, open: Int64, credited: Int64, dueDate: CivilDate,
                          asOf: CivilDate) -> InvoiceSettlement {
        if total > 0 && credited >= total { return .credited }
        if open <= 0 { return .paid }
        return dueDate < asOf ? .overdue : .open
    }
}

extension InvoiceListRow {
    /// `InvoiceSettlement.of` for a posted invoice of a list read as of `asOf`; nil for drafts, voided documents
    /// and credit notes.
    public func settlement(asOf: CivilDate) -> InvoiceSettlement? {
        guard kind == .invoice, status == .posted else { return nil }
        return InvoiceSettlement.of(total: total.minorUnits, open: open, credited: credited, dueDate: dueDate,
                                    asOf: asOf)
    }
}
