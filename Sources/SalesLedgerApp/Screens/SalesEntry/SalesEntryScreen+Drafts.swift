import LedgerCore
import TerminalUI

extension SalesEntryScreen {
    mutating func openDrafts(context: AppContext) {
        suggestions = []
        draftsPanel = DraftsPanel(context: context)
    }

    mutating func handleDrafts(_ event: Event, context: AppContext) -> ScreenOutcome {
        guard var panel = draftsPanel else { return .none }
        let s = context.strings
        let action = panel.handle(event)
        draftsPanel = panel
        switch action {
        case .none: return .none
        case .close: draftsPanel = nil; return .none
        case .reopen(let id):
            let document: Invoice
            do {
                guard let found = try context.store.draftDocument(id: id) else { return .error(s.t("no draft D\(id)", "没有草稿 D\(id)")) }
                document = found
            } catch { return .error(context.describe(error)) }
            draftsPanel = nil
            reopen(document, context: context)
            return .message(s.t("Draft D\(id) reopened: F2 posts it, ^D saves it again", "已打开草稿 D\(id)：F2 过账，^D 重新保存"))
        case .post(let id):
            do {
                let invoice = try context.run(PostDraft(draftID: id))
                draftsPanel = DraftsPanel(context: context)
                refresh(context: context)
                return .message("\(s.posted) \(invoice.displayNumber): \(invoice.total.groupedString) \(invoice.currency.code)")
            } catch { return .error(error.fieldIssues.isEmpty ? error.description : error.fieldIssues.map(\.description).joined(separator: "; ")) }
        case .delete(let id):
            do {
                try context.run(DeleteDraft(draftID: id))
                draftsPanel = DraftsPanel(context: context)
                return .message(s.t("Draft D\(id) deleted", "草稿 D\(id) 已删除"))
            } catch { return .error(error.description) }
        }
    }

    /// Fills the form with a saved draft document; posting (or saving again) replaces the draft.
    mutating func reopen(_ document: Invoice, context: AppContext) {
        var stored = SaleDraft()
        let customer = context.read { try context.store.customerByID(document.customerID) }
        stored.customer = customer?.name ?? ""
        stored.customerCode = customer?.code
        stored.date = document.date.description
        stored.terms = document.paymentTerms.code
        stored.dueDate = document.dueDate.description
        stored.channel = document.channel
        stored.region = document.region
        stored.salesperson = context.read({ try context.store.salespeople() })?.first { $0.id == document.salespersonID }?.code ?? ""
        stored.lines = document.lines.map { line in
            let sku = line.productID.flatMap { id in context.read { try context.store.productByID(id) }?.sku }
            return SaleDraft.Line(product: sku ?? "*" + line.description, quantity: line.quantity.description,
                                  unitPrice: line.unitPrice.plainString,
                                  discount: line.discount.basisPoints == 0 ? "" : ProductForm.percent(line.discount),
                                  taxRate: ProductForm.percent(line.taxRate), isPriceEdited: true, isTaxEdited: true)
        }
        apply(stored, context: context)
        openedDraftID = document.id
    }
}

extension SalesEntryScreen {
    /// A new sale with `document`'s customer and lines, dated today (the invoice browser's "copy into a new sale").
    mutating func copy(_ document: Invoice, context: AppContext) {
        reopen(document, context: context)
        openedDraftID = nil
        set(.date, context.today.description)
        draft.isDueEdited = false
        if let code = customer?.code { selectCustomer(code: code, context: context, keepTerms: true) }
    }
}
