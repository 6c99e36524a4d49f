import LedgerCore

/// The keys a file must not repeat (codes, SKUs, numbers, 交易单号) and the row each was first seen on. A key is
/// kept as its 64-bit hash (this process's `Hasher`) with a 32-bit row, 12 bytes a row, so a 1M-row file needs
/// about 20 MB here rather than a copy of every key; two different keys sharing a hash (about 1 in 10^7 at 1M
/// rows) would be reported as a repeat naming both rows, never silently merged.
struct SeenKeys {
    private var rows: [Int: Int32] = [:]

    subscript(key: String) -> Int? {
        get { rows[key.hashValue].map(Int.init) }
        set { rows[key.hashValue] = newValue.map { Int32(truncatingIfNeeded: $0) } }
    }
}

extension DataImport {
    /// A sales row through the one sales check (`SalesImport.check`); cells read as every kind reads them (`cell`:
    /// trimmed, a multi-line cell joined with spaces) and amounts as the engine reads them (`ImportAmount`:
    /// `--decimal-comma`, ambiguous amounts refused).
    func saleRecord(_ cells: [String], _ row: Int, _ seen: inout SeenKeys) -> SalesImport.RowCheck {
        guard let columns = salesColumns else { return .problems([("", "no sales columns")]) }
        let decimalComma = settings.decimalComma
        return SalesImport.check(
            line: row, columns: columns, dateFormat: settings.dateFormat, today: settings.today,
            currency: settings.currency,
            cell: { name in name.map { self.cell(cells, $0) } ?? "" },
            amount: { text, currency in try ImportAmount.parse(text, currency: currency, decimalComma: decimalComma) },
            firstRow: { number in
                if let first = seen[number] { return first }
                seen[number] = row
                return nil
            })
    }
}
