import LedgerCore
import TerminalUI

extension SalesEntryScreen {
    mutating func openDrafts(context: AppContext) {
        suggestions = []
        modals.push(DraftsPanel(context: context))
    }

    /// Reads the drafts again into the open drafts panel.
    mutating func reloadDrafts(context: AppContext) {
        modals.update(DraftsPanel.self) { $0 = DraftsPanel(context: context) }
    }

    mutating func reopenDraft(_ id: Int64, context: AppContext) -> ScreenOutcome {
        let s = context.strings
        let document: Invoice
        do {
            guard let found = try context.store.draftDocument(id: id) else { return .error(s.t("no draft D\(id)",
                                                                                               "没有草稿 D\(id)")) }
            document = found
        } catch { return .error(context.describe(error)) }
        reopen(document, context: context)
        return .message(s.t("Draft D\(id) reopened: F2 posts it, ^D saves it again",
                            "已打开草稿 D\(id)：F2 过账，^D 重新保存"))
    }

    mutating func postDraft(_ id: Int64, context: AppContext) -> ScreenOutcome {
        let s = context.strings
        do {
            let invoice = try context.run(PostDraft(draftID: id))
            reloadDrafts(context: context)
            refresh(context: context)
            return .message("\(s.posted) \(invoice.displayNumber): \(invoice.total.groupedString) "
                            + "\(invoice.currency.code)")
        } catch { return .error(error.issuesText) }
    }

    mutating func deleteDraft(_ id: Int64, context: AppContext) -> ScreenOutcome {
        do {
            try context.run(DeleteDraft(draftID: id))
            reloadDrafts(context: context)
            return .message(context.strings.t("Draft D\(id) deleted", "草稿 D\(id) 已删除"))
        } catch { return .error(error.description) }
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
        stored.salesperson = context.read({ try context.store.salespeople() })?
            .first { $0.id == document.salespersonID }?.code ?? ""
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
