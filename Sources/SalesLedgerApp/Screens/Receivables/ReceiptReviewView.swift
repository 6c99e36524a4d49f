import Foundation
import LedgerCore
import LedgerInterop
import TerminalUI

/// The review of imported receipts (收款单) from a WeChat Pay or Alipay bill or a bank statement, before anything
/// is written: one row per receipt with the matched customer and the proposed allocation (核销). Opened by
/// `import receipts --format wechat|alipay|bank-csv` on a terminal, or with `i` on the receivables screen.
///
/// Keys: ↑/↓ move; `a` accepts the row, `s` skips it; `c` changes its customer (code or a search that finds one
/// customer); `k` changes its allocation (`INV=AMOUNT, …`, `auto` for oldest first, `none` to leave it unapplied);
/// ^S writes the accepted rows through the command layer in one transaction (`ReceiptReview.write`); Esc cancels,
/// writing nothing. Every change recomputes the proposals of all rows (`ReceiptReview.propose`).
struct ReceiptReviewView {
    var review: ReceiptReview
    /// `wechat`, `alipay`, `bank-csv` or `generic`, for the title.
    let format: ReceiptFormat
    let fileName: String
    var selected = 0
    var top = 0
    /// What a prompt asks for the selected row (a modal above the review).
    enum Prompt: Equatable { case customer, allocation }

    enum Outcome: Equatable {
        case open
        case error(String)
        /// Closed: written (the summary) or cancelled (nil).
        case closed(String?)
    }

    /// A review of `review`'s rows with fresh proposals. - Throws: `LedgerError` when the ledger cannot be read.
    init(review: ReceiptReview, format: ReceiptFormat, fileName: String, context: AppContext) throws {
        self.review = review
        self.format = format
        self.fileName = fileName
        try self.review.propose(service: context.service)
    }

    var items: [ReceiptReview.Item] { review.items }
    var current: ReceiptReview.Item? { items.indices.contains(selected) ? items[selected] : nil }

    /// `a` (accept) or `s` (skip) on the selected row; a row already in the ledger cannot be accepted.
    mutating func mark(skip: Bool, _ context: AppContext) -> Outcome {
        guard let item = current else { return .open }
        if !skip, case .alreadyInLedger = item.problem {
            return .error(context.strings.t("Row \(item.row) is already in the ledger", "第 \(item.row) 行已在账中"))
        }
        review.items[selected].isSkipped = skip
        return repropose(context)
    }

    /// The prompt for the selected row, prefilled with its customer (or payer) or its allocation; Enter checks
    /// the answer (an error keeps the prompt open) and then recomputes the proposals.
    func prompt(_ which: Prompt, _ s: Strings) -> PromptModal<ReceivablesScreen> {
        let item = current
        let label = which == .customer ? s.t("Customer (code or search): ", "客户（编码或搜索）：")
            : s.t("Allocation (INV=AMOUNT, …; auto; none): ", "核销（单号=金额，…；auto；none）：")
        let text = which == .customer ? item.map { $0.customerCode ?? $0.payer } ?? ""
            : (item?.parts ?? []).map { part in
                "\(part.invoiceNumber)=" + Money.format(part.amount.minorUnits,
                                                        digits: part.amount.currency.minorDigits, grouping: false)
            }.joined(separator: ", ")
        return PromptModal(label, text: text) { [self] text, context in
            var view = self
            if let error = view.answer(which, text, context: context) { return .report(.error(error)) }
            return .close { screen, context in
                var outcome = Outcome.open
                screen.modals.update(ReceiptReviewView.self) { review in
                    review = view
                    outcome = review.repropose(context)
                }
                if case .error(let message) = outcome { return .error(message) }
                return .none
            }
        }
    }

    /// Applies the answer to prompt `which` to the selected row; the error to show when it cannot be used.
    mutating func answer(_ which: Prompt, _ text: String, context: AppContext) -> String? {
        let s = context.strings
        guard items.indices.contains(selected) else { return nil }
        switch which {
        case .customer:
            guard let code = resolveCustomer(text, context: context) else {
                return s.t("customer: no single customer matches '\(text)'",
                           "客户：找不到唯一匹配“\(text)”的客户")
            }
            review.items[selected].chosenCustomer = code
            review.items[selected].allocation = .proposed
        case .allocation:
            do {
                review.items[selected].allocation = try ReceiptReview.parseAllocation(
                    text, currency: items[selected].amount.currency)
            } catch {
                return s.core(error.fieldIssues.map(\.description).joined(separator: "; "))
            }
        }
        review.items[selected].isSkipped = false
        return nil
    }

