import LedgerCore
import TerminalUI

extension SalesEntryScreen {
    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        let s = context.strings
        var cursor: Point?
        var anchors: [Field: Point] = [:]

        func field(_ f: Field, label: String, x: Int, y: Int, width: Int, alignRight: Bool = false) -> Int {
            var cx = x
            if !label.isEmpty { cx += buffer.setString(label + " ", x: cx, y: y,
                                                       style: Style(errors[f] != nil ? .error : .muted)) }
            let w = max(1, min(width, area.maxX - cx))
            let focused = f == focus && !isInList && !modals.capturesText
            let style = Style(focused ? .inputFocused : (errors[f] != nil ? .error : .input),
                              errors[f] != nil ? [.underline] : (focused && prefilled.contains(f) ? [.reverse] : []))
            buffer.fill(Rect(x: cx, y: y, width: w, height: 1), style: style)
            let input = inputs[f] ?? TextInput()
            if alignRight && !focused {
                buffer.setFitted(input.text, x: cx, y: y, width: w, alignment: .right, style: style)
            } else {
                let p = input.render(into: &buffer, x: cx, y: y, width: w, style: style)
                if focused { cursor = p }
            }
            anchors[f] = Point(x: cx, y: y + 1)
            return cx + w + 2
        }

        let x0 = area.x + 1
        var y = area.y
        // Header.
        // Wide terminals (issue 12): the customer field and the name column stop growing at a readable width and
        // the figures get room for the largest amounts, instead of a gap of blank cells between name and quantity.
        let wide = area.width >= 140
        var x = field(.customer, label: s.customer, x: x0, y: y, width: max(20, min(wide ? 90 : .max, area.width - 40)))
        _ = field(.date, label: s.date, x: x, y: y, width: 12)
        y += 1
        if let error = errors[.customer] {
            buffer.setFitted(error, x: x0, y: y, width: area.width - 2, style: Style(.error, [.bold]))
        } else if let customer {
            let c = customer.currency
            // Whole parts: a balance is never cut; parts that do not fit are left out from the right.
            // Channel/region only when the customer has one (tryout s31: an empty `渠道/区域 /`).
            let channel = context.channelName(customer.channel), region = context.className("region", customer.region)
            let place = channel.isEmpty && region.isEmpty ? [] : ["\(s.channel)/\(s.region) \(channel)/\(region)"]
            let info = PartsLine.fit([customer.code, "\(s.openBalance) \(context.money(exposure?.balance ?? 0, c))",
                                      "\(s.overdue) \(context.money(exposure?.overdue ?? 0, c))",
                                      "\(s.creditLimit) "
                                      + "\(customer.creditLimit.map { context.money($0.minorUnits, c) } ?? s.noLimit)",
                                      "\(s.currency) \(c.code)"] + place,
                                     width: area.width - 2, separator: "  ")
            let warn = creditWarning(context: context, width: area.width - 2)
            buffer.setFitted(warn ?? info, x: x0, y: y, width: area.width - 2,
                             style: Style(warn != nil ? .warning : .muted, warn != nil ? [.bold] : []))
        }
        y += 1
        x = field(.salesperson, label: s.salesperson, x: x0, y: y, width: 8)
        x = field(.terms, label: s.terms, x: x, y: y, width: 10)
        x = field(.due, label: draft.isDueEdited ? s.t("Due (manual)", "到期日(手工)") : s.dueDate, x: x, y: y,
                  width: 12)
        // The terms code in words (`NET30` → 30天内付款), as the channel and region below (s14-search).
        if let terms = try? PaymentTerms.parse(text(.terms)) {
            buffer.setFitted(s.termsName(terms), x: x, y: y, width: max(0, area.maxX - x - 1), style: Style(.muted))
        }
        y += 1
        x = field(.channel, label: s.channel, x: x0, y: y, width: 8)
        x = field(.region, label: s.region, x: x, y: y, width: 10)
        // Channel and region too (tryout s31: an unknown region was marked red with no message naming it).
        let headerError = [Field.date, .salesperson, .terms, .due, .channel,
                           .region].compactMap { f in errors[f].map { "\(fieldLabel(f, s)): \($0)" } }.first
        // An error too long for the rest of this row goes to the error row above the totals, whole (tryout s18:
        // "Date: date 'ern' is not a date (use YYYY~" at 80 columns).
        let headerErrorFits = headerError.map { DisplayWidth.of($0) <= area.maxX - x - 1 } ?? true
        if let headerError, headerErrorFits {
            buffer.setFitted(headerError, x: x, y: y, width: max(0, area.maxX - x - 1), style: Style(.error, [.bold]))
        } else {
            // The channel and region codes in words (`RETAIL` → 零售), not codes alone in the Chinese UI; the chosen
            // salesperson's name first (s34-fix2: the field, found by name or pinyin, shows the code only).
            let person = salespeople.first { $0.code == text(.salesperson) }.map { "\(s.salesperson) \($0.name)" }
            let names = [person ?? "", context.channelName(text(.channel)), context.className("region", text(.region))]
                .filter { !$0.isEmpty }.joined(separator: " · ")
            buffer.setFitted(names, x: x, y: y, width: max(0, area.maxX - x - 1), style: Style(.muted))
        }
        y += 1

