import LedgerCore
import TerminalUI

/// The allocation (核销) screen of one customer, opened with `k` on the customer detail. Two sides: unapplied
/// receipts and credit notes (left) and open invoices (right); below, the allocations made so far.
///
/// Keys: Tab moves between the three lists; on the left ↑/↓ picks the credit to apply; `a` plans it automatically
/// (oldest due date first, `AllocationPreview`); Enter on an invoice asks an amount (prefilled with what fits);
/// `c` clears the plan; ^S saves it with `AllocateCredit` (validated, one transaction, audited); on the allocations
/// list `x` reverses one with a reason (`ReverseAllocation`, 反核销). The preview line shows what the plan applies
/// and what stays unapplied before anything is saved. The prompts are modals on the customers screen's stack, above
/// this view.
struct AllocationView {
    let customer: Customer
    /// Receipts and credit notes with an unapplied amount today (`unappliedCredits`, the aging's figure).
    var credits: [UnappliedCredit] = []
    /// Open invoices, oldest due date first (open amounts from the invoice list query).
    var invoices: [AllocationPreview.OpenInvoice] = []
    /// Allocations from receipts and credit notes that can still be reversed, newest first.
    var allocations: [Row] = []
    enum Panel: Int, CaseIterable { case credits, invoices, allocations }
    var panel: Panel = .credits
    var rows: [Panel: Int] = [:]
    /// The plan for the selected credit: invoice number → amount (minor units).
    var plan: [String: Int64] = [:]

    /// An allocation as listed: id, date, source and invoice numbers, amount (minor units).
    struct Row: Equatable {
        var id: Int64
        var date: CivilDate
        var sourceNumber: String
        var invoiceNumber: String
        var amount: Int64
    }

    init(customer: Customer, context: AppContext) {
        self.customer = customer
        reload(context: context)
    }

    var hasUnsavedChanges: Bool { !plan.isEmpty }
    var currency: Currency { customer.currency }

    mutating func reload(context: AppContext) {
        credits = (context.read { try context.store.unappliedCredits(asOf: context.today) } ?? [])
            .filter { $0.customerID == customer.id && $0.currency == currency }
        let listed = context.read {
            try context.store.invoices(filter: InvoiceFilter(customerCode: customer.code, kind: .invoice,
                                                             status: .posted),
                                       page: PageRequest(limit: 2000))
        } ?? []
        invoices = listed.filter { $0.open > 0 && $0.total.currency == currency }
            .map { AllocationPreview.OpenInvoice(number: $0.number, date: $0.date, dueDate: $0.dueDate, open: $0.open) }
            .sorted { ($0.dueDate, $0.date, $0.number) < ($1.dueDate, $1.date, $1.number) }
        allocations = []
        if let snapshot = context.read({ try context.store.receivablesSnapshot(customerID: customer.id) }) {
            let reversed = Set(snapshot.allocations.compactMap(\.reversesID))
            let documents = Dictionary(snapshot.documents.map { ($0.id, $0.number) }, uniquingKeysWith: { a, _ in a })
            let receipts = Dictionary(snapshot.receipts.map { ($0.id, $0.displayNumber) }, uniquingKeysWith: { a,
                                      _ in a })
            allocations = snapshot.allocations
                .filter { $0.reversesID == nil && $0.amount.minorUnits > 0 && !reversed.contains($0.id)
                    && $0.source != .writeOff }
                .compactMap { a -> Row? in
                    guard let invoice = documents[a.invoiceID], let sourceID = a.sourceID else { return nil }
                    let source = a.source == .receipt ? receipts[sourceID] : documents[sourceID]
                    return Row(id: a.id, date: a.date, sourceNumber: source ?? "#\(sourceID)", invoiceNumber: invoice,
                               amount: a.amount.minorUnits)
                }
                .sorted { ($0.date, $0.id) > ($1.date, $1.id) }
        }
        for panel in Panel.allCases { self.rows[panel] = min(self.rows[panel] ?? 0, max(0, count(panel) - 1)) }
        plan = [:]
    }

    func count(_ panel: Panel) -> Int {
        switch panel {
        case .credits: return credits.count
        case .invoices: return invoices.count
        case .allocations: return allocations.count
        }
    }

    var selectedCredit: UnappliedCredit? {
        let row = rows[.credits] ?? 0
        return credits.indices.contains(row) ? credits[row] : nil
    }

    var selectedAllocation: Row? {
        let row = rows[.allocations] ?? 0
        return panel == .allocations && allocations.indices.contains(row) ? allocations[row] : nil
    }

    var planned: Int64 { CheckedSum.of(plan.values) ?? .max }

