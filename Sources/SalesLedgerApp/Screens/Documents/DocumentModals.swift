import LedgerCore
import TerminalUI

/// The document view on the documents screen's stack (issue 9): its keys, declared once, dispatch and feed the hint
/// bar (the keys that work on this document) and help (all of them); prompts and forms go on the same stack.
extension DocumentView: KeyedModal {
    var isFullScreen: Bool { true }

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<DocumentsScreen> {
        guard detail != nil else { return .close }
        return keyTable(context.strings).dispatch(event, on: &self, context: context) ?? .stay
    }

    func keyTable(_ s: Strings) -> KeyTable<DocumentView, ModalStep<DocumentsScreen>> {
        typealias Command = KeyCommand<DocumentView, ModalStep<DocumentsScreen>>
        let shown: (DocumentView) -> Bool = { $0.detail != nil }
        let posted: (DocumentView) -> Bool = { $0.detail?.document.status == .posted }
        let postedInvoice: (DocumentView) -> Bool = { posted($0) && $0.detail?.document.kind == .invoice }
        func ask(_ prompt: Prompt) -> (inout DocumentView, AppContext) -> ModalStep<DocumentsScreen> {
            { view, context in
                guard let doc = view.detail?.document else { return .stay }
                // A clerk is refused before typing a reason that could not be used (tryout defect 4).
                if prompt == .void {
                    do { try context.service.authorize(before: VoidInvoice.self) } catch {
                        return .report(.error("\(error)"))
                    }
                }
                return .push(PromptModal<DocumentsScreen>(DocumentView.label(prompt, doc: doc, s)) { text, context in
                    if prompt == .credit {
                        return DocumentView.askCreditReason(lines: text, doc: doc, context: context)
                    }
                    // A void or a dispute says why: the prompt stays open on an empty reason.
                    if text.isEmpty { return .report(.error(s.t("a reason is required", "必须填写原因"))) }
                    return .close { screen, context in
                        let outcome = DocumentView.run(prompt, text, doc: doc, context: context)
                        screen.refresh(context: context)
                        return outcome
                    }
                })
            }
        }
        func write(_ ext: String) -> (inout DocumentView, AppContext) -> ModalStep<DocumentsScreen> {
            { view, context in
                guard let detail = view.detail else { return .stay }
                let doc = detail.document
                let company = (try? context.store.ledgerSetting(LedgerSettings.companyKey)) ?? ""
                let text = ext == "csv" ? DocumentPrint.csv(detail, chinese: s.zh)
                    : DocumentPrint.text(detail, company: company, chinese: s.zh)
                return .push(ExportPrompt.modal(text, name: DocumentPrint.fileName(
                    number: doc.number > 0 ? doc.displayNumber : "D\(doc.id)", ext: ext), context: context))
            }
        }
        return KeyTable([
            Command(.char("v"), s.voidAction, when: posted, run: ask(.void)),
            Command(.char("c"), s.t("Credit by line", "按行冲销"), when: postedInvoice, run: ask(.credit)),
            Command(.char("d"), s.t("Dispute/resolve", "争议/解决"), when: postedInvoice, run: ask(.dispute)),
            Command(.char("n"), s.t("Copy to new sale", "复制为新单"), when: shown) { view, _ in
                .report(.copySale(view.id))
            },
            Command(.char("l"), s.logContact, when: postedInvoice) { view, context in
                guard let detail = view.detail else { return .stay }
                let target = FollowUpTarget(customerCode: detail.customer.code, customerName: detail.customer.name,
                                            invoiceNumber: detail.document.displayNumber)
                let entry = FollowUpEntry(kind: .contact, target: target, context: context)
                return .push(EntryModal<DocumentsScreen, FollowUpEntry>(entry: entry) {
                    screen, context in screen.refresh(context: context)
                })
            },
            Command(.char("f"), s.t("Record fapiao", "开票登记"), when: postedInvoice) { view, context in
                guard let detail = view.detail else { return .stay }
                switch FapiaoEntry.make(saleNumber: detail.document.displayNumber, customerCode: detail.customer.code,
                                        context: context) {
                case .success(let entry):
                    return .push(EntryModal<DocumentsScreen, FapiaoEntry>(entry: entry) { screen, context in
                        screen.refresh(context: context)
                    })
                case .failure(let refusal): return .report(.error(refusal.message))
                }
            },
            Command(.char("p"), s.t("Print to text", "打印为文本"), when: shown, run: write("txt")),
            Command(.char("x"), s.exportCSV, when: shown, run: write("csv")),
            .close(s),
        ])
    }
}
