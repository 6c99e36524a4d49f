/// Payment terms (收款条件) and the due date they give.
///
/// Definitions (see `shared/cases/B11.md`):
/// - `NET30` — invoice date + 30 days.
/// - `NET1M` — the same day of the month N months later, clamped to that month's last day.
/// - `EOM+30D` (月结30天) — last day of the invoice month, then + N days.
/// - `EOM+1M` (月结1个月) — the last day of the month N months after the invoice month.
/// - `INST:50@30,50@60` (分期) — instalments, each a share (percent) due N days after the invoice date; the
///   invoice's due date is the last instalment's.
public enum PaymentTerms: Hashable, Sendable, CustomStringConvertible, Codable {
    case net(days: Int)
    case netMonths(Int)
    case endOfMonthPlusDays(Int)
    case endOfMonthPlusMonths(Int)
    case installments([Installment])

    /// One part of an instalment plan: `share` of the total due `days` after the invoice date.
    public struct Installment: Hashable, Sendable, Codable {
        public var share: Rate
        public var days: Int
    }

    public static let net30 = PaymentTerms.net(days: 30)

    /// The due date for an invoice dated `invoiceDate`.
    public func dueDate(for invoiceDate: CivilDate) -> CivilDate {
        switch self {
        case let .net(days): return invoiceDate.adding(days: days)
        case let .netMonths(months): return invoiceDate.adding(months: months)
        case let .endOfMonthPlusDays(days): return invoiceDate.endOfMonth.adding(days: days)
        case let .endOfMonthPlusMonths(months): return invoiceDate.startOfMonth.adding(months: months).endOfMonth
        case let .installments(parts):
            return invoiceDate.adding(days: parts.map(\.days).max() ?? 0)
        }
    }

    /// The instalment schedule of `total`: one (due date, amount) per instalment; the last one takes the
    /// rounding remainder so the amounts sum to `total` exactly. Other terms give one row.
    public func schedule(total: Money, invoiceDate: CivilDate) -> [(dueDate: CivilDate, amount: Money)] {
        guard case let .installments(parts) = self, !parts.isEmpty else {
            return [(dueDate(for: invoiceDate), total)]
        }
        var rows: [(CivilDate, Money)] = []
        var allocated: Int64 = 0
        for (index, part) in parts.enumerated() {
            let amount = index == parts.count - 1
                ? Money(minorUnits: total.minorUnits - allocated, currency: total.currency)
                : LineCalculation.portion(of: total, share: part.share)
            allocated += amount.minorUnits
            rows.append((invoiceDate.adding(days: part.days), amount))
        }
        return rows
    }

    /// The code form: `NET30`, `NET1M`, `EOM+30D`, `EOM+1M`, `INST:50@30,50@60`.
    public var code: String {
        switch self {
        case let .net(days): return "NET\(days)"
        case let .netMonths(months): return "NET\(months)M"
        case let .endOfMonthPlusDays(days): return "EOM+\(days)D"
        case let .endOfMonthPlusMonths(months): return "EOM+\(months)M"
        case let .installments(parts):
            return "INST:" + parts.map { "\($0.share.description.dropLast())@\($0.days)" }.joined(separator: ",")
        }
    }

    public var description: String { code }

    /// A name for people, in English or Chinese.
    public func displayName(chinese: Bool) -> String {
        switch self {
        case let .net(days): return chinese ? "\(days)天内付款" : "Net \(days) days"
        case let .netMonths(months):
            return chinese ? "\(months)个月内付款" : "Net \(months) month\(months == 1 ? "" : "s")"
        case let .endOfMonthPlusDays(days): return chinese ? "月结\(days)天" : "End of month + \(days) days"
        case let .endOfMonthPlusMonths(months): return chinese ? "月结\(months)个月" : "End of month + \(months) "
                                                                                   + "month\(months == 1 ? "" : "s")"
        case let .installments(parts): return chinese ? "分期\(parts.count)期" : "\(parts.count) instalments"
        }
    }

    /// Parses the code form (case-insensitive; also `月结30天`, `月结1个月`, `net 30`).
    /// - Throws: `TermsParseError` with the accepted forms.
    public static func parse(_ text: String) throws(TermsParseError) -> PaymentTerms {
        let body = TextNormalization.cleaned(text).uppercased().replacingSpaces()
        func number(_ s: Substring) -> Int? {
            guard !s.isEmpty, s.count <= 4, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(s)
        }
        if body.hasPrefix("月结") {
            let rest = body.dropFirst(2)
            if rest.hasSuffix("个月"), let n = number(rest.dropLast(2)), n >= 1 { return .endOfMonthPlusMonths(n) }
            if rest.hasSuffix("天"), let n = number(rest.dropLast()) { return .endOfMonthPlusDays(n) }
        } else if body.hasPrefix("EOM+") {
            let rest = body.dropFirst(4)
            if rest.hasSuffix("M"), let n = number(rest.dropLast()), n >= 1 { return .endOfMonthPlusMonths(n) }
            if rest.hasSuffix("D"), let n = number(rest.dropLast()) { return .endOfMonthPlusDays(n) }
            if let n = number(rest) { return .endOfMonthPlusDays(n) }
        } else if body.hasPrefix("NET") {
            let rest = body.dropFirst(3)
            if rest.hasSuffix("M"), let n = number(rest.dropLast()), n >= 1 { return .netMonths(n) }
            if rest.hasSuffix("D"), let n = number(rest.dropLast()) { return .net(days: n) }
            if let n = number(rest) { return .net(days: n) }
        } else if body.hasPrefix("INST:") {
            var parts: [Installment] = []
            var shareTotal: Int64 = 0
            for item in body.dropFirst(5).split(separator: ",") {
                let pair = item.split(separator: "@")
                guard pair.count == 2, let share = try? Rate.parsePercent(String(pair[0])), share.basisPoints > 0,
                      let days = number(pair[1]) else { throw TermsParseError(text: text) }
                shareTotal += share.basisPoints
                parts.append(Installment(share: share, days: days))
            }
            guard !parts.isEmpty, shareTotal == 10_000 else {
                throw TermsParseError(text: text, reason: "instalment shares must add up to 100%")
            }
            return .installments(parts)
        }
        throw TermsParseError(text: text)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { self = try PaymentTerms.parse(text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

/// Payment-terms text that is not one of the accepted forms.
public struct TermsParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public let text: String
    public var reason = "is not a payment term (use NET30, NET1M, EOM+30D, EOM+1M, 月结30天 or INST:50@30,50@60)"
    public var description: String { "payment terms '\(text)' \(reason)" }
}

extension String {
    func replacingSpaces() -> String { String(filter { !$0.isWhitespace }) }
}
