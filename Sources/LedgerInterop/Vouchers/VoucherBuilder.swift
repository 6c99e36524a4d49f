import LedgerCore

/// Turns a period's `VoucherSource` into numbered vouchers and checks them before anything is written.
///
/// Postings (shared/docs/cn-finance.md §2): invoice 借 应收账款(客户) total / 贷 revenue net / 贷 销项税额 tax, per
/// product category and channel account; credit note the same in red (negative) or swapped; receipt 借 the
/// method's account / 贷 应收账款 (the part not applied on its date to 预收账款 when advances are booked separately);
/// later use of an advance 借 预收账款 / 贷 应收账款; write-off 借 坏账准备 (CAS) or 营业外支出 (SBAS) / 贷 应收账款.
public enum VoucherBuilder {
    /// A problem found by `check`, or an amount overflow while summing.
    public struct Problem: Error, CustomStringConvertible, Sendable, Equatable {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// Vouchers by date, then kind, then source order; numbered per period and 凭证字.
    /// - Throws: `Problem` when summing amounts overflows `Int64`.
    public static func build(_ source: VoucherSource, options: VoucherOptions) throws -> [Voucher] {
        var options = options
        options.rates = conversionRates(source, options.rates)
        var numbering = Numbering()
        return try build(source, options: options, numbering: &numbering)
    }

    /// Numbering carried from one part of a period to the next (an export built day by day).
    public struct Numbering: Sendable {
        var next: [String: Int] = [:]
        var firstPeriod: String?
        public init() {}
    }

    /// `build` of one part of a period (days in order), numbering on from `numbering`; `options.rates` is used as
    /// given (decide it once for the whole period with `conversionRates(currencies:_:)`).
    public static func build(_ source: VoucherSource, options: VoucherOptions,
                             numbering: inout Numbering) throws -> [Voucher] {
        let map = options.map
        let rates = options.rates
        /// Receivable lines of foreign-currency vouchers are pinned to the invoice's rate (汇兑损益 otherwise).
        func foreign(_ currency: Currency) -> Bool { rates.map { currency != $0.base } ?? false }
        func pinned(_ line: VoucherLine, _ settled: VoucherSettlement) -> VoucherLine {
            var line = line
            line.rateDate = settled.invoiceDate
            line.carried = settled.allocatedBefore
            line.item = settled.invoiceNumber
            return line
        }
        var vouchers: [Voucher] = []
        for d in source.documents {
            let invoice = d.kind == .invoice
            let red = !invoice && options.creditNotes == .red
            let sign: Int64 = invoice || red ? 1 : -1
            let amountSign: Int64 = red ? -1 : 1
            let summary = (invoice ? "销售 " : "红字冲销 ") + d.number + " " + d.customerName
            var receivable = side(VoucherLine(summary: summary, account: map.receivable, customerCode: d.customerCode,
                                              customerName: d.customerName), amountSign * d.total, debit: sign > 0)
            if foreign(d.currency) && invoice {
                receivable = pinned(receivable, VoucherSettlement(invoiceNumber: d.number, invoiceDate: d.date,
                                                                  allocatedBefore: 0, amount: d.total))
            }
            var lines = [receivable]
            for part in d.parts {
                lines.append(side(VoucherLine(summary: summary, account: map.revenueAccount(category: part.category,
                                                                                          channel: d.channel)),
                                  amountSign * part.net, debit: sign < 0))
                lines.append(side(VoucherLine(summary: summary, account: map.vatAccount(category: part.category)),
                                  amountSign * part.tax, debit: sign < 0))
            }
            vouchers.append(Voucher(kind: invoice ? .invoice : .creditNote, date: d.date, currency: d.currency,
                                    base: d.currency, sources: [d.number], lines: try merged(lines)))
        }
        for r in source.receipts {
            let summary = "收款 " + r.number + " " + r.customerName
            let toAdvances = map.advancesSeparate ? r.amount - r.appliedOnReceipt : 0
            let receivable = VoucherLine(summary: summary, account: map.receivable, customerCode: r.customerCode,
                                         customerName: r.customerName)
            var lines = [VoucherLine(summary: summary, account: map.receiptAccount(method: r.method.rawValue),
                                     debit: r.amount, settlement: r.method.rawValue, reference: r.reference)]
            var unsettled = r.amount - toAdvances
            if foreign(r.currency) {
                for s in r.settlements {
                    lines.append(pinned(side(receivable, s.amount, debit: false), s))
                    unsettled = try add(unsettled, -s.amount)
                }
            }
            lines.append(side(receivable, unsettled, debit: false))
            lines.append(VoucherLine(summary: summary, account: map.advances, customerCode: r.customerCode,
                                     customerName: r.customerName, credit: toAdvances))
            vouchers.append(Voucher(kind: .receipt, date: r.date, currency: r.currency, base: r.currency,
                                    sources: [r.number], lines: try merged(lines)))
        }
        for a in source.allocations {
            let writeOff = a.kind == .writeOff
            // Receipt credit applied later stays on the receivable (no voucher) unless advances are booked apart,
            // or the receivable must be moved from the receipt's rate to the invoice's (汇兑损益).
            let exchange = !writeOff && !map.advancesSeparate
            if exchange && !(foreign(a.currency) && a.invoice != nil && a.sourceDate != nil) { continue }
            let summary = writeOff ? "坏账核销 \(a.invoiceNumber) \(a.customerName)"
                : exchange ? "汇兑损益 \(a.sourceNumber)→\(a.invoiceNumber) \(a.customerName)"
                : "预收冲应收 \(a.sourceNumber)→\(a.invoiceNumber) \(a.customerName)"
            let debitAccount = writeOff ? map.badDebt : exchange ? map.receivable : map.advances
            let customer = writeOff ? "" : a.customerCode
            var debit = VoucherLine(summary: summary, account: debitAccount, customerCode: customer,
                                    customerName: writeOff ? "" : a.customerName, debit: a.amount)
            var credit = VoucherLine(summary: summary, account: map.receivable, customerCode: a.customerCode,
                                     customerName: a.customerName, credit: a.amount)
            if foreign(a.currency), let invoice = a.invoice {
                credit = pinned(credit, invoice)
                if writeOff {
                    debit = pinned(debit, invoice)   // the loss at the rate the receivable was booked at
                } else if let booked = a.sourceDate {
                    debit.rateDate = booked          // the receipt credit at the rate it was booked at
                    debit.item = a.sourceNumber
                }
            }
            let kind: Voucher.Kind = writeOff ? .writeOff : exchange ? .exchange : .advanceApplied
            vouchers.append(Voucher(kind: kind, date: a.date, currency: a.currency, base: a.currency,
                                    sources: [writeOff ? a.invoiceNumber : a.sourceNumber],
                                    lines: try merged([debit, credit])))
        }
        // Stable order: date, kind, then the order the source listed them.
        vouchers = vouchers.enumerated().sorted { ($0.element.date, $0.element.kind, $0.offset)
            < ($1.element.date, $1.element.kind, $1.offset) }.map(\.element)
        if options.grouping == .day { vouchers = try daily(vouchers) }
        return number(try converted(vouchers, rates: rates, map: map), options: options, numbering: &numbering)
    }

