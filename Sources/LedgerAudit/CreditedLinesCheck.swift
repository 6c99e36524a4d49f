import LedgerCore

extension ConsistencyChecks {
    /// s32-fixa: no invoice line is credited (by credit notes by line) beyond the quantity, net or tax it sold: one
    /// finding per such line naming the invoice, the line and the notes (`overCreditedLines`, one grouped read).
    static func credits(_ q: any AuditCheckQueries, _ lang: AuditLanguage) throws -> AuditCheckResult {
        var result = AuditCheckResult(
            id: "consistency.credits",
            title: lang.t("No invoice line is credited beyond what it sold", "销售单行的红字冲销不超过销售"),
            severity: .error)
        for row in try q.overCreditedLines() {
            func money(_ minor: Int64) -> String { plain(minor, row.currency) }
            func qty(_ thousandths: Int64) -> String { Quantity(thousandths: thousandths).description }
            var parts: [String] = []
            if row.credited.quantity > row.sold.quantity {
                parts.append(lang.t("quantity \(qty(row.credited.quantity)) of \(qty(row.sold.quantity)) sold",
                                    "数量 \(qty(row.credited.quantity))，销售仅 \(qty(row.sold.quantity))"))
            }
            if row.credited.net > row.sold.net {
                parts.append(lang.t("net \(money(row.credited.net)) of \(money(row.sold.net))",
                                    "不含税金额 \(money(row.credited.net))，销售仅 \(money(row.sold.net))"))
            }
            if row.credited.tax > row.sold.tax {
                parts.append(lang.t("tax \(money(row.credited.tax)) of \(money(row.sold.tax))",
                                    "税额 \(money(row.credited.tax))，销售仅 \(money(row.sold.tax))"))
            }
            let notes = row.notes.joined(separator: ", ")
            result.add(
                severity: .error, subject: row.invoiceNumber, documents: [row.invoiceNumber] + row.notes,
                customer: row.customerCode,
                amount: AuditFormat.amount(row.credited.net &+ row.credited.tax, row.currency),
                message: lang.t(
                    "line \(row.line) credited \(parts.joined(separator: ", ")) by \(notes)",
                    "第 \(row.line) 行红字冲销\(parts.joined(separator: "；"))（\(notes)）"))
        }
        return result
    }
}
