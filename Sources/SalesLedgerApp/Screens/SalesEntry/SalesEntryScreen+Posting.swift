import LedgerCore
import TerminalUI

extension SalesEntryScreen {
    /// Checks one field as the user leaves it or types; sets or clears its inline error.
    mutating func liveCheck(_ field: Field, context: AppContext) {
        let s = context.strings
        let value = text(field).trimmingCharacters(in: .whitespaces)
        var message: String?
        switch field {
        case .customer:
            // Says where a new customer is added (tryout s18: a new user typing a new name was left at "pick one");
            // the key quoted (s32-fixc: "… on F4 with a" read as cut off).
            if !value.isEmpty && customer == nil {
                message = s.t("unknown customer \(value): pick one from the list, or add it on F4 (key 'a')",
                              "未知客户 \(value)，请从列表中选择，或在 F4 客户中按 a 新增")
            }
        case .date:
            do { _ = try DateParser.parse(value, today: context.today) } catch { message = error.description }
        case .salesperson:
            if !value.isEmpty && !salespeople.contains(where: { $0.code == value }) {
                message = s.t("unknown salesperson code \(value)", "未知业务员编码 \(value)")
            }
        case .terms:
            if !value.isEmpty { do { _ = try PaymentTerms.parse(value) } catch { message = error.description } }
        case .due:
            // The due date follows the customer's terms: while no customer is chosen, only the customer is reported;
            // while the date is wrong it is empty and only the date is reported.
            if value.isEmpty && (customer == nil || (try? DateParser.parse(text(.date), today: context.today)) == nil) {
                break
            }
            do {
                let due = try DateParser.parse(value, today: context.today)
                if let date = try? DateParser.parse(text(.date), today: context.today), due < date {
                    message = s.t("due date \(due) is before the invoice date \(date)",
                                  "到期日 \(due) 早于单据日期 \(date)")
                }
            } catch { message = error.description }
        case .product(let i):
            if value.hasPrefix("*") {
                // A free-text line: `*description`, with quantity, price and tax rate typed on the line.
                if value.dropFirst().trimmingCharacters(in: .whitespaces).isEmpty {
                    message = s.t("type a description after *", "请在 * 后输入描述")
                }
            } else if !value.isEmpty && productNames[i] == nil {
                if let exact = context.read({
                    try context.store.products(search: value, page: PageRequest(limit: 20))
                })?.first(where: { $0.sku == value }) {
                    selectProduct(sku: exact.sku, line: i, context: context)
                } else {
                    message = s.t("unknown product code \(value)", "未知商品编码 \(value)")
                }
            }
        case .quantity(let i):
            if !lineIsBlank(i) {
                do {
                    let q = try Quantity.parse(value)
                    if q.thousandths <= 0 { message = s.t("quantity must be greater than 0", "数量必须大于0") }
                    else if SaleMath.isTooLarge(quantity: value, unitPrice: text(.price(i)),
                                                discount: text(.discount(i)),
                                                taxRate: text(.tax(i)), currency: currency) {
                        message = "line total with tax is too large (at most \(LedgerLimits.amountBoundText(currency)))"
                    }
                } catch { message = s.t("quantity '\(value)' \(error)", "数量 '\(value)' \(s.decimalError(error))") }
            }
        case .price(let i):
            if !lineIsBlank(i) {
                do {
                    let p = try MoneyParser.parse(value, currency: currency)
                    if p.isNegative { message = s.t("unit price must be 0 or more", "单价不能为负数") }
                    else if SaleMath.isTooLarge(quantity: text(.quantity(i)), unitPrice: value,
                                                discount: text(.discount(i)),
                                                taxRate: text(.tax(i)), currency: currency) {
                        message = "line total with tax is too large (at most \(LedgerLimits.amountBoundText(currency)))"
                    }
                } catch { message = error.description }
            }
        case .region:
            // As the command checks it (`PostInvoice.checkedRegion`): the customer's own, or a region class by code
            // or name; else an error naming the field.
            if !value.isEmpty && value != customer?.region, let found = context.read({
                try context.store.classNodes(dimension: BuiltInDimension.region.rawValue) }),
               !found.contains(where: { $0.code == value || $0.nameZH == value
                                        || $0.nameEN.lowercased() == value.lowercased() }) {
                message = s.t("unknown region '\(value)': type a region code or name (e.g. CN-33-01, 杭州市)",
                              "未知区域 '\(value)'：请填写区域编码或名称（如 CN-33-01、杭州市）")
            }
        case .channel:
            break
        case .discount, .tax:
            if !value.isEmpty {
                do {
                    let r = try Rate.parsePercent(value)
                    if !(0...10_000).contains(r.basisPoints) { message = s.t("must be between 0% and 100%",
                                                                             "必须在0%到100%之间") }
                } catch { message = "'\(value)' \(s.decimalError(error))" }
            }
        }
        errors[field] = message.map(s.core)
    }