    /// The rate table to convert with: none when the caller gave none, or when the ledger keeps one currency and
    /// stores no rates (Northwind in USD, base currency never set: its vouchers stay in that currency); otherwise
    /// every voucher is converted to the table's base and a missing rate is a `check` problem (issue 15).
    static func conversionRates(_ source: VoucherSource, _ rates: ExchangeRateTable?) -> ExchangeRateTable? {
        var currencies = Set(source.documents.map(\.currency))
        currencies.formUnion(source.receipts.map(\.currency))
        currencies.formUnion(source.allocations.map(\.currency))
        return conversionRates(currencies: currencies, rates)
    }

    /// `conversionRates` from the currencies of the whole period (`VoucherQueries.voucherCurrencies`).
    public static func conversionRates(currencies: Set<Currency>, _ rates: ExchangeRateTable?) -> ExchangeRateTable? {
        guard let rates, rates.rates.isEmpty else { return rates }
        return currencies.count <= 1 ? nil : rates
    }

    /// Every voucher balances; every line has an account; receivable and advance lines name the customer; no line
    /// is empty or has both sides. Returns every problem (empty when all pass).
    public static func check(_ vouchers: [Voucher], map: AccountMap) -> [Problem] {
        var problems: [Problem] = []
        for v in vouchers {
            let at = "voucher \(v.label) (\(v.date))"
            var debit: Int64 = 0, credit: Int64 = 0, overflow = false
            for (i, line) in v.lines.enumerated() {
                let entry = "\(at) line \(i + 1)"
                if line.account.isEmpty { problems.append(Problem("\(entry): no account code")) }
                if (line.account == map.receivable || line.account == map.advances) && line.customerCode.isEmpty {
                    problems.append(Problem("\(entry): receivable line without a customer code"))
                }
                if (line.debit == 0) == (line.credit == 0) {
                    problems.append(Problem("\(entry): needs exactly one of debit and credit"))
                }
                let d = debit.addingReportingOverflow(line.debit), c = credit.addingReportingOverflow(line.credit)
                overflow = overflow || d.overflow || c.overflow
                debit = d.partialValue
                credit = c.partialValue
            }
            if v.lines.isEmpty { problems.append(Problem("\(at): no lines")) }
            if v.rate <= 0 {
                let fix = "rate set --currency \(v.currency.code) --rate R --date \(v.date)"
                problems.append(Problem("\(at): no exchange rate of \(v.currency.code) to \(v.base.code) on or before "
                                        + "\(v.date) (set one with: \(fix))"))
            }
            if overflow {
                problems.append(Problem("\(at): amounts too large to add up"))
            } else if debit != credit {
                let digits = v.base.minorDigits
                problems.append(Problem("\(at): debits \(Money.format(debit, digits: digits, grouping: false)) ≠ "
                                        + "credits \(Money.format(credit, digits: digits, grouping: false))"))
            }
        }
        return problems
    }

