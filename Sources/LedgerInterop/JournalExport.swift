import LedgerCore

/// The ledger as a plain-text accounting journal that hledger (and Ledger) read.
///
/// Accounts: `assets:receivable:<customer code>`, `revenue:sales`, `liabilities:vat:output`, `assets:bank:<method>`,
/// `expenses:bad debts`. An invoice debits the customer's receivable with its total and credits sales (net) and
/// output VAT (tax); a credit note does the reverse; a receipt moves money from the receivable to the bank; a
/// bad-debt write-off moves it to expenses. Allocations between receipts and invoices need no entry (the
/// receivable is kept per customer), so the receivable balance equals the sum of customer balances.
public enum JournalExport {
    /// Writes the journal as it goes: the heading at once, then each entry; `finish` ends the text.
    public struct Writer {
        private let sink: (String) -> Void
        private var entries = 0
        public init(sink: @escaping (String) -> Void) {
            self.sink = sink
            let mark = PracticeWatermark.text.map { "; \($0)\n" } ?? ""   // practice ledger (training)
            sink(mark + "; SalesLedger journal export — hledger -f FILE balance\n\n")
        }

        /// Adds an item as `forEachJournalItem` gives it (receipts to `assets:bank:<method>`, write-offs to
        /// `expenses:bad debts`).
        public mutating func add(_ item: JournalItem) {
            switch item {
            case .document(let d):
                let sign: Int64 = d.kind == .invoice ? 1 : -1
                var lines = ["\(d.date) (\(d.number)) \(clean(d.customerName))",
                             posting("assets:receivable:\(clean(d.customerCode))", receivable(item), d.currency),
                             posting("revenue:sales", -sign * d.net, d.currency)]
                if d.tax != 0 { lines.append(posting("liabilities:vat:output", -sign * d.tax, d.currency)) }
                entry(lines)
            case .payment(let p):
                entry(["\(p.date) (\(p.number)) \(clean(p.customerName))",
                       posting(p.method.map { "assets:bank:\($0)" } ?? "expenses:bad debts", p.amount.minorUnits,
                               p.amount.currency),
                       posting("assets:receivable:\(clean(p.customerCode))", receivable(item), p.amount.currency)])
            }
        }

        private mutating func entry(_ lines: [String]) {
            sink((entries == 0 ? "" : "\n\n") + lines.joined(separator: "\n"))
            entries += 1
        }

        /// Ends the text (a final newline).
        public func finish() { sink("\n") }
    }

    /// The amount an item posts to its customer's `assets:receivable:` account, minor units of its currency: a
    /// document's total (negative for a credit note), a receipt's or write-off's amount negated. The writer
    /// writes exactly this; the audit's tie-out sums it (issue 10: without rendering the text).
    public static func receivable(_ item: JournalItem) -> Int64 {
        switch item {
        case .document(let d): return d.kind == .invoice ? d.total : -d.total
        case .payment(let p): return -p.amount.minorUnits
        }
    }

    static func posting(_ account: String, _ minor: Int64, _ currency: Currency) -> String {
        "    \(account)  \(Money.format(minor, digits: currency.minorDigits, grouping: false)) \(currency.code)"
    }

    /// Names and codes without characters that end a journal field (two spaces, tabs, newlines, ';').
    static func clean(_ text: String) -> String {
        var out = text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: ";", with: ",")
        while out.contains("  ") { out = out.replacingOccurrences(of: "  ", with: " ") }
        return out
    }
}
