/// Compares the practice ledger with what a lesson expects and explains each difference in both languages.
/// Pure: the facts are read by the store (`TrainingQueries.trainingFacts`), so the rules are tested without SQL.
public enum TrainingChecker {
    /// Every difference between `facts` and the lesson's expectations; empty when the lesson is passed.
    /// - Parameters:
    ///   - state: the lesson's state (refs of prepared documents: `ref` number, `ref.total`, `ref.customer`).
    ///   - answer: the trainee's answer for `pickInvoice` (an invoice number), nil when none was given.
    public static func differences(
        _ lesson: TrainingLesson, state: TrainingLessonState, facts: TrainingFacts,
        answer: String? = nil, today: CivilDate
    ) -> [LocalText] {
        lesson.expectations.flatMap { check($0, state: state, facts: facts, answer: answer, today: today) }
    }

    static func check(
        _ expectation: TrainingExpectation, state: TrainingLessonState, facts: TrainingFacts,
        answer: String?, today: CivilDate
    ) -> [LocalText] {
        switch expectation {
        case .invoice(let customer, let lines):
            guard let invoice = facts.documents.last(where: { $0.kind == "invoice" && $0.customerCode == customer })
            else {
                return [
                    LocalText(
                        "No invoice for \(customer) was posted in this lesson.",
                        "本课没有为客户 \(customer) 过账任何销售单。")
                ]
            }
            return compareLines(invoice, lines, rates: facts.productRates, credit: false)
        case .creditNote(let ref, let lines):
            let number = state.refs[ref] ?? ""
            guard let note = facts.documents.last(where: { $0.kind == "credit_note" && $0.appliesTo == number }) else {
                return [
                    LocalText(
                        "No credit note against \(number) was posted in this lesson.",
                        "本课没有针对 \(number) 的红字冲销。")
                ]
            }
            return compareLines(note, lines, rates: facts.productRates, credit: true)
        case .receiptAllocated(let customer, let ref):
            return checkReceipt(
                customer: customer, number: state.refs[ref] ?? "",
                total: Int64(state.refs[ref + ".total.minor"] ?? "") ?? 0, facts: facts)
        case .overdueCallWithPromise:
            return checkCall(facts: facts, today: today)
        case .draftSavedAndReopened:
            var out: [LocalText] = []
            let saved = facts.audit.contains { $0.command == "invoice.post" && $0.payload.contains("\"asDraft\":true") }
            let reopened = facts.audit.contains {
                $0.command == "invoice.post_draft"
                    || ($0.command == "invoice.post" && $0.payload.contains("\"replacesDraftID\"")
                        && !$0.payload.contains("\"asDraft\":true"))
            }
            if !saved { out.append(LocalText("No draft was saved (^D).", "没有保存草稿（^D）。")) }
            if saved && !reopened {
                out.append(
                    LocalText(
                        "The draft was not reopened and posted from the drafts (^O).",
                        "草稿没有从草稿列表（^O）重新打开并过账。"))
            }
            return out
        case .statementIssued(let customer):
            guard let issued = facts.confirmations.last(where: { $0.customerCode == customer }) else {
                let other = facts.confirmations.last.map { " (\($0.customerCode))" } ?? ""
                return [
                    LocalText(
                        "No statement of \(customer) was issued for confirmation\(other).",
                        "没有登记客户 \(customer) 的对账确认\(other)。")
                ]
            }
            if issued.asOf != today {
                return [
                    LocalText(
                        "The statement is as of \(issued.asOf), not today (\(today)).",
                        "对账单截止日为 \(issued.asOf)，应为今天（\(today)）。")
                ]
            }
            return []
        case .backupRestored:
            guard facts.audit.contains(where: { $0.command == "ledger.restore" }) else {
                return [
                    LocalText(
                        "No restore was recorded in the practice ledger since the lesson started.",
                        "本课开始后练习账套中没有恢复记录。")
                ]
            }
            return []
        case .pickInvoice(let ref):
            let number = state.refs[ref] ?? ""
            guard let answer, !answer.isEmpty else {
                return [LocalText("No invoice number was picked.", "没有选择销售单号。")]
            }
            if answer != number {
                return [
                    LocalText(
                        "\(answer) is not the newest invoice of \(state.refs[ref + ".customer"] ?? "").",
                        "\(answer) 不是客户 \(state.refs[ref + ".customer"] ?? "") 最新的销售单。")
                ]
            }
            return []
        }
    }

