/// What the ledger already knows about a customer and products, for the plausibility checks on entry.
/// Amounts in minor units of the customer's currency; quantities in thousandths.
public struct EntryHistory: Hashable, Sendable {
    /// Posted (non-void) invoices of the customer and their average total (0 when none).
    public var customerInvoices: Int
    public var customerAverageTotal: Int64
    /// Per SKU: how the product was sold before on posted invoices.
    public var products: [String: ProductHistory]

    public init(customerInvoices: Int = 0, customerAverageTotal: Int64 = 0, products: [String: ProductHistory] = [:]) {
        self.customerInvoices = customerInvoices
        self.customerAverageTotal = customerAverageTotal
        self.products = products
    }
}

/// One product's earlier invoice lines: how many, the largest quantity on one line, the lowest and highest unit price.
public struct ProductHistory: Hashable, Sendable {
    public var lines: Int
    public var maxQuantity: Int64
    public var minUnitPrice: Int64
    public var maxUnitPrice: Int64
    public init(lines: Int, maxQuantity: Int64, minUnitPrice: Int64, maxUnitPrice: Int64) {
        self.lines = lines
        self.maxQuantity = maxQuantity
        self.minUnitPrice = minUnitPrice
        self.maxUnitPrice = maxUnitPrice
    }
}

/// Reads for the plausibility checks. `DocumentBrowserQueries` inherits it.
public protocol EntryHistoryQueries: AnyObject {
    /// The customer's posted invoices (count, average total) and the earlier lines of `skus` on posted invoices.
    /// - Throws: `LedgerError.storage`.
    func entryHistory(customerCode: String, skus: [String]) throws -> EntryHistory
    /// Numbers of the customer's receipts whose reference is `reference` (trimmed, compared exactly), oldest first.
    func receiptsWithReference(customerCode: String, reference: String) throws -> [String]
}

/// A reason to ask the clerk "are you sure?" before saving. Never a refusal: the clerk may confirm.
public enum PlausibilityWarning: Hashable, Sendable {
    /// The document total is far above the customer's usual size (`factor` × its average).
    case farAboveUsual(total: Money, average: Money)
    /// The document total is above the absolute threshold.
    case veryLarge(total: Money, threshold: Money)
    /// A product line's quantity is far above the largest sold before on one line.
    case unusualQuantity(line: Int, sku: String, quantity: Quantity, usualMax: Quantity)
    /// A product line's unit price is far outside what it was sold at (or its list price).
    case unusualPrice(line: Int, sku: String, price: Money, low: Money, high: Money)
    /// The document date is far from today.
    case farFromToday(date: CivilDate, today: CivilDate)
    /// A receipt reference already used on receipts of the customer.
    case duplicateReference(reference: String, numbers: [String])

    /// The warning in English or Chinese, naming the line, product and figures.
    public func message(chinese: Bool) -> String {
        switch self {
        case let .farAboveUsual(total, average):
            return chinese ? "单据金额 \(total.groupedString) 远高于该客户平均 "
                             + "\(average.groupedString)（超过\(EntryPlausibility.usualFactor)倍）"
                : "total \(total.groupedString) is over \(EntryPlausibility.usualFactor)× this customer's average "
                  + "\(average.groupedString)"
        case let .veryLarge(total, threshold):
            return chinese ? "单据金额 \(total.groupedString) 超过 \(threshold.groupedString)"
                : "total \(total.groupedString) is above \(threshold.groupedString)"
        case let .unusualQuantity(line, sku, quantity, usualMax):
            return chinese ? "第\(line)行 \(sku) 数量 \(quantity) 远高于以往单行最多 \(usualMax)"
                : "line \(line) \(sku): quantity \(quantity) is far above the most sold on one line (\(usualMax))"
        case let .unusualPrice(line, sku, price, low, high):
            return chinese ? "第\(line)行 \(sku) 单价 \(price.groupedString) 不在以往 "
                             + "\(low.groupedString)–\(high.groupedString) 的合理范围"
                : "line \(line) \(sku): unit price \(price.groupedString) is far from its usual "
                  + "\(low.groupedString)–\(high.groupedString)"
        case let .farFromToday(date, today):
            let days = today.days(to: date)
            return chinese ? "单据日期 \(date) 距今天 \(today) \(abs(days)) 天"
                : "date \(date) is \(abs(days)) days \(days < 0 ? "before" : "after") today (\(today))"
        case let .duplicateReference(reference, numbers):
            return chinese ? "参考号 \(reference) 已用于 \(numbers.joined(separator: "、"))"
                : "reference \(reference) is already on \(numbers.joined(separator: ", "))"
        }
    }
}

