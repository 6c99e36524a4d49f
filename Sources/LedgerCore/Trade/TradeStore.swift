/// Writes of the fapiao and trade-practice features (tax details, fapiao, commission rules, bills, statement
/// confirmations) a command may do inside a transaction. `LedgerTransaction` inherits it; the SQLite store
/// implements it in `LedgerStore/Trade/`. Every method throws `LedgerError.storage` on a store failure.
public protocol TradeTransaction: AnyObject {
    /// The customer's fapiao details; nil when none were ever set.
    func taxDetails(customerID: Int64) throws -> CustomerTaxDetails?
    /// Replaces the customer's fapiao details.
    func save(_ details: CustomerTaxDetails, customerID: Int64) throws

    /// Where one sale stands with fapiao now (every dated record counted); nil unless a posted invoice.
    func saleFapiaoPosition(saleID: Int64) throws -> SaleFapiaoPosition?
    /// A recorded fapiao (void or not) with its parts.
    func fapiao(_ key: FapiaoKey) throws -> Fapiao?
    /// Inserts a fapiao with its parts; returns the new id.
    func insert(_ fapiao: Fapiao) throws -> Int64
    func voidFapiao(id: Int64, reason: String) throws
    /// Total and tax of the non-void red fapiao against `originalID` on one sale.
    func redTotals(originalID: Int64, documentID: Int64) throws -> (total: Int64, tax: Int64)
    func hasRedFapiao(originalID: Int64) throws -> Bool
    /// Sets or clears 不开票 on a sale.
    func setNoFapiao(saleID: Int64, _ noFapiao: Bool, reason: String) throws
    /// Appends a commission rule; returns its id.
    func insert(_ rule: CommissionRule) throws -> Int64
    func billExists(number: String) throws -> Bool
    /// The customer's acceptance bills, every date (credit control counts those held on the posting date).
    func acceptanceBills(customerID: Int64) throws -> [AcceptanceBill]
    func insert(_ bill: AcceptanceBill) throws
    func insert(_ statement: StatementConfirmation) throws -> Int64
    func statementConfirmation(number: String) throws -> StatementConfirmation?
    /// Stores the reply fields (reply, difference, note, reply date) of a statement.
    func saveReply(_ statement: StatementConfirmation) throws
}

/// Read queries of the fapiao and trade-practice features. `LedgerQueries` inherits it.
public protocol TradeQueries: AnyObject {
    /// The customer's fapiao details (empty details when none were set; nil for an unknown customer code).
    func taxDetails(customerCode: String) throws -> CustomerTaxDetails?
    /// Every posted sale's fapiao position as of `asOf` (sales, credit notes, fapiao and allocations dated on or
    /// before it), of one customer or all; by customer code, date, number.
    func saleFapiaoPositions(asOf: CivilDate, customerCode: String?) throws -> [SaleFapiaoPosition]
    /// 已开票未收款's sales as of `asOf`, of one customer or all: only posted sales whose fapiao (blue less red,
    /// non-void, dated ≤ `asOf`) come to more than 0, by customer code, date, id — the order and figures of
    /// `saleFapiaoPositions` (`invoicedTotal > 0`), read set-based from the fapiao parts instead of every sale.
    /// - Throws: what `body` throws, or `LedgerError.storage`.
    func forEachInvoicedSale(asOf: CivilDate, customerCode: String?, _ body: (InvoicedSale) throws -> Void) throws
    /// A page of `saleFapiaoPositions` in (date, id) order: at most `limit` rows after the sale (`after`: its date
    /// and id; nil: from the first). Keyset pages of the to-issue list (待开票) over a whole ledger.
    func saleFapiaoPositions(asOf: CivilDate, customerCode: String?, after: (date: CivilDate, id: Int64)?,
                             limit: Int) throws -> [SaleFapiaoPosition]
    /// 应收未开票 as of `asOf`, of one customer or all, summed set-based per customer, currency and age bucket
    /// (`bounds`: days, ascending): by customer code, then each currency in the order of its customer's first sale
    /// in it (date, id), then bucket. - Throws: `LedgerError.storage`.
    func uninvoicedSums(asOf: CivilDate, customerCode: String?, bounds: [Int]) throws -> [UninvoicedSum]
    /// Recorded fapiao (void included) dated in `from...to`, of one customer or all, by date then id.
    func fapiaoList(customerCode: String?, from: CivilDate?, to: CivilDate?) throws -> [Fapiao]
    /// 销项税: line net and tax of posted invoices less credit notes dated in `from...to`, by month, rate and
    /// currency (one query; the same documents and signs as `salesReport`).
    func outputVAT(from: CivilDate?, to: CivilDate?) throws -> [OutputVATRow]
    /// Every commission rule, by start then id.
    func commissionRules() throws -> [CommissionRule]
    /// Sales, credit notes, write-offs and receipt allocations (with reversals) dated in `from...to`, passed to
    /// `body` one at a time without holding them all (a month at 1M invoices is ~110k events).
    /// - Throws: what `body` throws, or `LedgerError.storage`.
    func forEachCommissionEvent(from: CivilDate, to: CivilDate, _ body: (CommissionEvent) throws -> Void) throws
    /// Acceptance bills received on or before `asOf`, by maturity then bill number.
    func acceptanceBills(asOf: CivilDate) throws -> [AcceptanceBill]
    /// Statements sent for confirmation, newest first; only those without a reply when `unconfirmedOnly`.
    func statementConfirmations(unconfirmedOnly: Bool) throws -> [StatementConfirmation]
}