    /// The plan as parts, in the invoices' order (oldest due first).
    var parts: [ManualAllocation] {
        invoices.compactMap { item in
            plan[item.number].map { ManualAllocation(invoiceNumber: item.number,
                                                     amount: Money(minorUnits: $0, currency: currency)) }
        }
    }

    /// The keys (issue 9): dispatch, hint bar and help in one table. `a`, Enter and ^S are hinted only when they
    /// can plan or save; pressed otherwise they say why not.
    func keyTable(_ s: Strings) -> KeyTable<AllocationView, ModalStep<CustomersScreen>> {
        let canPlan: (AllocationView) -> Bool = { $0.selectedCredit != nil && !$0.invoices.isEmpty }
        return KeyTable([
            KeyCommand(.tab, s.t("Next list", "切换列表")) { view, _ in view.step(1) },
            KeyCommand(.backTab, s.t("Previous list", "上一列表"), hint: false) { view, _ in view.step(-1) },
            KeyCommand([.up, .down], s.t("Move", "移动")).hinted(when: { $0.count($0.panel) > 1 }),
            KeyCommand(.up, "") { view, _ in view.move(by: -1) }.unlisted,
            KeyCommand(.down, "") { view, _ in view.move(by: 1) }.unlisted,
            KeyCommand(.char("a"), s.t("Auto", "自动核销")) { view, context in view.auto(context.strings) }
                .hinted(when: { canPlan($0) && $0.plan != $0.autoPlan }),
            KeyCommand(.enter, s.t("Amount", "输入金额"), when: { $0.panel == .invoices }) { view, context in
                view.askAmount(context.strings)
            }.hinted(when: canPlan),
            KeyCommand(.ctrl("s"), s.t("Save", "保存")) { view, context in
                AllocationView.report(view.save(context: context))
            }.hinted(when: { !$0.plan.isEmpty }),
            KeyCommand(.char("c"), s.t("Clear", "清除")) { view, _ in view.plan = [:]; return .stay }
                .hinted(when: { !$0.plan.isEmpty }),
            KeyCommand(.char("x"), s.t("Reverse", "反核销"), when: { $0.selectedAllocation != nil }) { view, context in
                .push(AllocationView.reversePrompt(view.selectedAllocation?.id ?? 0, context.strings))
            },
            .close(s),
        ])
    }

    /// Tab (1) or Shift-Tab (-1): the next or previous list.
    mutating func step(_ by: Int) -> ModalStep<CustomersScreen> {
        let count = Panel.allCases.count
        panel = Panel(rawValue: (panel.rawValue + count + by) % count) ?? .credits
        return .stay
    }

    /// ↑ (-1) or ↓ (1) in the current list; another credit drops the plan.
    mutating func move(by: Int) -> ModalStep<CustomersScreen> {
        let row = rows[panel] ?? 0
        rows[panel] = min(max(0, count(panel) - 1), max(0, row + by))
        if panel == .credits, rows[panel] != row { plan = [:] }
        return .stay
    }

    /// Why nothing can be allocated: no unapplied credit, or (with credits listed) no open invoice to take them.
    func nothingToAllocate(_ s: Strings) -> ModalStep<CustomersScreen> {
        guard selectedCredit != nil, invoices.isEmpty else {
            return .report(.error(s.t("No unapplied credit to allocate", "没有可核销的未核销预收")))
        }
        return .report(.error(s.t("No open invoice to allocate to", "没有可核销的未核销销售单")))
    }

    /// The selected credit planned oldest due date first (`AllocationPreview`); empty without a credit.
    var autoPlan: [String: Int64] {
        guard let credit = selectedCredit else { return [:] }
        let preview = AllocationPreview(amount: Money(minorUnits: credit.amount, currency: currency), target: nil,
                                        open: invoices)
        return Dictionary(preview.parts.map { ($0.invoiceNumber, $0.amount.minorUnits) }, uniquingKeysWith: +)
    }

    /// `a`: plans the selected credit oldest due date first.
    mutating func auto(_ s: Strings) -> ModalStep<CustomersScreen> {
        guard selectedCredit != nil, !invoices.isEmpty else { return nothingToAllocate(s) }
        plan = autoPlan
        return .stay
    }

    /// Enter on an invoice: asks the amount, prefilled with what fits.
    func askAmount(_ s: Strings) -> ModalStep<CustomersScreen> {
        let row = rows[.invoices] ?? 0
        guard let credit = selectedCredit, invoices.indices.contains(row) else { return nothingToAllocate(s) }
        let item = invoices[row]
        let fits = max(0, min(item.open, credit.amount - (planned - (plan[item.number] ?? 0))))
        return .push(amountPrompt(item.number, fits: fits, s))
    }

    /// Reports `outcome`; after a change (a message) the customer detail below shows the new balances.
    static func report(_ outcome: ScreenOutcome) -> ModalStep<CustomersScreen> {
        .update { screen, context in
            if case .message = outcome { screen.modals.update(CustomerDetail.self) { $0.reload(context: context) } }
            return outcome
        }
    }

