import Foundation
import LedgerCore

/// The text of a sale being entered, as typed. Saved to a file beside the ledger after every change, so a
/// crash or a killed terminal loses nothing: the next start offers to restore it.
struct SaleDraft: Codable, Equatable {
    struct Line: Codable, Equatable {
        var product = ""
        var quantity = ""
        var unitPrice = ""
        var discount = ""
        var taxRate = ""
        var isPriceEdited = false
        var isTaxEdited = false
    }
    var customer = ""
    var customerCode: String?
    var date = ""
    var salesperson = ""
    var terms = ""
    var dueDate = ""
    var isDueEdited = false
    var channel = ""
    var region = ""
    var lines: [Line] = [Line()]

    var isBlank: Bool {
        customer.isEmpty && lines.allSatisfy { $0.product.isEmpty && $0.quantity.isEmpty && $0.unitPrice.isEmpty }
    }

    static func load(from path: String) -> SaleDraft? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(SaleDraft.self, from: data)
    }

    /// Writes atomically (temp file + rename), mode 0600.
    func save(to path: String) {
        guard let data = try? JSONEncoder().encode(self) else { return }
        let temp = path + ".tmp"
        if FileManager.default.createFile(atPath: temp, contents: data, attributes: [.posixPermissions: 0o600]) {
            _ = rename(temp, path)   // atomic replace (POSIX rename)
        }
    }

    static func remove(at path: String) { try? FileManager.default.removeItem(atPath: path) }
}

/// Live arithmetic of the sale being entered: each line's amount and the totals, with the ledger's rules
/// (`LineCalculation`), so what the form shows is what posting stores.
enum SaleMath {
    struct LineResult: Equatable {
        var net: Int64
        var tax: Int64
    }

    static func line(quantity: String, unitPrice: String, discount: String, taxRate: String,
                     currency: Currency) -> LineResult? {
        guard let qty = try? Quantity.parse(quantity), let price = try? MoneyParser.parse(unitPrice, currency: currency)
        else { return nil }
        let disc = discount.isEmpty ? Rate.zero : ((try? Rate.parsePercent(discount)) ?? .zero)
        let rate = taxRate.isEmpty ? Rate.zero : ((try? Rate.parsePercent(taxRate)) ?? .zero)
        guard let net = try? LineCalculation.netAmount(quantity: qty, unitPrice: price, discount: disc),
              let tax = try? LineCalculation.taxAmount(net: net, rate: rate),
              let gross = CheckedSum.add(net.minorUnits, tax.minorUnits),
              LedgerLimits.isWithinAmountBound(gross) else { return nil }
        return LineResult(net: net.minorUnits, tax: tax.minorUnits)
    }

    /// Whether the line's quantity and price parse but its amount is beyond `LedgerLimits` (posting would refuse it).
    static func isTooLarge(quantity: String, unitPrice: String, discount: String, taxRate: String,
                           currency: Currency) -> Bool {
        guard (try? Quantity.parse(quantity)) != nil, (try? MoneyParser.parse(unitPrice, currency: currency)) != nil
        else { return false }
        return line(quantity: quantity, unitPrice: unitPrice, discount: discount, taxRate: taxRate,
                    currency: currency) == nil
    }

    /// The sums of the lines' net and tax, or nil when a sum would overflow (shown as "too large", never a trap).
    static func totals(_ lines: [LineResult?]) -> (net: Int64, tax: Int64, gross: Int64)? {
        guard let net = CheckedSum.of(lines.map { $0?.net ?? 0 }), let tax = CheckedSum.of(lines.map { $0?.tax ?? 0 }),
              let gross = CheckedSum.add(net, tax) else { return nil }
        return (net, tax, gross)
    }
}