    /// Line by line: product, quantity, VAT rate (and for credit notes the invoice line reversed).
    static func compareLines(
        _ document: TrainingFacts.Document, _ expected: [TrainingLine], rates: [String: Int64],
        credit: Bool
    ) -> [LocalText] {
        var out: [LocalText] = []
        let doc = document.number
        let (en, zh) = credit ? ("credit note", "红字冲销") : ("invoice", "销售单")
        if document.lines.count != expected.count {
            out.append(
                LocalText(
                    "\(doc) has \(document.lines.count) line(s); the \(en) needs \(expected.count).",
                    "\(doc) 有 \(document.lines.count) 行，这张\(zh)应有 \(expected.count) 行。"))
        }
        for (i, want) in expected.enumerated() {
            guard i < document.lines.count else { break }
            let got = document.lines[i]
            let n = i + 1
            if credit, let line = want.creditsLine, got.creditsLine != line {
                let which = got.creditsLine.map { "line \($0)" } ?? "no invoice line"
                let whichZH = got.creditsLine.map { "第\($0)行" } ?? "没有对应的销售单行"
                out.append(
                    LocalText(
                        "Line \(n) reverses \(which), but the returned goods were line \(line).",
                        "第\(n)行冲销的是\(whichZH)，但退货的是第\(line)行。"))
            }
            if !want.sku.isEmpty, got.sku != want.sku {
                out.append(
                    LocalText(
                        "Line \(n): product is \(got.sku.isEmpty ? "a free line" : got.sku), expected \(want.sku).",
                        "第\(n)行：商品为 \(got.sku.isEmpty ? "自由行" : got.sku)，应为 \(want.sku)。"))
            }
            let quantity = Int64(want.quantity) * 1000
            if got.quantity != quantity {
                out.append(
                    LocalText(
                        "Line \(n): quantity is \(Quantity(thousandths: got.quantity)), expected \(want.quantity).",
                        "第\(n)行：数量为 \(Quantity(thousandths: got.quantity))，应为 \(want.quantity)。"))
            }
            if let rate = want.taxBP ?? rates[want.sku], got.taxBP != rate {
                let what = credit ? ("the credit note reverses", "红字冲销冲回") : ("the line charges",
                                                                              "该行按")
                let line = credit ? "the returned line was at" : "the product's rate is"
                let lineZH = credit ? "退货的那一行税率为" : "该商品税率为"
                out.append(
                    LocalText(
                        "Line \(n): \(what.0) \(percent(got.taxBP)) VAT but \(line) \(percent(rate)).",
                        "第\(n)行：\(what.1) \(percent(got.taxBP)) 的增值税，但\(lineZH) \(percent(rate))。"))
            }
        }
        return out
    }

    static func checkReceipt(customer: String, number: String, total: Int64, facts: TrainingFacts) -> [LocalText] {
        guard let receipt = facts.receipts.last(where: { $0.customerCode == customer }) else {
            let other = facts.receipts.last.map { " (\($0.number) is for \($0.customerCode))" } ?? ""
            let otherZH = facts.receipts.last.map { "（\($0.number) 的客户是 \($0.customerCode)）" } ?? ""
            return [
                LocalText("No receipt from \(customer) was recorded\(other).",
                          "没有录入客户 \(customer) 的收款单\(otherZH)。")
            ]
        }
        var out: [LocalText] = []
        if receipt.amount != total {
            out.append(
                LocalText(
                    "\(receipt.number) is \(money(receipt.amount)); the customer paid \(money(total)).",
                    "\(receipt.number) 金额为 \(money(receipt.amount))，客户实付 \(money(total))。"))
        }
        let allocated = receipt.allocations[number] ?? 0
        if allocated != total {
            out.append(
                LocalText(
                    "\(money(allocated)) of \(receipt.number) is allocated to \(number); "
                        + "it should settle all \(money(total)).",
                    "\(receipt.number) 核销到 \(number) 的金额为 \(money(allocated))，应全额核销 "
                    + "\(money(total))。"))
        }
        for (invoice, amount) in receipt.allocations.sorted(by: { $0.key < $1.key })
        where invoice != number && amount != 0 {
            out.append(
                LocalText(
                    "\(money(amount)) went to \(invoice), which the customer did not pay.",
                    "有 \(money(amount)) 核销到了 \(invoice)，但客户付的不是这张单。"))
        }
        return out
    }

    static func checkCall(facts: TrainingFacts, today: CivilDate) -> [LocalText] {
        guard let call = facts.contacts.last else {
            return [LocalText("No call was logged (F5, l).", "没有记录联系（F5，按 l）。")]
        }
        var out: [LocalText] = []
        if !facts.overdueCustomers.contains(call.customerCode) {
            out.append(
                LocalText(
                    "\(call.customerCode) has nothing overdue today; call an overdue customer.",
                    "客户 \(call.customerCode) 今天没有逾期款项；应联系逾期客户。"))
        }
        if let promised = call.promisedDate {
            if promised < today {
                out.append(LocalText("The promised date \(promised) is before today.",
                                     "承诺付款日 \(promised) 早于今天。"))
            }
        } else {
            out.append(LocalText("The call has no promised payment date.",
                                 "这次联系没有填写承诺付款日。"))
        }
        return out
    }

    /// `900` → `9 %`, `1350` → `13.5 %`.
    static func percent(_ bp: Int64) -> String {
        bp % 100 == 0 ? "\(bp / 100) %" : Money.format(bp, digits: 2, grouping: false) + " %"
    }

    static func money(_ minor: Int64) -> String { Money.format(minor, digits: 2, grouping: true) }
}
