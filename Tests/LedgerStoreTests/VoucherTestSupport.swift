import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore

/// An independent reader of exported voucher files (its own CSV splitter, not the program's), and the ledger
/// figures the vouchers must tie to.
enum VoucherFileReader {
    struct Line { var voucher: String; var account: String; var customer: String; var debit: Int64; var credit: Int64 }

    static func decode(_ data: Data, gb18030: Bool) -> String {
        if gb18030 { return String(data: data, encoding: String.Encoding(rawValue: 0x8000_0632))! }
        precondition(data.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 targets start with a BOM")
        return String(decoding: data.dropFirst(3), as: UTF8.self)
    }

    /// Minimal RFC 4180 split (quotes, doubled quotes, separators and line breaks inside quotes).
    static func rows(_ text: String, quoting: Bool = true) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoting && quoted {
                if c == "\"" {
                    if chars.first == "\"" { cell.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else { cell.unicodeScalars.append(c) }
            } else if quoting && c == "\"" && cell.isEmpty {
                quoted = true
            } else if c == "," {
                row.append(cell); cell = ""
            } else if c == "\r" || c == "\n" {
                if c == "\r" && chars.first == "\n" { chars.removeFirst() }
                row.append(cell); cell = ""
                rows.append(row); row = []
            } else { cell.unicodeScalars.append(c) }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }

    static func minor(_ text: String) -> Int64 {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        var value = Int64(parts[0])! * 100
        if parts.count == 2 { value += Int64(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0))! }
        return negative ? -value : value
    }

    /// Lines of a file of `target`, by the columns that target's layout names.
    static func lines(_ data: Data, target: VoucherTarget) -> [Line] {
        let gb = target == .u8Text || target == .kingdeeStd
        let table = rows(decode(data, gb18030: gb), quoting: target != .u8Text)
        let header = table[0]
        func col(_ names: String...) -> Int { header.firstIndex { names.contains($0) }! }
        let date = col("日期", "制单日期", "FDate", "date"), word = col("凭证字", "凭证类别字", "FGroup", "word")
        let number = col("凭证号", "FNum", "number"), account = col("科目代码", "科目编码", "FAcctID", "account")
        let debit = col("借方金额", "借方", "FDebit", "debit"), credit = col("贷方金额", "贷方", "FCredit", "credit")
        let customer = col("往来单位编码", "客户编码", "FObjID2", "customer_code")
        return table.dropFirst().map { r in
            Line(voucher: "\(r[date].prefix(7))|\(r[word])|\(r[number])", account: r[account], customer: r[customer],
                 debit: minor(r[debit]), credit: minor(r[credit]))
        }
    }

    /// Customer balance change in `from...to` from the ledger: invoices − credit notes − receipts − write-offs.
    static func movements(_ store: SQLiteLedgerStore, from: CivilDate, to: CivilDate) throws -> [String: Int64] {
        let s = try store.receivablesSnapshot(customerID: nil)
        let code = Dictionary(uniqueKeysWithValues: s.customers.map { ($0.id, $0.code) })
        var out: [String: Int64] = [:]
        for d in s.documents where d.date >= from && d.date <= to {
            out[code[d.customerID]!, default: 0] += d.kind == .invoice ? d.total : -d.total
        }
        for r in s.receipts where r.date >= from && r.date <= to { out[code[r.customerID]!, default: 0] -= r.amount.minorUnits }
        let docs = Dictionary(uniqueKeysWithValues: s.documents.map { ($0.id, $0) })
        for a in s.allocations where a.source == .writeOff && a.date >= from && a.date <= to {
            out[code[docs[a.invoiceID]!.customerID]!, default: 0] -= a.amount.minorUnits
        }
        return out.filter { $0.value != 0 }
    }
}
