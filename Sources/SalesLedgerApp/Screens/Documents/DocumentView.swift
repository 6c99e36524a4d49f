import LedgerCore
import TerminalUI

/// One document opened from the browser: customer, lines (discount, tax), allocations, credit notes and the
/// customer's contact history. `v` voids (reason), `c` issues a credit note by line (`N:QTY, …`, empty = every
/// line still uncredited), `d` disputes or resolves (reason), `n` copies it into a new sale, `l` logs a contact.
struct DocumentView {
    let id: Int64
    var detail: DocumentDetail?
    var isClosed = false
    enum Prompt { case void, credit, dispute }
    var prompt: Prompt?
    var input = TextInput()
    var followUp: FollowUpEntry?
    /// Recording a fapiao for this sale (`f`).
    var fapiao: FapiaoEntry?
    /// The customer's receivables (for the promise states of the contact history).
    var snapshot: ReceivablesSnapshot?

    init(id: Int64, context: AppContext) {
        self.id = id
        reload(context: context)
    }

    var capturesText: Bool { prompt != nil || followUp != nil || fapiao != nil }

    mutating func reload(context: AppContext) {
        detail = context.read { try context.store.documentDetail(id: id) }
        snapshot = detail.flatMap { d in context.read { try context.store.receivablesSnapshot(customerID: d.customer.id) } }
    }

    mutating func handle(_ event: Event, context: AppContext) -> ScreenOutcome {
        let s = context.strings
        guard let detail else { isClosed = true; return .none }
        let doc = detail.document
        if var entry = fapiao {
            switch entry.handle(event, context: context) {
            case .open: fapiao = entry
            case .cancelled: fapiao = nil
            case .saved(let message): fapiao = nil; reload(context: context); return .message(message)
            case .failed(let message): fapiao = entry; return .error(message)
            }
            return .none
        }
        if var entry = followUp {
            switch entry.handle(event, context: context) {
            case .open: followUp = entry
            case .cancelled: followUp = nil
            case .saved(let message): followUp = nil; reload(context: context); return .message(message)
            case .failed(let message): followUp = entry; return .error(message)
            }
            return .none
        }
        if let current = prompt {
            guard case .key(let key) = event else { return .none }
            if key == .escape { prompt = nil; return .none }
            guard key == .enter else { _ = input.handle(event); return .none }
            let text = input.text.trimmingCharacters(in: .whitespaces)
            prompt = nil
            do {
                switch current {
                case .void:
                    try context.run(VoidInvoice(number: doc.displayNumber, reason: text))
                    reload(context: context)
                    return .message("\(s.voided) \(doc.displayNumber)")
                case .dispute:
                    let after = try context.run(SetDispute(number: doc.displayNumber, isDisputed: !doc.isDisputed, reason: text))
                    reload(context: context)
                    return .message(after.isDisputed ? s.t("Marked disputed", "已标记争议") : s.t("Dispute resolved", "争议已解决"))
                case .credit:
                    var issues = IssueCollector()
                    let requests = DocumentView.creditLines(text, currency: doc.currency, issues: &issues)
                    if let first = issues.issues.first { return .error(s.core(first.description)) }
                    let outcome = try context.run(IssueLineCreditNote(
                        invoiceNumber: doc.displayNumber, date: max(context.today, doc.date), lines: requests,
                        reason: s.t("credit by line", "按行红字冲销")))
                    reload(context: context)
                    let note = outcome.creditNote
                    return .message("\(s.creditAction) \(note.displayNumber): \(note.subtotal.groupedString) + \(note.taxTotal.groupedString)")
                }
            } catch {
                return .error(s.core(error.fieldIssues.isEmpty ? error.description : error.fieldIssues.map(\.description).joined(separator: "; ")))
            }
        }
        guard case .key(let key) = event else { return .none }
        switch key {
        case .escape, .backspace: isClosed = true
        case .char("v") where doc.status == .posted: prompt = .void; input = TextInput()
        case .char("c") where doc.status == .posted && doc.kind == .invoice: prompt = .credit; input = TextInput()
        case .char("d") where doc.status == .posted && doc.kind == .invoice: prompt = .dispute; input = TextInput()
        case .char("n"): return .copySale(doc.id)
        case .char("f") where doc.status == .posted && doc.kind == .invoice:
            switch FapiaoEntry.make(saleNumber: doc.displayNumber, customerCode: detail.customer.code, context: context) {
            case .success(let entry): fapiao = entry
            case .failure(let refusal): return .error(refusal.message)
            }
        case .char("p"):
            let company = (try? context.store.ledgerSetting(LedgerSettings.companyKey)) ?? ""
            return DocumentPrint.write(DocumentPrint.text(detail, company: company, chinese: s.zh),
                                       number: doc.number > 0 ? doc.displayNumber : "D\(doc.id)", ext: "txt", context: context)
        case .char("x"):
            return DocumentPrint.write(DocumentPrint.csv(detail, chinese: s.zh),
                                       number: doc.number > 0 ? doc.displayNumber : "D\(doc.id)", ext: "csv", context: context)
        case .char("l") where doc.kind == .invoice && doc.status == .posted:
            followUp = FollowUpEntry(kind: .contact, target: FollowUpTarget(
                customerCode: detail.customer.code, customerName: detail.customer.name, invoiceNumber: doc.displayNumber),
                                     context: context)
        default: break
        }
        return .none
    }