/// Plausibility checks on entry (issue 11): figures far from what the ledger knows become warnings the clerk
/// confirms. The thresholds are the issue's examples and common practice, stated here once:
/// - a document over `usualFactor` (100) × the customer's average posted invoice (with at least `minimumHistory`
///   invoices), or over `largeTotal` (100,000,000 in the currency's major unit) in any case;
/// - a product line's quantity over `quantityFactor` (10) × the most sold on one earlier line, or a unit price below
///   half the lowest or above twice the highest earlier price (at least `minimumHistory` lines; with fewer lines the
///   list price is the only reference);
/// - a document date more than `dayWindow` (30) days before or after today;
/// - a receipt reference already used on a receipt of the same customer.
public enum EntryPlausibility {
    public static let usualFactor: Int64 = 100
    public static let quantityFactor: Int64 = 10
    public static let minimumHistory = 3
    public static let dayWindow = 30

    /// `largeTotal` for `currency`: 100,000,000 major units in minor units.
    public static func largeTotal(_ currency: Currency) -> Int64 {
        var value: Int64 = 100_000_000
        for _ in 0..<currency.minorDigits { value *= 10 }
        return value
    }

    /// One line of a sale being entered: product SKU (nil for a free line), quantity, unit price, and the list price.
    public struct Line: Hashable, Sendable {
        public var sku: String?
        public var quantity: Quantity
        public var unitPrice: Money
        public var listPrice: Money?
        public init(sku: String?, quantity: Quantity, unitPrice: Money, listPrice: Money? = nil) {
            self.sku = sku
            self.quantity = quantity
            self.unitPrice = unitPrice
            self.listPrice = listPrice
        }
    }

    /// The warnings for a sale dated `date` totalling `total` (gross), in line order after the document's own.
    public static func sale(total: Money, date: CivilDate, today: CivilDate, lines: [Line],
                            history: EntryHistory) -> [PlausibilityWarning] {
        var warnings: [PlausibilityWarning] = []
        let currency = total.currency
        let threshold = largeTotal(currency)
        if total.minorUnits > threshold {
            warnings.append(.veryLarge(total: total, threshold: Money(minorUnits: threshold, currency: currency)))
        } else if history.customerInvoices >= minimumHistory, history.customerAverageTotal > 0 {
            let (limit, overflow) = history.customerAverageTotal.multipliedReportingOverflow(by: usualFactor)
            if !overflow, total.minorUnits > limit {
                warnings.append(.farAboveUsual(total: total, average: Money(minorUnits: history.customerAverageTotal,
                                                                           currency: currency)))
            }
        }
        if abs(today.days(to: date)) > dayWindow { warnings.append(.farFromToday(date: date, today: today)) }
        for (index, line) in lines.enumerated() {
            guard let sku = line.sku else { continue }
            let known = history.products[sku].flatMap { $0.lines >= minimumHistory ? $0 : nil }
            if let known, known.maxQuantity > 0 {
                let (limit, overflow) = known.maxQuantity.multipliedReportingOverflow(by: quantityFactor)
                if !overflow, line.quantity.thousandths > limit {
                    warnings.append(.unusualQuantity(line: index + 1, sku: sku, quantity: line.quantity,
                                                     usualMax: Quantity(thousandths: known.maxQuantity)))
                }
            }
            let range: (low: Int64, high: Int64)?
            if let known { range = (known.minUnitPrice, known.maxUnitPrice) }
            else if let list = line.listPrice, list.minorUnits > 0 { range = (list.minorUnits, list.minorUnits) }
            else { range = nil }
            if let range, range.low > 0 {
                let price = line.unitPrice.minorUnits
                let (high, overflow) = range.high.multipliedReportingOverflow(by: 2)
                let (double, doubleOverflow) = price.multipliedReportingOverflow(by: 2)
                if (!doubleOverflow && double < range.low) || (!overflow && price > high) {
                    warnings.append(.unusualPrice(line: index + 1, sku: sku, price: line.unitPrice,
                                                  low: Money(minorUnits: range.low, currency: currency),
                                                  high: Money(minorUnits: range.high, currency: currency)))
                }
            }
        }
        return warnings
    }

    /// The warnings for a receipt dated `date` with `reference`, given the customer's receipts already carrying it.
    public static func receipt(date: CivilDate, today: CivilDate, reference: String,
                               sameReference: [String]) -> [PlausibilityWarning] {
        var warnings: [PlausibilityWarning] = []
        if abs(today.days(to: date)) > dayWindow { warnings.append(.farFromToday(date: date, today: today)) }
        let trimmed = reference.trimmingSpaces()
        if !trimmed.isEmpty, !sameReference.isEmpty {
            warnings.append(.duplicateReference(reference: trimmed, numbers: sameReference))
        }
        return warnings
    }
}
