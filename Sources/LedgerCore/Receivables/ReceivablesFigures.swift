/// Days sales outstanding (应收账款周转天数) for a period, in one currency.
///
/// Formula (the standard one): DSO = receivables at period end ÷ credit sales in the period × days in the period.
/// - receivables at period end: open balances of invoices as of the end date (gross, before unapplied credit,
///   which is a liability to the customer — 预收账款);
/// - credit sales: invoices dated in the period less credit notes dated in it (every sale in this ledger is on
///   credit); - days: end − start + 1.
/// `tenths` is DSO × 10 rounded half away from zero (integers only); nil when credit sales are ≤ 0.
public struct DSOFigure: Hashable, Sendable, Codable {
    public var from: CivilDate
    public var to: CivilDate
    public var currency: Currency
    public var receivablesAtEnd: Int64
    public var creditSales: Int64
    public var days: Int
    public var tenths: Int64?

    public init(from: CivilDate, to: CivilDate, currency: Currency, receivablesAtEnd: Int64, creditSales: Int64) {
        self.from = from
        self.to = to
        self.currency = currency
        self.receivablesAtEnd = receivablesAtEnd
        self.creditSales = creditSales
        self.days = from.days(to: to) + 1
        self.tenths = creditSales > 0
            ? Int64(clamping: RoundingRule.halfUp.divide(Int128(receivablesAtEnd) * Int128(days) * 10,
                                                         by: Int128(creditSales)))
            : nil
    }

    /// `12.3`, or `n/a` without sales.
    public var text: String { tenths.map { Money.format($0, digits: 1, grouping: false) } ?? "n/a" }
}

/// How a customer pays, from the allocations that settled its invoices.
///
/// An invoice counts once it is fully settled by a receipt (closing allocation from a receipt, as of the date);
/// days to pay = settlement date − invoice date, days late = max(0, settlement date − due date).
/// Totals are kept as integers; averages are given in tenths of a day, rounded half away from zero.
public struct PaymentBehaviour: Hashable, Sendable, Codable {
    public var customerID: Int64
    public var customerCode: String
    public var customerName: String
    public var settledInvoices: Int
    public var totalDaysToPay: Int
    public var totalDaysLate: Int
    /// Settled invoices paid after their due date.
    public var lateInvoices: Int

    public init(customerID: Int64, customerCode: String, customerName: String, settledInvoices: Int,
                totalDaysToPay: Int, totalDaysLate: Int, lateInvoices: Int) {
        self.customerID = customerID
        self.customerCode = customerCode
        self.customerName = customerName
        self.settledInvoices = settledInvoices
        self.totalDaysToPay = totalDaysToPay
        self.totalDaysLate = totalDaysLate
        self.lateInvoices = lateInvoices
    }

    public var averageDaysToPayTenths: Int64? { PaymentBehaviour.tenths(totalDaysToPay, settledInvoices) }
    public var averageDaysLateTenths: Int64? { PaymentBehaviour.tenths(totalDaysLate, settledInvoices) }

    static func tenths(_ total: Int, _ count: Int) -> Int64? {
        count > 0 ? Int64(RoundingRule.halfUp.divide(Int128(total) * 10, by: Int128(count))) : nil
    }
}

/// One month of the collections chart: what fell due, what came in, and how much of what fell due was
/// collected (amounts in minor units of `currency`).
public struct CollectionMonth: Hashable, Sendable, Codable {
    /// `YYYY-MM`.
    public var month: String
    public var currency: Currency
    /// Totals of invoices due in the month.
    public var due: Int64
    /// Receipts dated in the month.
    public var collected: Int64
    /// Receipt and credit-note allocations (net of reversals) to invoices due in the month, dated ≤ month end.
    public var settledOfDue: Int64

    public init(month: String, currency: Currency, due: Int64, collected: Int64, settledOfDue: Int64) {
        self.month = month
        self.currency = currency
        self.due = due
        self.collected = collected
        self.settledOfDue = settledOfDue
    }
}

/// Basis of an aging report.
public enum AgingBasis: String, Sendable, Codable, CaseIterable {
    /// Days past the due date (current = not yet due).
    case dueDate = "due"
    /// Days since the invoice date (0–30, 31–60, …).
    case invoiceDate = "invoice"
}

/// Receivables figures computed from a `ReceivablesSnapshot`.
public enum ReceivablesFigures {
    /// The DSO window in days: `report dso`'s default, the dashboard, the receivables screen (F5) and the periodic
    /// audit's analytical review all measure DSO over the 90 days ending a date (inclusive) — one window everywhere.
    public static let dsoWindowDays = 90

    /// The DSO window ending `to`: the 90 days `to − 89 … to` (inclusive).
    public static func dsoWindow(endingOn to: CivilDate) -> (from: CivilDate, to: CivilDate) {
        (to.adding(days: -(dsoWindowDays - 1)), to)
    }

    /// DSO per currency for `from...to` (currencies with sales or receivables), from the in-memory snapshot: the
    /// same inputs the store's `dsoTotals` sums set-based, through the same rule (`dso(from:to:totals:)`).
    public static func dso(from: CivilDate, to: CivilDate, snapshot: ReceivablesSnapshot) -> [DSOFigure] {
        var receivables: [String: Int64] = [:]
        var sales: [String: Int64] = [:]
        for (invoice, open) in snapshot.openInvoices(asOf: to) { receivables[invoice.currency.code,
                                                                             default: 0] += open }
        for doc in snapshot.documents where doc.date >= from && doc.date <= to {
            sales[doc.currency.code, default: 0] += doc.kind == .invoice ? doc.total : -doc.total
        }
        let totals = Set(receivables.keys).union(sales.keys).compactMap { code in
            Currency.named(code).map {
                DSOTotals(currency: $0, receivablesAtEnd: receivables[code] ?? 0, creditSales: sales[code] ?? 0)
            }
        }
        return dso(from: from, to: to, totals: totals)
    }

    /// DSO per currency (by currency code) from its inputs.
    public static func dso(from: CivilDate, to: CivilDate, totals: [DSOTotals]) -> [DSOFigure] {
        totals.sorted { $0.currency.code < $1.currency.code }.map {
            DSOFigure(from: from, to: to, currency: $0.currency, receivablesAtEnd: $0.receivablesAtEnd,
                      creditSales: $0.creditSales)
        }
    }

}

/// A bad-debt write-off (坏账核销), reported apart from receipts.
public struct WriteOffRow: Hashable, Sendable, Codable {
    public var date: CivilDate
    public var invoiceNumber: String
    public var customerCode: String
    public var customerName: String
    public var currency: Currency
    /// Amount written off, minor units (negative for the reversal of a write-off).
    public var amount: Int64
    public var reason: String

    public init(date: CivilDate, invoiceNumber: String, customerCode: String, customerName: String,
                currency: Currency, amount: Int64, reason: String) {
        self.date = date
        self.invoiceNumber = invoiceNumber
        self.customerCode = customerCode
        self.customerName = customerName
        self.currency = currency
        self.amount = amount
        self.reason = reason
    }
}
