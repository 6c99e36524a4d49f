/// What a receipt of `amount` will settle before it is saved, for every path that records one (customer screen,
/// receivables F5, CLI): the chosen invoice first up to its open balance, else oldest due date first (the
/// `AllocationPlan.auto` order); whatever is left stays as unapplied customer credit. Minor units throughout.
public struct AllocationPreview: Hashable, Sendable {
    public var parts: [ManualAllocation]
    /// Left unapplied (customer credit), minor units; 0 when everything is used.
    public var unapplied: Int64

    /// An open invoice as the preview sees it.
    public struct OpenInvoice: Hashable, Sendable {
        public var number: String
        public var date: CivilDate
        public var dueDate: CivilDate
        public var open: Int64
        public init(number: String, date: CivilDate, dueDate: CivilDate, open: Int64) {
            self.number = number
            self.date = date
            self.dueDate = dueDate
            self.open = open
        }
    }

    /// The preview of `amount` (> 0) against `target` (an invoice number), or oldest due first when nil.
    public init(amount: Money, target: String?, open: [OpenInvoice]) {
        var remaining = amount.minorUnits
        parts = []
        let candidates: [OpenInvoice]
        if let target {
            candidates = open.filter { $0.number == target }
        } else {
            candidates = open.sorted { ($0.dueDate, $0.date, $0.number) < ($1.dueDate, $1.date, $1.number) }
        }
        for item in candidates where remaining > 0 && item.open > 0 {
            let used = min(item.open, remaining)
            parts.append(ManualAllocation(invoiceNumber: item.number,
                                          amount: Money(minorUnits: used, currency: amount.currency)))
            remaining -= used
        }
        unapplied = remaining
    }

    /// The plan that records exactly this preview.
    public var plan: AllocationPlan { parts.isEmpty ? .none : .manual(parts) }
}