        // Lines grid: # Product Name Qty Price Disc Tax Amount. A figure is never cut: its column widens to the
        // widest figure, and the name column (then the product code) gives way.
        let lineAmounts = liveLineAmounts
        let amountTexts = (0..<lineCount).map { i in
            lineAmounts[i].map { context.money(CheckedSum.saturating($0.net, $0.tax), currency) }
                ?? (SaleMath.isTooLarge(quantity: text(.quantity(i)), unitPrice: text(.price(i)),
                                        discount: text(.discount(i)),
                                        taxRate: text(.tax(i)), currency: currency) ? s.t("too large", "过大") : "")
        }
        let widths = gridWidths(area.width - 2, wide: wide, amounts: amountTexts)
        var hx = x0
        for (title, w, right) in [("#", widths.no, false), (s.product, widths.sku, false), (s.name, widths.name, false),
                                  (s.quantity, widths.qty, true), (s.unitPrice, widths.price, true),
                                  (s.discount, widths.disc, true),
                                  (s.taxRate, widths.tax, true), (s.lineTotal, widths.amount, true)] where w > 0 {
            buffer.setFitted(title, x: hx, y: y, width: w, alignment: right ? .right : .left,
                             style: Style(.header, [.bold]))
            hx += w + 1
        }
        y += 1
        let listRows = min(todays.count, 4)
        let reserved = 3 + (listRows > 0 ? listRows + 1 : 0)
        let visibleLines = max(1, area.maxY - y - reserved)
        let focusLine = focus.line ?? 0
        let firstLine = max(0, min(focusLine - visibleLines + 1, lineCount - visibleLines))
        for i in 0..<lineCount {
            guard i >= firstLine, i < firstLine + visibleLines else { continue }
            var lx = x0
            buffer.setFitted("\(i + 1)", x: lx, y: y, width: widths.no, alignment: .right, style: Style(.muted))
            lx += widths.no + 1
            lx = field(.product(i), label: "", x: lx, y: y, width: widths.sku) - 1
            if widths.name > 0 {
                buffer.setFitted(productNames[i] ?? "", x: lx, y: y, width: widths.name, style: Style(.text))
                lx += widths.name + 1
            }
            lx = field(.quantity(i), label: "", x: lx, y: y, width: widths.qty, alignRight: true) - 1
            lx = field(.price(i), label: "", x: lx, y: y, width: widths.price, alignRight: true) - 1
            lx = field(.discount(i), label: "", x: lx, y: y, width: widths.disc, alignRight: true) - 1
            lx = field(.tax(i), label: "", x: lx, y: y, width: widths.tax, alignRight: true) - 1
            buffer.setFitted(amountTexts[i], x: lx, y: y, width: widths.amount, alignment: .right, style: Style(.text))
            y += 1
        }
        y = max(y, area.maxY - reserved)
        let lineErrorY = y
        // Line errors, then totals.
        // A long message drops its place words first ("line 1 Unit price:", then "Unit price:") so the figure in it
        // is never cut (tryout s30: "… (at most 10,000,000,000,0~" at 80 columns).
        let lineErrors = fieldOrder.filter { $0.line != nil }.compactMap { f in
            errors[f].map { message in
                let line = "\(s.t("line", "第")) \((f.line ?? 0) + 1)\(s.zh ? "行" : "")"
                return ["\(line) \(fieldLabel(f, s)): \(message)", "\(line): \(message)", message]
            }
        }
        if let forms = lineErrors.first ?? (headerErrorFits ? nil : headerError.map { [$0] }) {
            let lineError = forms.first { DisplayWidth.of($0) <= area.width - 2 } ?? forms[forms.count - 1]
            buffer.setFitted(lineError, x: x0, y: y, width: area.width - 2, style: Style(.error, [.bold]))
        }
        y += 1
        let sums = SaleMath.totals(lineAmounts)
        let tooLarge = s.t("too large", "过大")
        // Every figure whole: on a narrow screen the labels of the subtotal and the tax go first (net + tax =
        // total), then the spaces; a figure goes only when the three cannot fit at all (tryout s15).
        let net = sums.map { context.money($0.net, currency) } ?? tooLarge
        let tax = sums.map { context.money($0.tax, currency) } ?? tooLarge
        let gross = "\(sums.map { context.money($0.gross, currency) } ?? tooLarge) \(currency.code)"
        let forms = ["\(s.subtotal) \(net)   \(s.tax) \(tax)   \(s.total) \(gross)",
                     "\(s.subtotal) \(net)  \(s.tax) \(tax)  \(s.total) \(gross)",
                     "\(net) + \(tax) = \(s.total) \(gross)", "\(net)+\(tax)=\(gross)",
                     "\(s.tax) \(tax)  \(s.total) \(gross)", "\(s.total) \(gross)"]
        let totals = forms.first { DisplayWidth.of($0) <= area.width - 2 } ?? forms[forms.count - 1]
        buffer.setFitted(totals, x: x0, y: y, width: area.width - 2, alignment: .right, style: Style(.accent, [.bold]))
        y += 1
        // Today's sales.
        if listRows > 0 {
            buffer.setFitted("\(s.todaysSales) (\(todays.count))  [^L]", x: x0, y: y, width: area.width - 2,
                             style: Style(isInList ? .accent : .header, [.bold]))
            y += 1
            let first = isInList ? max(0, min(list.selectedRow - listRows + 1, todays.count - listRows)) : 0
            let shown = todays.dropFirst(first).prefix(listRows)
            // A credit note's total is shown negative, as on the customer view (tryout s15: + here, − there).
            // With sales in two currencies the day's figures say theirs (tryout s18: USD 90.00 above CNY 3,766.46).
            let mixed = Set(todays.map(\.total.currency)).count > 1
            func figure(_ row: InvoiceListRow) -> String {
                context.documentMoney(row.kind, row.total.minorUnits, row.total.currency)
                    + (mixed ? " " + row.total.currency.code : "")
            }
            let totalWidth = max(18, shown.map { DisplayWidth.of(figure($0)) }.max() ?? 0)
            let statusWidth = max(10, DisplayWidth.of(s.creditAction), DisplayWidth.of(s.voided)) + 1
            for (offset, row) in shown.enumerated() {
                let selected = isInList && first + offset == list.selectedRow
                let status = row.status == .void ? s.voided : (row.kind == .creditNote ? s.creditAction : "")
                let text = "\(row.number)  \(row.customerName)"
                let style = Style(selected ? .selection : .text)
                if selected { buffer.fill(Rect(x: x0, y: y, width: area.width - 2, height: 1), style: style) }
                buffer.setFitted(text, x: x0, y: y, width: area.width - 4 - statusWidth - totalWidth, style: style)
                buffer.setFitted(status, x: area.maxX - 3 - statusWidth - totalWidth, y: y, width: statusWidth,
                                 style: Style(selected ? .selection : .muted))
                buffer.setFitted(figure(row), x: area.maxX - 2 - totalWidth, y: y, width: totalWidth,
                                 alignment: .right, style: style)
                y += 1
            }
        }
        // Overlays: suggestions under the focused field, then the modals (prompts, drafts, an opened sale).
        if !suggestions.isEmpty, let anchor = anchors[focus] {
            let width = min(area.maxX - anchor.x,
                            max(30, suggestions.map { DisplayWidth.of($0.label) }.max() ?? 30) + 2)
            // Under a line's field the picker stops above the line errors and totals (they stay readable); it
            // opens above the field when that has room, else on the roomier side, scrolled to the selection.
            let bottom = focus.line == nil ? area.maxY : lineErrorY
            let below = max(0, bottom - anchor.y), above = max(0, anchor.y - 1 - area.y)
            let count = suggestions.count
            let down = below >= count || (above < count && below >= above)
            let rows = min(count, down ? below : above)
            let top = down ? anchor.y : anchor.y - 1 - rows
            let first = max(0, min(suggestionIndex - rows + 1, count - rows))
            for row in 0..<rows {
                let i = first + row
                let style = Style(i == suggestionIndex ? .selection : .dialog)
                buffer.fill(Rect(x: anchor.x, y: top + row, width: width, height: 1), style: style)
                buffer.setFitted(" " + suggestions[i].label, x: anchor.x, y: top + row, width: width, style: style)
            }
        }
        if !modals.isEmpty { cursor = modals.render(into: &buffer, in: area, context: context, unicode: unicode) }
        return cursor
    }

    /// The lines grid's column widths in `width` cells: each figure column at least as wide as its widest text; the
    /// name column takes what is left (stopping at a readable width on wide screens) and gives way first (down to
    /// nothing), then the product code (down to 4).
    func gridWidths(_ width: Int, wide: Bool, amounts: [String])
        -> (no: Int, sku: Int, name: Int, qty: Int, price: Int, disc: Int, tax: Int, amount: Int) {
        let base = wide ? (sku: 14, qty: 14, price: 18, disc: 7, tax: 7, amount: 22)
                        : (sku: 10, qty: 8, price: 11, disc: 6, tax: 6, amount: 14)
        func widest(_ column: (Int) -> Field, _ least: Int) -> Int {
            max(least, (0..<lineCount).map { DisplayWidth.of(text(column($0))) + 1 }.max() ?? 0)
        }
        let qty = widest(Field.quantity, base.qty), price = widest(Field.price, base.price)
        let disc = widest(Field.discount, base.disc), tax = widest(Field.tax, base.tax)
        let amount = max(base.amount, amounts.map(DisplayWidth.of).max() ?? 0)
        // Eight separators, one after each column; the name column's goes with it.
        let figures = 3 + qty + price + disc + tax + amount + 7
        let sku = max(4, min(base.sku, width - figures))
        let left = width - figures - sku - 1
        let name = left >= 6 ? min(wide ? 50 : .max, left) : 0
        return (3, sku, name, qty, price, disc, tax, amount)
    }

    /// Each line's live net and tax (nil: incomplete or beyond the bounds).
    var liveLineAmounts: [SaleMath.LineResult?] {
        (0..<lineCount).map { i in
            SaleMath.line(quantity: text(.quantity(i)), unitPrice: text(.price(i)), discount: text(.discount(i)),
                          taxRate: text(.tax(i)), currency: currency)
        }
    }

    func fieldLabel(_ f: Field, _ s: Strings) -> String {
        switch f {
        case .customer: return s.customer
        case .date: return s.date
        case .salesperson: return s.salesperson
        case .terms: return s.terms
        case .due: return s.dueDate
        case .channel: return s.channel
        case .region: return s.region
        case .product: return s.product
        case .quantity: return s.quantity
        case .price: return s.unitPrice
        case .discount: return s.discount
        case .tax: return s.taxRate
        }
    }

    /// A warning exactly when posting would meet a credit hold (`CreditExposure`, the rule credit control applies):
    /// over the limit with this sale, or an invoice at the "stop further credit" level. Merely overdue is not a hold.
    func creditWarning(context: AppContext, width: Int = .max) -> String? {
        guard customer != nil, let exposure else { return nil }
        let s = context.strings
        // Checked sums: a typed figure beyond the bounds counts as over any limit, never a trap.
        let total = SaleMath.totals(liveLineAmounts)?.gross ?? .max
        let held = exposure.adding(sale: total)
        guard held.isOnHold else { return nil }
        return CreditHoldText.banner(held.holdReasons, prefix: "⚠ " + s.t("credit hold: ", "信用冻结："), width: width,
                                     strings: s)
    }
}