    /// Customer code for what was typed: an exact code, else the one customer the search finds.
    func resolveCustomer(_ text: String, context: AppContext) -> String? {
        guard !text.isEmpty else { return nil }
        let exact: Customer? = context.read { try context.store.customer(code: text) }
        if let exact { return exact.code }
        let found =
            context.read {
                try context.store.customers(search: text, asOf: context.today, page: PageRequest(limit: 2))
            } ?? []
        return found.count == 1 ? found[0].code : nil
    }

    mutating func repropose(_ context: AppContext) -> Outcome {
        do { try review.propose(service: context.service) } catch {
            return .error(context.strings.core("\(error)"))
        }
        if let item = current, case .refused(let why) = item.problem { return .error(context.strings.core(why)) }
        return .open
    }

    mutating func write(_ context: AppContext) -> Outcome {
        let s = context.strings
        if !items.contains(where: \.isWritten) {
            return .error(s.t("Nothing to write: every row is skipped",
                              "没有可写入的收款：所有行都已跳过"))
        }
        if let blocked = items.first(where: { !$0.isSkipped && $0.problem != nil }) {
            selected = items.firstIndex(of: blocked) ?? selected
            return .error(
                s.t(
                    "Row \(blocked.row): \(problemText(blocked, s)) — change or skip it",
                    "第 \(blocked.row) 行：\(problemText(blocked, s))——请修改或跳过"))
        }
        do {
            let written = try review.write(service: context.service)
            context.dataChanged()
            let money = written.totals.sorted { $0.key < $1.key }.map { code, minor in
                context.money(minor, Currency.named(code) ?? .cny) + (code == "CNY" ? "" : " \(code)")
            }.joined(separator: ", ")
            return .closed(
                s.t(
                    "Imported \(written.receipts.count) receipt(s) \(money), \(written.allocations) allocation(s); "
                        + "\(written.skipped) skipped",
                    "已导入收款单 \(written.receipts.count) 笔 \(money)，核销 \(written.allocations) "
                    + "笔；跳过 \(written.skipped) 笔"))
        } catch {
            return .error(s.t("Nothing written: ", "未写入：") + s.core(error.issuesText))
        }
    }

    // MARK: - Texts

    func problemText(_ item: ReceiptReview.Item, _ s: Strings) -> String {
        switch item.problem {
        case .alreadyInLedger(let ref)?: return s.t("\(ref) is already in the ledger", "\(ref) 已在账中")
        case .noCustomer(let payer)?: return s.t("no customer matches \(payer)",
                                                 "没有与“\(payer)”匹配的客户")
        case .refused(let why)?: return s.core(why)
        case nil: return ""
        }
    }

    func reasonText(_ item: ReceiptReview.Item, _ s: Strings) -> String {
        switch item.reason {
        case .invoiceInNote: return s.t("invoice number in the note", "备注中的单号")
        case .exactAmount: return s.t("exact amount", "金额相同")
        case .oldestFirst: return s.t("oldest first", "先到期先核销")
        case .noOpenInvoice: return s.t("no open invoice: unapplied credit", "无未核销销售单：记为未核销预收")
        case .chosen: return s.t("chosen", "手工指定")
        case .unapplied: return s.t("left unapplied", "不核销，记为未核销预收")
        }
    }

    func matchText(_ match: ReceiptReview.Match, _ s: Strings) -> String {
        switch match {
        case .code: return s.t("by code", "按编码")
        case .name: return s.t("by name", "按名称")
        case .alias: return s.t("by alias", "按别名")
        case .account: return s.t("by account", "按账号")
        case .chosen: return s.t("chosen", "手工指定")
        case .none: return s.t("no match", "未匹配")
        }
    }

    func formatText(_ s: Strings) -> String {
        switch format {
        case .wechat: return s.t("WeChat Pay bill", "微信支付账单")
        case .alipay: return s.t("Alipay bill", "支付宝账单")
        case .bankCSV: return s.t("bank statement", "银行流水")
        case .generic: return s.t("receipts file", "收款文件")
        }
    }
}
