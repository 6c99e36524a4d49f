import LedgerCore

extension SaleDraft {
    /// The longest text kept per field of a restored draft (a pasted megabyte must not come back).
    static let maxFieldLength = 200
    /// The most lines a restored draft keeps.
    static let maxLines = 500

    /// The draft made safe to restore, and one message per dropped line: control characters are removed, texts
    /// are cut to `maxFieldLength`, and a line whose quantity, price, discount or tax does not parse or whose amount
    /// is beyond `LedgerLimits` is dropped (the good lines are kept), so a bad draft can never crash the form again.
    func validatedForRestore(currency: Currency, strings s: Strings) -> (draft: SaleDraft, dropped: [String]) {
        func clean(_ text: String) -> String {
            String(String.UnicodeScalarView(text.unicodeScalars.filter { !TextSafety.isForbidden($0) })
                .prefix(SaleDraft.maxFieldLength))
        }
        var out = self
        out.customer = clean(customer)
        out.customerCode = customerCode.map(clean)
        out.date = clean(date)
        out.salesperson = clean(salesperson)
        out.terms = clean(terms)
        out.dueDate = clean(dueDate)
        out.channel = clean(channel)
        out.region = clean(region)
        var kept: [Line] = []
        var dropped: [String] = []
        for (index, original) in lines.prefix(SaleDraft.maxLines).enumerated() {
            var line = original
            line.product = clean(line.product)
            line.quantity = clean(line.quantity)
            line.unitPrice = clean(line.unitPrice)
            line.discount = clean(line.discount)
            line.taxRate = clean(line.taxRate)
            if let problem = Self.problem(of: line, currency: currency, strings: s) {
                dropped.append(s.t("line \(index + 1) dropped: \(problem)", "第\(index + 1)行已删除：\(problem)"))
            } else {
                kept.append(line)
            }
        }
        if lines.count > SaleDraft.maxLines {
            dropped.append(s.t("lines after \(SaleDraft.maxLines) dropped", "第\(SaleDraft.maxLines)行之后的行已删除"))
        }
        out.lines = kept.isEmpty ? [Line()] : kept
        return (out, dropped)
    }

    /// Why a line cannot be restored, or nil when it can (blank fields are fine: the form asks for them).
    static func problem(of line: Line, currency: Currency, strings s: Strings) -> String? {
        if !line.quantity.isEmpty {
            do { _ = try Quantity.parse(line.quantity) } catch {
                return s.t("quantity '\(line.quantity)' \(error)", "数量 '\(line.quantity)' \(s.decimalError(error))")
            }
        }
        if !line.unitPrice.isEmpty {
            do { _ = try MoneyParser.parse(line.unitPrice, currency: currency) } catch {
                return s.core(error.description)
            }
        }
        for rate in [line.discount, line.taxRate] where !rate.isEmpty {
            guard let parsed = try? Rate.parsePercent(rate), (0...10_000).contains(parsed.basisPoints) else {
                return s.t("rate '\(rate)' must be between 0% and 100%", "比率 '\(rate)' 必须在0%到100%之间")
            }
        }
        if SaleMath.isTooLarge(quantity: line.quantity, unitPrice: line.unitPrice, discount: line.discount,
                               taxRate: line.taxRate, currency: currency) {
            return s.t("line total with tax is too large (at most \(LedgerLimits.amountBoundText(currency)))",
                       "行价税合计过大（最多 \(LedgerLimits.amountBoundText(currency))）")
        }
        return nil
    }
}
