/// Posts a saved draft (Ctrl-D in the sales form, `invoice post --draft`): the draft's lines are posted as a new
/// invoice through `PostInvoice` (numbered gaplessly, credit-checked, priced as saved), and the draft is removed
/// in the same transaction. Outcome: the posted invoice.
public struct PostDraft: LedgerCommand {
    public static let name = "invoice.post_draft"
    public var draftID: Int64
    /// Posting date; default: the draft's date.
    public var date: CivilDate?
    public var creditOverrideReason: String?

    public init(draftID: Int64, date: CivilDate? = nil) {
        self.draftID = draftID
        self.date = date
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Invoice {
        let draft = try DraftLookup.draft(draftID, tx: tx)
        guard let customer = try tx.customer(id: draft.customerID) else { throw LedgerError.notFound("customer") }
        var post = PostInvoice(customerCode: customer.code, date: date ?? draft.date,
                               lines: try DraftLookup.inputs(of: draft, tx: tx))
        post.paymentTerms = draft.paymentTerms
        post.dueDate = date == nil ? draft.dueDate : nil
        post.salespersonCode = try draft.salespersonID.flatMap { try tx.salesperson(id: $0)?.code }
        post.channel = draft.channel
        post.region = draft.region
        post.note = draft.note
        post.externalReference = draft.externalReference
        post.creditOverrideReason = creditOverrideReason
        try tx.deleteDraft(id: draft.id)
        context.recordChange(entity: "invoice", id: draft.id, before: draft, after: Invoice?.none)
        return try post.execute(in: tx, context: context)
    }
}

/// Deletes a saved draft (never a posted document). Outcome: the deleted draft.
public struct DeleteDraft: LedgerCommand {
    public static let name = "invoice.delete_draft"
    public var draftID: Int64
    public init(draftID: Int64) { self.draftID = draftID }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Invoice {
        let draft = try DraftLookup.draft(draftID, tx: tx)
        try tx.deleteDraft(id: draft.id)
        context.recordChange(entity: "invoice", id: draft.id, before: draft, after: Invoice?.none)
        return draft
    }
}

/// Shared draft checks.
public enum DraftLookup {
    /// Parses `12`, `#12`, `D12` or `draft #12` into a draft id.
    public static func id(_ text: String) -> Int64? {
        var body = text.trimmingSpaces().lowercased()
        for prefix in ["draft", "#", "d"] where body.hasPrefix(prefix) {
            body = String(body.dropFirst(prefix.count)).trimmingSpaces()
        }
        if body.hasPrefix("#") { body.removeFirst() }
        return Int64(body)
    }

    static func draft(_ id: Int64, tx: any LedgerTransaction) throws -> Invoice {
        guard let draft = try tx.invoice(id: id), draft.status == .draft else {
            throw LedgerError.validation([FieldIssue("draft", "no draft #\(id)")])
        }
        return draft
    }

    /// The draft's lines as typed inputs with their saved prices, discounts and tax rates.
    public static func inputs(of draft: Invoice, tx: any LedgerTransaction) throws -> [LineInput] {
        try draft.lines.map { line in
            let sku = try line.productID.flatMap { try tx.product(id: $0)?.sku }
            return LineInput(productSKU: sku, description: sku == nil ? line.description : nil, quantity: line.quantity,
                             unitPrice: line.unitPrice, discount: line.discount, taxRate: line.taxRate)
        }
    }
}
