import LedgerCore

extension VoucherBuilder {
    /// Every line's `original` set; vouchers in a currency other than the table's base converted to it.
    ///
    /// A line is converted at the rate of its `rateDate` (a foreign receivable: the invoice's date, cumulatively from
    /// `carried`), else of the voucher's date (`ExchangeRateTable.convert`: half away from zero per line). When a line
    /// was converted at another date's rate, the difference of debits and credits is the exchange difference
    /// (汇兑损益): a line on `map.exchangeDifference` (debit a loss, credit a gain) balances the voucher. Otherwise the
    /// difference is rounding and goes on the largest line not pinned to a rate (so a receivable is always booked at
    /// exactly its converted total). An `.exchange` voucher's receivable lines are netted per customer, and the
    /// voucher is dropped when nothing remains. A voucher without a needed rate keeps its amounts and gets rate 0,
    /// which `check` reports.
    static func converted(_ vouchers: [Voucher], rates: ExchangeRateTable?, map: AccountMap) throws -> [Voucher] {
        try vouchers.compactMap { voucher in
            var v = voucher
            for i in v.lines.indices {
                v.lines[i].original = v.lines[i].debit != 0 ? v.lines[i].debit : v.lines[i].credit
            }
            guard let rates, v.currency != rates.base else { return v }
            v.base = rates.base
            guard let rate = rates.perMillion(v.currency, on: v.date) else {
                v.rate = 0
                return v
            }
            v.rate = rate
            var debit: Int64 = 0, credit: Int64 = 0, otherRate = false
            for i in v.lines.indices {
                let line = v.lines[i]
                let lineRate = line.rateDate.map { rates.perMillion(v.currency, on: $0) } ?? rate
                guard let lineRate else {
                    v.rate = 0
                    return v
                }
                otherRate = otherRate || (line.rateDate.map { $0 != v.date } ?? false)
                func base(_ minor: Int64) -> Int64 {
                    ExchangeRateTable.convert(minor, from: v.currency, to: rates.base, perMillion: lineRate)
                }
                let amount = try add(base(try add(line.carried, line.original)), -base(line.carried))
                if line.debit != 0 { v.lines[i].debit = amount; debit = try add(debit, amount) } else {
                    v.lines[i].credit = amount
                    credit = try add(credit, amount)
                }
            }
            if v.kind == .exchange { v.lines = try netted(v.lines) }
            let difference = try add(debit, -credit)
            if difference != 0 && otherRate {
                let summary = "汇兑损益 " + (v.lines.first?.summary ?? "")
                v.lines.append(VoucherLine(summary: summary, account: map.exchangeDifference,
                                           debit: difference < 0 ? -difference : 0,
                                           credit: difference > 0 ? difference : 0))
            } else if difference != 0 {
                let free = v.lines.indices.filter { v.lines[$0].rateDate == nil }
                let target = free.max { abs(v.lines[$0].original) < abs(v.lines[$1].original) }
                    ?? v.lines.firstIndex { $0.account == map.receivable } ?? 0
                if v.lines[target].debit != 0 {
                    v.lines[target].debit -= difference
                } else {
                    v.lines[target].credit += difference
                }
            }
            return v.lines.isEmpty ? nil : v
        }
    }

    /// Lines netted per account and customer into one line on the side of the balance (原币 0: the original
    /// amounts cancel); zero balances dropped.
    static func netted(_ lines: [VoucherLine]) throws -> [VoucherLine] {
        var out: [VoucherLine] = []
        var index: [String: Int] = [:]
        for line in lines {
            let key = line.account + "\u{1F}" + line.customerCode
            let amount = try add(line.debit, -line.credit)
            if let i = index[key] {
                out[i].debit = try add(out[i].debit, amount)
            } else {
                index[key] = out.count
                var l = line
                (l.debit, l.credit, l.original, l.rateDate, l.carried, l.item) = (amount, 0, 0, nil, 0, "")
                out.append(l)
            }
        }
        return out.compactMap { line in
            var l = line
            if l.debit < 0 { (l.debit, l.credit) = (0, -l.debit) }
            return l.debit == 0 && l.credit == 0 ? nil : l
        }
    }
}
