/// Pre-summed inputs of the receivables reports, computed set-based by the store (issue 10: a report at a million
/// invoices never loads the whole ledger). The rules that turn them into figures stay here in `LedgerCore`
/// (`Aging.reports(cells:)`, `ReceivablesFigures.dso(totals:)`, `ConvertedDSO`); the in-memory snapshot forms
/// build the same inputs and call the same rules.

/// One cell of an aging report: the open invoices (as of the report date) of one currency, one group and one
/// bucket, summed. Amounts are minor units of `currency`.
public struct AgingCell: Hashable, Sendable, Codable {
    public var currency: Currency
    /// Group key and label (`Aging.groupKey`); empty without grouping.
    public var key: String
    public var label: String
    /// Bucket index (`AgingBuckets.index(of:thresholds:)`).
    public var bucket: Int
    /// Open amount and number of open invoices in the cell.
    public var amount: Int64
    public var count: Int
    /// Part of `amount` due before the report date (overdue by due date, whatever the basis).
    public var overdue: Int64
    /// Part of `amount` on disputed invoices.
    public var disputed: Int64

    public init(currency: Currency, key: String, label: String, bucket: Int, amount: Int64, count: Int,
                overdue: Int64, disputed: Int64) {
        self.currency = currency
        self.key = key
        self.label = label
        self.bucket = bucket
        self.amount = amount
        self.count = count
        self.overdue = overdue
        self.disputed = disputed
    }
}

/// A page of the aging by customer (`agingCustomerPage`): its rows' keys in order, their cells, and the number of
/// rows of the whole report.
public struct AgingCustomerPage: Hashable, Sendable {
    public struct Key: Hashable, Sendable {
        public var currency: Currency
        public var code: String
        public init(currency: Currency, code: String) { (self.currency, self.code) = (currency, code) }
    }
    public var keys: [Key]
    public var cells: [AgingCell]
    public var rowCount: Int
    public init(keys: [Key], cells: [AgingCell], rowCount: Int) {
        (self.keys, self.cells, self.rowCount) = (keys, cells, rowCount)
    }
}

extension AgingBuckets {
    /// The buckets as dates: an invoice's bucket index is the number of thresholds its key date (the due date, or
    /// the invoice date for `.invoiceDate`) falls strictly before. By due date the thresholds are `asOf`, then
    /// `asOf − bound` for each bound (so index 0 = not yet due, 1 = 1–30 days past due, …); by invoice date they
    /// are `asOf − bound` (index 0 = 0–30 days old, …). Same buckets as `index(daysOverdue:)` and
    /// `index(daysSinceInvoice:)`, in a form a store can evaluate with date comparisons.
    public func thresholds(asOf: CivilDate, basis: AgingBasis) -> [CivilDate] {
        switch basis {
        case .dueDate: return [asOf] + bounds.map { asOf.adding(days: -$0) }
        case .invoiceDate: return bounds.map { asOf.adding(days: -$0) }
        }
    }

    /// Bucket index of `date` for `thresholds` (see `thresholds(asOf:basis:)`).
    public static func index(of date: CivilDate, thresholds: [CivilDate]) -> Int {
        thresholds.reduce(0) { $0 + (date < $1 ? 1 : 0) }
    }
}

/// DSO inputs of one currency: open invoices as of the period end and credit sales in the period, minor units.
public struct DSOTotals: Hashable, Sendable, Codable {
    public var currency: Currency
    public var receivablesAtEnd: Int64
    public var creditSales: Int64

    public init(currency: Currency, receivablesAtEnd: Int64, creditSales: Int64) {
        self.currency = currency
        self.receivablesAtEnd = receivablesAtEnd
        self.creditSales = creditSales
    }
}

/// One amount entering the converted DSO: an invoice's open amount as of the period end (`isReceivable`, dated
/// the period end) or a document dated in the period (credit notes negative), minor units of `currency`.
public struct DSOEntry: Hashable, Sendable {
    public var currency: Currency
    public var date: CivilDate
    public var amount: Int64
    public var isReceivable: Bool

