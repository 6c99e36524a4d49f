import Foundation
import LedgerCore
import LedgerInterop
import TerminalUI

/// A document (invoice or credit note) as printable plain text or CSV, for `p` / `x` in the documents browser.
/// The figures are the stored document's (lines, totals, open amount from `documentDetail`); nothing is recomputed.
enum DocumentPrint {
    /// Plain text for a printer: company, document, customer with tax details, lines, totals, allocations.
    static func text(_ detail: DocumentDetail, company: String, chinese zh: Bool) -> String {
        func t(_ en: String, _ cn: String) -> String { zh ? cn : en }
        let doc = detail.document
        let cur = doc.currency
        let number = doc.number > 0 ? doc.displayNumber : "D\(doc.id)"
        let kind = doc.kind == .creditNote ? t("CREDIT NOTE", "红字冲销单") : t("INVOICE", "销售单")
        var out: [String] = []
        if !company.isEmpty { out.append(company) }
        out.append("\(kind)  \(number)")
        out.append("\(t("Status", "状态")): \(Strings(zh ? .zh : .en).statusName(doc.status))"
                   + (doc.status == .void ? " (\(doc.voidReason))" : ""))
        // A credit note has no due date and no payment terms (s35-fix).
        out.append("\(t("Date", "日期")): \(doc.date)" + (doc.kind == .creditNote ? ""
                   : "   \(t("Due", "到期日")): \(doc.dueDate)   "
                     + "\(t("Terms", "收款条件")): \(doc.paymentTerms.displayName(chinese: zh))"))
        out.append("\(t("Customer", "客户")): \(detail.customer.code) \(detail.customer.name)")
        if !detail.customer.address.isEmpty { out.append("  \(detail.customer.address)") }
        if !doc.externalReference.isEmpty { out.append("\(t("Reference", "参考号")): \(doc.externalReference)") }
        out.append("")
        let header = [t("#", "#"), t("Description", "品名"), t("Qty", "数量"), t("Price", "单价"), t("Disc", "折扣"),
                      t("Tax", "税率"), t("Net", "金额"), t("VAT", "税额")]
        var rows: [[String]] = []
        for (i, line) in doc.lines.enumerated() {
            rows.append(["\(i + 1)", (line.isFreeText ? "*" : "") + line.description,
                         line.isAllowance ? "" : line.quantity.description, line.unitPrice.groupedString,
                         line.discount.description, line.taxRate.description,
                         line.netAmount.groupedString, line.taxAmount.groupedString])
        }
        out += table(header: header, rows: rows, rightFrom: 2)
        out.append("")
        out.append("\(t("Net", "金额")): \(doc.subtotal.groupedString)   "
                   + "\(t("VAT", "税额")): \(doc.taxTotal.groupedString)   "
                   + "\(t("Total", "价税合计")): \(doc.total.groupedString) \(cur.code)")
        if doc.status == .posted {
            out.append("\(doc.kind == .creditNote ? t("Unapplied", "未核销") : t("Open", "未核销金额")): "
                       + Money.format(detail.open, digits: cur.minorDigits, grouping: true) + " \(cur.code)")
        }
        if !detail.allocations.isEmpty {
            out.append("")
            out.append(t("Allocations (核销)", "核销记录"))
            for (allocation, source) in detail.allocations {
                out.append("  \(allocation.date)  \(source)  \(allocation.amount.groupedString)"
                           + (allocation.reversesID != nil ? t("  (reversal)", "（反核销）") : ""))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The lines as CSV (the program's one CSV writer: BOM, formula-safe cells), with a total row.
    static func csv(_ detail: DocumentDetail, chinese zh: Bool) -> String {
        func t(_ en: String, _ cn: String) -> String { zh ? cn : en }
        let doc = detail.document
        let number = doc.number > 0 ? doc.displayNumber : "D\(doc.id)"
        let header = [t("number", "单号"), t("date", "日期"), t("customer", "客户编码"), t("line", "行号"),
                      t("description", "品名"),
                      t("quantity", "数量"), t("unit_price", "单价"), t("discount", "折扣"), t("tax_rate", "税率"),
                      t("net", "金额"), t("tax", "税额"), t("total", "价税合计"), t("currency", "币种")]
        func plain(_ money: Money) -> String { money.plainString }
        var rows = doc.lines.enumerated().map { i, line in
            [number, doc.date.description, detail.customer.code, "\(i + 1)",
             (line.isFreeText ? "*" : "") + line.description,
             line.quantity.description, plain(line.unitPrice), line.discount.description, line.taxRate.description,
             plain(line.netAmount), plain(line.taxAmount), plain(line.grossAmount), doc.currency.code]
        }
        rows.append([number, doc.date.description, detail.customer.code, t("TOTAL", "合计"), "", "", "", "", "",
                     plain(doc.subtotal), plain(doc.taxTotal), plain(doc.total), doc.currency.code])
        return CSVOutput.render(header: header, rows: rows)
    }

    /// Columns padded by terminal cells; columns from `rightFrom` on are right-aligned.
    static func table(header: [String], rows: [[String]], rightFrom: Int) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: max(0, widths[c] - DisplayWidth.of(cell)))
                return c >= rightFrom ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
    }

    /// The name offered for a document's file (`ExportPrompt`): `<number>.txt|csv`, characters other than letters,
    /// digits and `-` as `_`.
    static func fileName(number: String, ext: String) -> String {
        String(number.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }) + ".\(ext)"
    }
}
