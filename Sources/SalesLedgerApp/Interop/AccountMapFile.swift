import Foundation
import LedgerInterop
import TOMLKit

/// The account map file (`export vouchers --map FILE`), read with TOMLKit here so the TOML dependency stays out of
/// LedgerInterop's clients.
extension AccountMap {
    /// Reads a map file: `standard = "cas"|"sbas"` picks the preset (default `standard`), then
    /// `[accounts]` (receivable, revenue, output_vat, advances, bad_debt, receipt_default, exchange_difference),
    /// `[receipt_methods]`,
    /// `[revenue_by_category]`, `[revenue_by_channel]`, `[vat_by_category]`, `[names]`, `[settlement_names]`, `dotted`,
    /// `advances_separate`. - Throws: `InteropError` naming the key at fault.
    public static func parse(_ text: String, file: String, standard: Standard) throws -> AccountMap {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw InteropError(source: file,
                               message: "line \(error.source.begin.line): TOML syntax: \(error.description)")
        }
        var chosen = standard
        if let value = table["standard"] {
            guard let s = value.string, let parsed = Standard(rawValue: s.lowercased()) else {
                throw InteropError(source: file, message: "standard: must be \"cas\" or \"sbas\"")
            }
            chosen = parsed
        }
        var map = preset(chosen)
        func strings(_ key: String) throws -> [String: String] {
            guard let value = table[key] else { return [:] }
            guard let sub = value.table else { throw InteropError(source: file, message: "\(key): must be a table") }
            var out: [String: String] = [:]
            for k in sub.keys {
                guard let code = sub[k]?.string, !code.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw InteropError(source: file, message: "\(key).\(k): must be an account code in quotes")
                }
                out[k] = code.trimmingCharacters(in: .whitespaces)
            }
            return out
        }
        for key in table.keys {
            switch key {
            case "standard", "accounts", "receipt_methods", "revenue_by_category", "revenue_by_channel",
                 "vat_by_category", "names", "dotted", "advances_separate", "description",
                 "settlement_names": continue
            default: throw InteropError(source: file, message: "\(key): unknown key")
            }
        }
        for (key, code) in try strings("accounts") {
            switch key {
            case "receivable": map.receivable = code
            case "revenue": map.revenue = code
            case "output_vat": map.outputVAT = code
            case "advances": map.advances = code
            case "bad_debt": map.badDebt = code
            case "receipt_default": map.receiptDefault = code
            case "exchange_difference": map.exchangeDifference = code
            default:
                throw InteropError(source: file, message: "accounts.\(key): unknown account (expected receivable, "
                                   + "revenue, output_vat, advances, bad_debt, receipt_default, "
                                   + "exchange_difference)")
            }
        }
        map.receiptMethods.merge(try strings("receipt_methods")) { $1 }
        map.settlementNames.merge(try strings("settlement_names")) { $1 }
        map.revenueByCategory = try strings("revenue_by_category")
        map.revenueByChannel = try strings("revenue_by_channel")
        map.vatByCategory = try strings("vat_by_category")
        map.names.merge(try strings("names")) { $1 }
        if let value = table["dotted"] {
            guard let flag = value.bool else {
                throw InteropError(source: file, message: "dotted: must be true or false")
            }
            map.dotted = flag
        }
        if let value = table["advances_separate"] {
            guard let flag = value.bool else {
                throw InteropError(source: file, message: "advances_separate: must be true or false")
            }
            map.advancesSeparate = flag
        }
        return map
    }
}
