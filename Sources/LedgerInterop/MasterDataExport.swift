import Foundation
import LedgerCore

/// Products and opening balances as CSV in the columns `import products` and `import opening` read, so an export
/// imports back into another ledger unchanged (UTF-8 with BOM, formula cells neutralised and restored on import).
public enum MasterDataExport {
    public static let productHeader = ["sku", "name", "category", "unit", "unit_price", "tax_rate", "currency"]
    public static let openingHeader = ["kind", "customer_code", "number", "date", "due_date", "currency", "amount"]

    public static func products(_ products: [Product]) -> String {
        CSVOutput.render(header: productHeader, rows: products.map { p in
            [p.sku, p.name, p.category, p.unit, amount(p.unitPrice.minorUnits, p.unitPrice.currency),
             percent(p.taxRate), p.unitPrice.currency.code]
        })
    }

    /// Open invoices and unapplied credits as of a date. `references` maps our document or receipt number to the
    /// reference it came with (an earlier system's number), which is written instead when present. The invoices by
    /// customer code, date and number, then the credits so; `openingPreamble`, `openingInvoiceRow` and
    /// `openingCreditRows` write the same text a part at a time (`export opening` streams it).
    public static func opening(items: [OpenItem], credits: [UnappliedCredit], references: [String: String]) -> String {
        let rows = items.sorted {
            ($0.customerCode, $0.date, $0.number) < ($1.customerCode, $1.date, $1.number)
        }.map { openingInvoiceRow($0, references: references) }
        return CSVOutput.render(header: openingHeader,
                                rows: rows + openingCreditRows(credits, references: references))
    }

    /// The text before the rows of `opening` (byte order mark, header …, per `CSVOutput.processDefault`).
    public static func openingPreamble() -> String { CSVOutput.preamble(header: openingHeader) }

    /// One open invoice's CSV line of `opening` (with its line end).
    public static func openingLine(_ item: OpenItem, references: [String: String]) -> String {
        CSVOutput.line(openingInvoiceRow(item, references: references), style: CSVOutput.processDefault) + "\n"
    }

    /// One open invoice's cells: kind, customer code, number (or its reference), date, due date, currency, open.
    public static func openingInvoiceRow(_ i: OpenItem, references: [String: String]) -> [String] {
        ["invoice", i.customerCode, referenced(i.number, references), i.date.description, i.dueDate.description,
         i.currency.code, amount(i.open, i.currency)]
    }

    /// The unapplied credits' cells, by customer code, date and number (no due date).
    public static func openingCreditRows(_ credits: [UnappliedCredit], references: [String: String]) -> [[String]] {
        credits.sorted {
            ($0.customerCode, $0.date, $0.number) < ($1.customerCode, $1.date, $1.number)
        }.map { c in
            ["credit", c.customerCode, referenced(c.number, references), c.date.description, "", c.currency.code,
             amount(c.amount, c.currency)]
        }
    }

    private static func referenced(_ n: String, _ references: [String: String]) -> String {
        references[n].flatMap { $0.isEmpty ? nil : $0 } ?? n
    }

    static func amount(_ minor: Int64, _ c: Currency) -> String {
        Money.format(minor, digits: c.minorDigits, grouping: false)
    }

    /// Basis points as a percentage without a sign: 1300 → `13`, 1250 → `12.5`.
    static func percent(_ rate: Rate) -> String {
        let whole = rate.basisPoints / 100, frac = rate.basisPoints % 100
        if frac == 0 { return String(whole) }
        var f = String(format: "%02d", Int(frac))
        while f.hasSuffix("0") { f.removeLast() }
        return "\(whole).\(f)"
    }
}
