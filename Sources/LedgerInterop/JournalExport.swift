import LedgerCore

/// The ledger as a plain-text accounting journal that hledger (and Ledger) read.
///
/// Accounts: `assets:receivable:<customer code>`, `revenue:sales`, `liabilities:vat:output`, `assets:bank:<method>`,
/// `expenses:bad debts`. An invoice debits the customer's receivable with its total and credits sales (net) and
/// output VAT (tax); a credit note does the reverse; a receipt moves money from the receivable to the bank; a
/// bad-debt write-off moves it to expenses. Allocations between receipts and invoices need no entry (the
/// receivable is kept per customer), so the receivable balance equals the sum of customer balances.
public enum JournalExport {
    public struct Payment: Sendable {
        public var date: CivilDate
        public var number: String
        public var customerCode: String
        public var customerName: String
        public var account: String
        public var amount: Money
        public init(date: CivilDate, number: String, customerCode: String, customerName: String, account: String, amount: Money) {
            self.date = date
            self.number = number
            self.customerCode = customerCode
            self.customerName = customerName
            self.account = account
            self.amount = amount
        }
    }

    /// Journal text: documents and payments merged by date (documents first on a day).
    public static func render(documents: [DocumentTotals], payments: [Payment]) -> String {
        var entries: [(CivilDate, Int, String)] = []
        for d in documents {
            let sign: Int64 = d.kind == .invoice ? 1 : -1
            var lines = ["\(d.date) (\(d.number)) \(clean(d.customerName))",
                         posting("assets:receivable:\(clean(d.customerCode))", sign * d.total, d.currency),
                         posting("revenue:sales", -sign * d.net, d.currency)]
            if d.tax != 0 { lines.append(posting("liabilities:vat:output", -sign * d.tax, d.currency)) }
            entries.append((d.date, 0, lines.joined(separator: "\n")))
        }
        for p in payments {
            entries.append((p.date, 1, ["\(p.date) (\(p.number)) \(clean(p.customerName))",
                                        posting(p.account, p.amount.minorUnits, p.amount.currency),
                                        posting("assets:receivable:\(clean(p.customerCode))", -p.amount.minorUnits, p.amount.currency)]
                .joined(separator: "\n")))
        }
        let sorted = entries.enumerated().sorted { ($0.element.0, $0.element.1, $0.offset) < ($1.element.0, $1.element.1, $1.offset) }
        let mark = PracticeWatermark.text.map { "; \($0)\n" } ?? ""   // practice ledger (training)
        return mark + "; SalesLedger journal export — hledger -f FILE balance\n\n" + sorted.map(\.element.2).joined(separator: "\n\n") + "\n"
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
