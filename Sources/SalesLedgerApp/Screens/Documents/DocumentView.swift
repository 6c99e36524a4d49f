import LedgerCore
import TerminalUI

/// One document opened from the browser: customer, lines (discount, tax), allocations, credit notes and the
/// customer's contact history. `v` voids (reason), `c` issues a credit note by line (`N:QTY, …`, empty = every
/// line still uncredited), `d` disputes or resolves (reason), `n` copies it into a new sale, `l` logs a contact.
struct DocumentView {
    let id: Int64
    var detail: DocumentDetail?
    enum Prompt { case void, credit, dispute }
    /// The customer's receivables (for the promise states of the contact history).
    var snapshot: ReceivablesSnapshot?
    /// A posted sale's fapiao: those recorded against it (void and red ones too) and where it stands (开票状态).
    var fapiao: (status: FapiaoStatus, records: [Fapiao])?

    init(id: Int64, context: AppContext) {
        self.id = id
        reload(context: context)
    }

    mutating func reload(context: AppContext) {
        detail = context.read { try context.store.documentDetail(id: id, asOf: context.today) }   // as F9's list
        snapshot = detail.flatMap { d in
            context.read { try context.store.receivablesSnapshot(customerID: d.customer.id) }
        }
        fapiao = detail.flatMap { d -> (FapiaoStatus, [Fapiao])? in
            guard d.document.kind == .invoice, d.document.status == .posted, let position = context.read({
                try context.store.saleFapiaoPositions(asOf: context.today, customerCode: d.customer.code)
                    .first { $0.saleID == d.document.id }
            }) else { return nil }
            let records = context.read {
                try context.store.fapiaoList(customerCode: d.customer.code, from: nil, to: nil)
                    .filter { $0.parts.contains { $0.documentID == d.document.id } }
            }
            return (position.status, records ?? [])
        }
    }

    /// Runs a prompt's answer on `doc`: void, dispute or resolve, credit by line.
    /// After the lines of a credit by line: checks them, then asks why (a credit note needs a reason, and Enter on
    /// the reason is the confirmation that posts it); Esc there posts nothing.
    static func askCreditReason(lines: String, doc: Invoice, context: AppContext) -> ModalStep<DocumentsScreen> {
        let s = context.strings
        // The lines are checked as posting checks them (what is left per line) before the reason is asked.
        if case let .failure(failure) = DocumentCreditLines.check(lines, doc: doc, context: context) {
            return .report(.error(failure.message))
        }
        let label = s.t("Reason for the credit note (Enter posts it): ", "红字冲销原因（回车即过账）：")
        return .close { screen, _ in
            screen.modals.push(PromptModal<DocumentsScreen>(label) { reason, _ in
                guard !reason.isEmpty else { return .report(.error(s.t("a reason is required", "必须填写原因"))) }
                return .close { screen, context in
                    let outcome = run(.credit, lines, reason: reason, doc: doc, context: context)
                    screen.refresh(context: context)
                    return outcome
                }
            })
            return .message("")   // an error of an earlier try of the lines is not left under the reason
        }
    }

    static func run(_ prompt: Prompt, _ text: String, reason: String = "", doc: Invoice,
                    context: AppContext) -> ScreenOutcome {
        let s = context.strings
        do {
            switch prompt {
            case .void:
                try context.run(VoidInvoice(number: doc.displayNumber, reason: text))
                return .message("\(s.voided) \(doc.displayNumber)")
            case .dispute:
                let after = try context.run(SetDispute(number: doc.displayNumber, isDisputed: !doc.isDisputed,
                                                       reason: text))
                return .message(after.isDisputed ? s.t("Marked disputed", "已标记争议") : s.t("Dispute resolved", "争议已解决"))
            case .credit:
                let parsed = DocumentCreditLines.parse(text, currency: doc.currency, s)
                if let first = parsed.problems.first { return .error(first) }
                let outcome = try context.run(DocumentCreditLines.command(parsed.requests, doc: doc, reason: reason,
                                                                          context: context))
                let note = outcome.creditNote
                return .message("\(s.creditAction) \(note.displayNumber): \(note.subtotal.groupedString) + "
                                + "\(note.taxTotal.groupedString)")
            }
        } catch {
            return .error(s.core(error.issuesText))
        }
    }

    /// The prompt's label on the last line.
    static func label(_ prompt: Prompt, doc: Invoice, _ s: Strings) -> String {
        switch prompt {
        case .void: return s.t("Reason to void: ", "作废原因：")
        case .dispute: return doc.isDisputed ? s.t("How it was resolved: ", "解决说明：") : s.t("Dispute reason: ", "争议原因：")
        case .credit: return s.t("Lines N:QTY or N:@AMOUNT (empty = all): ", "行号:数量 或 行号:@金额（留空=全部）：")
        }
    }
}