    static func side(_ line: VoucherLine, _ amount: Int64, debit: Bool) -> VoucherLine {
        var line = line
        if debit { line.debit = amount } else { line.credit = amount }
        return line
    }

    /// Lines with the same account, customer, side and settlement summed (first summary kept); zero lines dropped.
    static func merged(_ lines: [VoucherLine]) throws -> [VoucherLine] {
        var out: [VoucherLine] = []
        var index: [String: Int] = [:]
        for line in lines {
            let isDebit = line.debit != 0
            if line.debit == 0 && line.credit == 0 { continue }
            let key = [line.account, line.customerCode, isDebit ? "D" : "C", line.settlement, line.reference,
                       line.item, line.rateDate?.description ?? ""].joined(separator: "\u{1F}")
            if let i = index[key] {
                out[i].debit = try add(out[i].debit, line.debit)
                out[i].credit = try add(out[i].credit, line.credit)
            } else {
                index[key] = out.count
                out.append(line)
            }
        }
        return out.filter { $0.debit != 0 || $0.credit != 0 }
    }

    static func add(_ a: Int64, _ b: Int64) throws -> Int64 {
        let r = a.addingReportingOverflow(b)
        if r.overflow { throw Problem("amounts too large to add up") }
        return r.partialValue
    }

    /// One summary voucher per day, kind and currency; lines per account and customer summed.
    static func daily(_ vouchers: [Voucher]) throws -> [Voucher] {
        var out: [Voucher] = []
        var index: [String: Int] = [:]
        for v in vouchers {
            let key = "\(v.date)|\(v.kind.rawValue)|\(v.currency.code)"
            if let i = index[key] {
                out[i].sources += v.sources
                out[i].lines += v.lines
            } else {
                index[key] = out.count
                out.append(v)
            }
        }
        let titles: [Voucher.Kind: String] = [.invoice: "销售汇总", .creditNote: "红字冲销汇总", .receipt: "收款汇总",
                                              .advanceApplied: "预收冲应收汇总", .writeOff: "坏账核销汇总",
                                              .exchange: "汇兑损益汇总"]
        for i in out.indices {
            let summary = "\(out[i].date) \(titles[out[i].kind] ?? "") (\(out[i].sources.count))"
            out[i].lines = try merged(out[i].lines.map { line in
                var l = line
                l.summary = summary
                l.reference = ""
                return l
            })
        }
        return out
    }

    /// 凭证字 by kind, then 凭证号 gapless per period and word; the first period starts at `options.start`.
    static func number(_ vouchers: [Voucher], options: VoucherOptions, numbering: inout Numbering) -> [Voucher] {
        if numbering.firstPeriod == nil { numbering.firstPeriod = vouchers.map(\.period).min() }
        let firstPeriod = numbering.firstPeriod
        return vouchers.map { v in
            var v = v
            v.word = options.words == .single ? "记" : (v.kind == .receipt ? "收" : "转")
            let key = v.period + v.word
            let n = numbering.next[key] ?? (v.period == firstPeriod ? max(1, options.start) : 1)
            v.number = n
            numbering.next[key] = n + 1
            return v
        }
    }
}
