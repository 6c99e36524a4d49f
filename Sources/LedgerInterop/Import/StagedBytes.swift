import Foundation
import LedgerCore

/// The byte layout of a staged row in `ImportStaging`'s temporary file, little-endian: row number, cell count, each
/// cell as length and UTF-8 bytes, then 0 or 1 for a checked sales record (s31-import) followed by its fields —
/// date as year, month, day; number; customer code (0, or 1 and the text); customer name; amount as minor units
/// (low, high 32 bits), currency code and minor digits; due date (0, or 1 and year, month, day); note; credit note
/// flag; tax rate (0, or 1 and basis points — s33-fix: it was not written, so every row after the first
/// `ImportStaging.bufferCapacity` of a file posted at the ledger's default rate). Counts and integers are 32-bit;
/// texts are a length and their UTF-8 bytes.
struct StagedBytes {
    var bytes: [UInt8] = []

    mutating func put(_ value: Int) {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian) { bytes += $0 }
    }

    mutating func put(_ text: String) {
        put(text.utf8.count)
        bytes += text.utf8
    }

    mutating func put(_ date: CivilDate) {
        put(date.year); put(date.month); put(date.day)
    }

    mutating func put(_ row: ImportStaging.Row) {
        put(row.row)
        put(row.cells.count)
        for cell in row.cells { put(cell) }
        guard let sale = row.sale else { return put(0) }
        put(1)
        put(sale.date)
        put(sale.number)
        if let code = sale.customerCode { put(1); put(code) } else { put(0) }
        put(sale.customerName)
        let minor = UInt64(bitPattern: sale.amount.minorUnits)
        put(Int(minor & 0xFFFF_FFFF)); put(Int(minor >> 32))
        put(sale.amount.currency.code); put(sale.amount.currency.minorDigits)
        if let due = sale.dueDate { put(1); put(due) } else { put(0) }
        put(sale.note)
        put(sale.isCreditNote ? 1 : 0)
        if let rate = sale.taxRate { put(1); put(Int(rate.basisPoints)) } else { put(0) }
    }

    /// Reads rows back from `data` (indices from 0) at `at`; every read is nil when the data ends first.
    struct Cursor {
        let data: Data
        var at: Int

        mutating func int() -> Int? {
            guard data.count - at >= 4 else { return nil }
            var v: UInt32 = 0
            withUnsafeMutableBytes(of: &v) { $0.copyBytes(from: data[at..<at + 4]) }
            at += 4
            return Int(UInt32(littleEndian: v))
        }

        mutating func text() -> String? {
            guard let length = int(), data.count - at >= length else { return nil }
            defer { at += length }
            return String(decoding: data[at..<at + length], as: UTF8.self)
        }

        mutating func date() -> CivilDate? {
            guard let y = int(), let m = int(), let d = int() else { return nil }
            return CivilDate(year: y, month: m, day: d)
        }

        mutating func row() -> ImportStaging.Row? {
            guard let row = int(), let n = int() else { return nil }
            var cells: [String] = []
            cells.reserveCapacity(n)
            for _ in 0..<n {
                guard let cell = text() else { return nil }
                cells.append(cell)
            }
            guard let hasSale = int() else { return nil }
            guard hasSale == 1 else { return ImportStaging.Row(row: row, cells: cells) }
            guard let date = date(), let number = text(), let hasCode = int() else { return nil }
            var code: String?
            if hasCode == 1 {
                guard let text = text() else { return nil }
                code = text
            }
            guard let name = text(), let low = int(), let high = int(), let currency = text(),
                  let digits = int(), let hasDue = int() else { return nil }
            var due: CivilDate?
            if hasDue == 1 {
                guard let date = self.date() else { return nil }
                due = date
            }
            guard let note = text(), let credit = int(), let hasRate = int() else { return nil }
            var rate: Rate?
            if hasRate == 1 {
                guard let points = int() else { return nil }
                rate = Rate(basisPoints: Int64(points))
            }
            let minor = Int64(bitPattern: UInt64(high) << 32 | UInt64(low))
            let amount = Money(minorUnits: minor, currency: Currency(code: currency, minorDigits: digits))
            let sale = SalesImport.Row(line: row, date: date, number: number, customerCode: code, customerName: name,
                                       amount: amount, dueDate: due, note: note, isCreditNote: credit == 1,
                                       taxRate: rate)
            return ImportStaging.Row(row: row, cells: cells, sale: sale)
        }
    }
}