    /// `1:2, 3:1` → return 2 of line 1 and 1 of line 3; `2:@5.00` → an allowance of 5.00 (net) on line 2.
    static func creditLines(_ text: String, currency: Currency, issues: inout IssueCollector) -> [CreditLineRequest] {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "，" }).map(String.init)
        return parts.enumerated().compactMap { index, part -> CreditLineRequest? in
            let pieces = part.split(separator: ":", maxSplits: 1).map(String.init)
            guard pieces.count == 2, let line = Int(pieces[0]), line > 0 else {
                issues.add("lines[\(index + 1)]", "'\(part)' is not N:QTY")
                return nil
            }
            if pieces[1].hasPrefix("@") {
                guard let amount = try? MoneyParser.parse(String(pieces[1].dropFirst()), currency: currency) else {
                    issues.add("lines[\(index + 1)].allowance", "'\(pieces[1])' is not an amount")
                    return nil
                }
                return CreditLineRequest(line: line, allowance: amount)
            }
            guard let quantity = try? Quantity.parse(pieces[1]) else {
                issues.add("lines[\(index + 1)].quantity", "'\(pieces[1])' is not a quantity")
                return nil
            }
            return CreditLineRequest(line: line, quantity: quantity)
        }
    }

    func keyBindings(_ s: Strings) -> [KeyBinding] {
        if let followUp { return followUp.form.keyBindings }
        if let fapiao { return fapiao.form.keyBindings }
        if prompt != nil { return [KeyBinding(.enter, s.t("Confirm", "确认")), KeyBinding(.escape, s.back)] }
        // Only the keys that work on this document (the same conditions as `handle`).
        guard let doc = detail?.document else { return [KeyBinding(.escape, s.back)] }
        let postedInvoice = doc.status == .posted && doc.kind == .invoice
        var keys: [KeyBinding] = []
        if doc.status == .posted { keys.append(KeyBinding(.char("v"), s.voidAction)) }
        if postedInvoice {
            keys += [KeyBinding(.char("c"), s.t("Credit by line", "按行冲销")), KeyBinding(.char("d"), s.t("Dispute/resolve", "争议/解决"))]
        }
        keys.append(KeyBinding(.char("n"), s.t("Copy to new sale", "复制为新单")))
        if postedInvoice {
            keys += [KeyBinding(.char("l"), s.logContact), KeyBinding(.char("f"), s.t("Record fapiao", "开票登记"))]
        }
        keys += [KeyBinding(.char("p"), s.t("Print to text", "打印为文本")), KeyBinding(.char("x"), s.exportCSV),
                 KeyBinding(.escape, s.back)]
        return keys
    }
}
