import Foundation
import LedgerCore

extension SalesImport.Columns {
    /// Refuses a header where two columns give one field (`税率,vat_rate`, `amount,amount`, `金额,价税合计`): the
    /// import would take one and drop the other without a word (tryout s32: `9,13` posted at 9 %). A `customer`
    /// (客户) column gives the name, or the code when a name column exists; with both, it repeats the name.
    /// - Throws: `InteropError`: `columns 3 (税率) and 4 (vat_rate) both give the tax rate` (1-based columns, the
    ///   file's own headers), before any row is read.
    static func refuseRepeatedFields(_ header: [String], source: String) throws {
        let names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        func key(_ name: String) -> String? {
            let cleaned = name.lowercased()
            return SalesImport.synonyms.first { $0.value.contains(cleaned) }?.key
        }
        let keys = names.map(key)
        let hasName = keys.contains("name"), hasCode = keys.contains("code")
        let fields = keys.map { found -> String? in
            guard let field = found else { return nil }
            return field == "customer" ? (hasName && !hasCode ? "code" : "name") : field
        }
        if let repeated = RepeatedColumns.find(names, fields: fields,
                                               words: { SalesImport.fieldWords[$0] ?? $0 }) {
            throw InteropError(source: source, message: repeated.description)
        }
    }
}