    func lineIsBlank(_ i: Int) -> Bool {
        text(.product(i)).isEmpty && text(.quantity(i)).isEmpty && text(.price(i)).isEmpty
    }

    /// Builds the command from the typed text, collecting every field error.
    mutating func makeCommand(context: AppContext, asDraft: Bool) -> PostInvoice? {
        for field in fieldOrder { liveCheck(field, context: context) }
        let s = context.strings
        if customer == nil { errors[.customer] = errors[.customer] ?? s.t("pick a customer", "请选择客户") }
        let lines = (0..<lineCount).filter { !lineIsBlank($0) }
        if lines.isEmpty { errors[.product(0)] = s.t("at least one line is required", "至少需要一行") }
        guard errors.values.allSatisfy({ $0.isEmpty }), let customer,
              let date = try? DateParser.parse(text(.date), today: context.today) else { return nil }
        var command = PostInvoice(customerCode: customer.code, date: date, lines: lines.map { i in
            let typed = text(.product(i)).trimmingCharacters(in: .whitespaces)
            let isFree = typed.hasPrefix("*")
            return LineInput(productSKU: typed.isEmpty || isFree ? nil : typed,
                      description: isFree ? String(typed.dropFirst()).trimmingCharacters(in: .whitespaces)
                                          : productNames[i],
                      quantity: (try? Quantity.parse(text(.quantity(i)))) ?? Quantity(0),
                      unitPrice: try? MoneyParser.parse(text(.price(i)), currency: currency),
                      discount: (try? Rate.parsePercent(text(.discount(i)))) ?? .zero,
                      taxRate: text(.tax(i)).isEmpty ? nil : try? Rate.parsePercent(text(.tax(i))))
        })
        command.paymentTerms = try? PaymentTerms.parse(text(.terms))
        if draft.isDueEdited { command.dueDate = try? DateParser.parse(text(.due), today: context.today) }
        command.salespersonCode = text(.salesperson).isEmpty ? nil : text(.salesperson)
        // Empty: the customer's channel and region (`PostInvoice`'s default), never a sale without a label.
        let channel = text(.channel).trimmingCharacters(in: .whitespaces)
        let region = text(.region).trimmingCharacters(in: .whitespaces)
        command.channel = channel.isEmpty ? nil : channel
        command.region = region.isEmpty ? nil : region
        command.asDraft = asDraft
        return command
    }