    public init(currency: Currency, date: CivilDate, amount: Int64, isReceivable: Bool) {
        self.currency = currency
        self.date = date
        self.amount = amount
        self.isReceivable = isReceivable
    }
}

/// The converted DSO, summed entry by entry (each converted at the rate on its date, then added, as the
/// snapshot form always did), so a store can stream the entries.
public struct ConvertedDSO {
    public let rates: ExchangeRateTable
    public private(set) var receivables: Int64 = 0
    public private(set) var sales: Int64 = 0
    /// False once a needed rate was missing.
    public private(set) var complete = true

    public init(rates: ExchangeRateTable) { self.rates = rates }

    public mutating func add(_ entry: DSOEntry) {
        guard complete else { return }
        guard let converted = rates.convert(Money(minorUnits: entry.amount, currency: entry.currency), on: entry.date)
        else { complete = false; return }
        if entry.isReceivable { receivables += converted.minorUnits } else { sales += converted.minorUnits }
    }

    /// The figure in the base currency; nil when a rate was missing.
    public func figure(from: CivilDate, to: CivilDate) -> DSOFigure? {
        complete ? DSOFigure(from: from, to: to, currency: rates.base, receivablesAtEnd: receivables,
                             creditSales: sales)
            : nil
    }
}

/// Set-based report queries of the receivables engine (issue 10). Every method reads only index ranges and
/// GROUP BY results, never the whole ledger into memory. - Throws: `LedgerError.storage`.
public protocol ReceivablesAggregateQueries: AnyObject {
    /// Aging cells as of `asOf`: open invoices dated ≤ `asOf` summed per currency, group (`grouping`) and bucket
    /// (`thresholds`, compared with the due date or, for `.invoiceDate`, the invoice date).
    func agingCells(asOf: CivilDate, thresholds: [CivilDate], basis: AgingBasis,
                    grouping: AgingGrouping) throws -> [AgingCell]
    /// One page of the aging by customer as of `asOf` from the maintained figures (issue 10): the rows (customer and
    /// currency with open invoices or unapplied credits) in the report's order — currency, balance descending
    /// (open invoices − unapplied credits), customer code — `page` of them, the cells of those rows alone and the
    /// number of rows; nil when the maintained figures do not serve `asOf` and `thresholds` (something dated after
    /// it, or thresholds not by due date from `asOf`): then the caller pages the whole report.
    func agingCustomerPage(asOf: CivilDate, thresholds: [CivilDate], page: PageRequest) throws -> AgingCustomerPage?
    /// DSO inputs per currency for `from...to`, by currency code (currencies with sales or receivables).
    func dsoTotals(from: CivilDate, to: CivilDate) throws -> [DSOTotals]
    /// Every entry of the converted DSO for `from...to`, streamed to `body` (order unspecified).
    func forEachDSOEntry(from: CivilDate, to: CivilDate, _ body: (DSOEntry) throws -> Void) throws
    /// Collected vs due per month and currency (definition: `CollectionMonth`), in month then currency order.
    func collectionMonths(from: CivilDate, to: CivilDate) throws -> [CollectionMonth]
    /// Payment behaviour per customer (definition: `PaymentBehaviour`), by customer code; `customerID` limits it to
    /// one customer.
    func paymentBehaviour(asOf: CivilDate?, customerID: Int64?) throws -> [PaymentBehaviour]
    /// Write-offs and their reversals dated in `from...to`, by date then invoice number.
    func writeOffRows(from: CivilDate, to: CivilDate) throws -> [WriteOffRow]
    /// Every contact and snooze dated ≤ `asOf`, by date then id (the reminder engine's other inputs).
    func reminderContacts(asOf: CivilDate) throws -> (contacts: [ContactLogEntry], snoozes: [ReminderSnooze])
}