    /// The amount to apply to invoice `number`, prefilled with what fits; checked against its open amount and the
    /// credit left.
    func amountPrompt(_ number: String, fits: Int64, _ s: Strings) -> PromptModal<CustomersScreen> {
        PromptModal(s.t("Amount for \(number): ", "核销 \(number) 金额："),
                    text: Money.format(fits, digits: currency.minorDigits, grouping: false)) { [self] text, context in
            guard let amount = try? MoneyParser.parse(text, currency: currency), !amount.isNegative else {
                return .report(.error(s.t("amount: '\(text)' is not an amount",
                                          "金额：'\(text)' 不是有效金额")))
            }
            guard let item = invoices.first(where: { $0.number == number }), amount.minorUnits <= item.open else {
                return .report(.error(s.t("amount: more than the open balance of \(number)",
                                          "金额：超过 \(number) 的未核销金额")))
            }
            if let credit = selectedCredit, planned - (plan[number] ?? 0) + amount.minorUnits > credit.amount {
                return .report(.error(s.t("amount: the plan would exceed the \(context.money(credit.amount, currency)) "
                                          + "available",
                                          "金额：核销合计将超过可用的 "
                                          + "\(context.money(credit.amount, currency))")))
            }
            return .close { screen, _ in
                screen.modals.update(AllocationView.self) {
                    $0.plan[number] = amount.minorUnits == 0 ? nil : amount.minorUnits
                }
                return .none
            }
        }
    }

    /// The reason to reverse allocation `id` (反核销); a reason is required.
    static func reversePrompt(_ id: Int64, _ s: Strings) -> PromptModal<CustomersScreen> {
        PromptModal(s.t("Reason to reverse: ", "反核销原因：")) { reason, _ in
            guard !reason.isEmpty else { return .report(.error(s.t("a reason is required", "必须填写原因"))) }
            return .close { screen, context in
                do {
                    let reversal = try context.run(ReverseAllocation(allocationID: id, reason: reason))
                    screen.modals.update(AllocationView.self) { $0.reload(context: context) }
                    screen.modals.update(CustomerDetail.self) { $0.reload(context: context) }
                    return .message(s.t("Allocation reversed (反核销): \((-reversal.amount).groupedString)",
                                        "已反核销：\((-reversal.amount).groupedString)"))
                } catch let error as LedgerError {
                    return .error(s.core(error.issuesText))
                } catch {
                    return .error("\(error)")
                }
            }
        }
    }

    /// Saves the plan for the selected credit through `AllocateCredit`.
    mutating func save(context: AppContext) -> ScreenOutcome {
        let s = context.strings
        guard let credit = selectedCredit else { return .error(s.t("No unapplied credit to allocate",
                                                                   "没有可核销的未核销预收")) }
        guard !plan.isEmpty else { return .error(s.t("Nothing planned: press a (auto) or Enter on an invoice",
                                                     "尚无核销计划：按 a 自动核销，或在单据上按 "
                                                     + "Enter")) }
        let parts = parts
        do {
            let outcome = try context.run(AllocateCredit(number: credit.number, plan: .manual(parts)))
            reload(context: context)
            let applied = parts.map { "\($0.invoiceNumber) \($0.amount.groupedString)" }.joined(separator: ", ")
            return .message(s.t("Allocated \(credit.number): \(applied); \(outcome.unapplied.groupedString) left "
                                + "unapplied",
                                "已核销 \(credit.number)：\(applied)；剩余未核销预收 "
                                + "\(outcome.unapplied.groupedString)"))
        } catch {
            return .error(s.core(error.issuesText))
        }
    }

    /// "RCT-… 300.00: INV-1 237.30, INV-3 62.70; leaves 0.00 unapplied" for the plan as it stands.
    func previewText(_ s: Strings, context: AppContext) -> String {
        guard let credit = selectedCredit else { return s.t("No unapplied receipts or credit notes",
                                                            "没有未核销的收款或红字") }
        let applied = parts.map { "\($0.invoiceNumber) \($0.amount.groupedString)" }
        let left = context.money(credit.amount - planned, currency)
        if applied.isEmpty {
            return s.t("\(credit.number) \(context.money(credit.amount, currency)): nothing planned — a: auto, "
                       + "Enter: amount",
                       "\(credit.number) \(context.money(credit.amount, currency))：尚无计划 — a 自动，Enter "
                       + "输入金额")
        }
        return s.t("Preview \(credit.number): \(applied.joined(separator: ", ")); leaves \(left) unapplied",
                   "预览 \(credit.number)：\(applied.joined(separator: "，"))；剩余未核销预收 \(left)")
    }
}