    mutating func post(context: AppContext, asDraft: Bool, overrideReason: String? = nil,
                       plausibilityConfirmed: Bool = false) -> ScreenOutcome {
        let s = context.strings
        suggestions = []
        asksToFix = false
        guard var command = makeCommand(context: context, asDraft: asDraft) else {
            if let first = fieldOrder.first(where: { errors[$0] != nil }) { focus = first }
            asksToFix = true
            return .error(fixMessage(s))
        }
        if !asDraft, overrideReason == nil, !plausibilityConfirmed {
            let warnings = plausibilityWarnings(command, context: context)
            if !warnings.isEmpty {
                // What the ledger would refuse (a document total over the cap, s33-fix) is said first: the user is
                // never asked to confirm a sale that cannot be saved. A dry run, rolled back; a credit hold is not a
                // refusal here (its own question comes after this one).
                let issues = context.service.validationIssues(of: command)
                if !issues.isEmpty { return showIssues(issues, s) }
                modals.push(PlausibilityModal(warnings: warnings.map { $0.message(chinese: s.zh) }))
                return .none
            }
        }
        command.creditOverrideReason = overrideReason
        command.replacesDraftID = openedDraftID
        do {
            let invoice = try context.run(command)
            discardStoredDraft(context: context)
            reset(context: context)
            refresh(context: context)
            return .message(asDraft ? s.draftSaved
                : "\(s.posted) \(invoice.displayNumber): \(invoice.total.groupedString) \(invoice.currency.code)")
        } catch .validation(let issues) {
            return showIssues(issues, s)
        } catch .creditHold(let reasons) {
            if context.service.role.canManage {
                modals.push(ReasonModal(s.creditWarning, reasons.map(s.core).joined(separator: "; "),
                                        label: s.overrideReason(reasons) + ":") { screen, reason, context in
                    screen.post(context: context, asDraft: false, overrideReason: reason)
                })
                return .none
            }
            return .error("\(s.creditWarning): " + reasons.map(s.core).joined(separator: "; "))
        } catch {
            return .error(error.description)
        }
    }

    /// Shows the ledger's refusal by field (a line's or the lines' issue on the first line, any other on the
    /// customer), focuses the first field in error and asks to fix it.
    mutating func showIssues(_ issues: [LedgerCore.FieldIssue], _ s: Strings) -> ScreenOutcome {
        for issue in issues {
            if let field = fieldOrder.first(where: { $0.path == issue.path }) {
                errors[field] = s.core(issue.message)
            }
            else if issue.path.hasPrefix("lines") { errors[.product(0)] = s.core(issue.message) }
            else { errors[.customer] = s.core(issue.message) }
        }
        if let first = fieldOrder.first(where: { errors[$0] != nil }) { focus = first }
        asksToFix = true
        return .error(fixMessage(s))
    }

    // MARK: - Reasons asked for today's sales

    mutating func askVoid(_ number: String, context: AppContext) -> ScreenOutcome {
        let s = context.strings
        // A clerk is refused before typing a reason that could not be used (tryout defect 4).
        do { try context.service.authorize(before: VoidInvoice.self) } catch { return .error("\(error)") }
        modals.push(ReasonModal("\(s.voidAction) \(number)", s.reasonPrompt) { screen, reason, context in
            do {
                try context.run(VoidInvoice(number: number, reason: reason))
                screen.refresh(context: context)
                return .message("\(context.strings.voided) \(number)")
            } catch { return .error("\(error)") }
        })
        return .none
    }

    /// A full reversal of every line still uncredited, each at its own tax rate. The question says so, with the
    /// invoice's total, and names F9's credit by line for part of an invoice; the message after names the amount.
    mutating func askCredit(_ number: String, context: AppContext) {
        let s = context.strings
        let total = (context.read { try context.store.invoiceDocument(number: number) } ?? nil)
            .map { $0.total.groupedString + " " + $0.total.currency.code } ?? ""
        let question = s.t("Reverses every line of \(number) not yet credited (invoice total \(total)). "
                           + "For part of it: F9, Enter, c (credit by line).",
                           "冲销 \(number) 全部尚未冲销的行（销售单价税合计 \(total)）。只冲销部分：F9，Enter，c（按行冲销）。")
        modals.push(ReasonModal("\(s.creditAction) \(number)", question, label: s.reasonPrompt + ":") {
            screen, reason, context in
            do {
                guard let invoice = try context.store.invoiceDocument(number: number) else { return .none }
                let outcome = try context.run(IssueLineCreditNote(invoiceNumber: number,
                                                                  date: max(context.today, invoice.date),
                                                                  reason: reason))
                screen.refresh(context: context)
                let note = outcome.creditNote
                return .message("\(context.strings.creditAction) \(note.displayNumber) "
                                + "\(note.total.groupedString) → \(number)")
            } catch { return .error("\(error)") }
        })
    }
}
