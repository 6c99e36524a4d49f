import Foundation
import LedgerCore

/// Where one customer's confirmation stands: the letter sent (balance, form) and the reply, if any.
public struct ConfirmationStatus: Hashable, Sendable {
    public enum Reply: Hashable, Sendable {
        case agreed
        /// Customer's figure − ours, minor units, with the customer's explanation.
        case difference(Int64, String)
    }
    public var customerCode: String
    public var form: String
    public var currency: Currency
    public var balance: Int64
    public var reply: Reply?
}

/// The summary of a confirmation round (函证汇总): sent, replied, agreed, differences, no reply.
public struct ConfirmationSummary: Hashable, Sendable {
    public var asOf: CivilDate?
    public var rows: [ConfirmationStatus]
    public var sent: Int { rows.count }
    public var replied: Int { rows.filter { $0.reply != nil }.count }
    public var agreed: Int { rows.filter { $0.reply == .agreed }.count }
    public var differences: Int {
        rows.filter { if case .difference = $0.reply { return true } else { return false } }.count
    }
    public var noReply: Int { rows.filter { $0.reply == nil }.count }

    /// From the audit log: the letters of the round as of `asOf` (the latest round when nil), each customer's latest
    /// letter and latest reply for that date.
    public static func from(log: [AuditLogEntry], asOf: CivilDate? = nil) -> ConfirmationSummary {
        let decoder = JSONDecoder()
        let sends = log.filter { $0.command == RecordConfirmationSent.name }
            .compactMap { try? decoder.decode(RecordConfirmationSent.self, from: Data($0.payload.utf8)) }
        let date = asOf ?? sends.last?.asOf
        var rows: [String: ConfirmationStatus] = [:]
        var order: [String] = []
        for send in sends where send.asOf == date {
            for letter in send.letters {
                if rows[letter.customerCode] == nil { order.append(letter.customerCode) }
                rows[letter.customerCode] = ConfirmationStatus(
                    customerCode: letter.customerCode, form: letter.form,
                    currency: letter.currency, balance: letter.balance, reply: nil)
            }
        }
        for entry in log where entry.command == RecordConfirmationReply.name {
            guard let reply = try? decoder.decode(RecordConfirmationReply.self, from: Data(entry.payload.utf8)),
                reply.asOf == date, rows[reply.customerCode] != nil
            else { continue }
            rows[reply.customerCode]?.reply =
                reply.agreed ? .agreed : .difference(reply.difference?.minorUnits ?? 0, reply.note)
        }
        return ConfirmationSummary(asOf: date, rows: order.compactMap { rows[$0] })
    }

    /// Text of the summary; `details` (letters by customer code) lists the open documents of each customer with a
    /// difference, so it can be reconciled document by document.
    public func render(_ lang: AuditLanguage, details: [String: ConfirmationLetter] = [:]) -> String {
        var out = [
            lang.t(
                "Confirmation summary as of \(asOf.map(\.description) ?? "-")",
                "函证汇总（截至 \(asOf.map(\.description) ?? "-")）")
        ]
        out.append(
            lang.t(
                "sent \(sent), replied \(replied), agreed \(agreed), differences \(differences), no reply \(noReply)",
                "发函 \(sent)，回函 \(replied)，相符 \(agreed)，不符 \(differences)，未回函 \(noReply)"))
        out.append("")
        for row in rows {
            let m = { (v: Int64) in Money.format(v, digits: row.currency.minorDigits, grouping: true) }
            let status: String
            switch row.reply {
            case .agreed?: status = lang.t("agreed (数据证明无误)", "数据证明无误")
            case .difference(let d, let note)?:
                status = lang.t("difference (数据不符) \(m(d)): \(note)", "数据不符，差异 \(m(d))：\(note)")
            case nil:
                status =
                    row.form == ConfirmationForm.negative.rawValue
                    ? lang.t("no reply (negative form)", "未回函（消极式）")
                    : lang.t("no reply: use alternative procedures", "未回函：需执行替代程序")
            }
            out.append("\(row.customerCode)  \(row.form)  \(m(row.balance)) \(row.currency.code)  \(status)")
            if case .difference? = row.reply, let letter = details[row.customerCode] {
                for line in letter.lines {
                    out.append(
                        "    \(line.number)  \(line.date)  \(m(line.open))  [ ] "
                            + lang.t("agreed with customer", "已与客户核对"))
                }
                if letter.unappliedCredit != 0 {
                    out.append("    " + lang.t("unapplied credit",
                                               "未核销预收")
                               + "  \(m(UnappliedCreditSign.shown(letter.unappliedCredit)))")
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
