/// A product's list price from a date on (商品价格): an invoice line takes the price in force on the
/// document's date; posted lines keep the price they were posted with (history is never rewritten).
public struct ProductPrice: Hashable, Sendable, Codable {
    public var productID: Int64
    /// First day the price applies (inclusive).
    public var validFrom: CivilDate
    public var unitPrice: Money
    public init(productID: Int64, validFrom: CivilDate, unitPrice: Money) {
        self.productID = productID
        self.validFrom = validFrom
        self.unitPrice = unitPrice
    }
}

/// What has already been credited of one invoice line by posted (non-void) credit notes.
/// Quantities in thousandths, amounts in minor units of the invoice's currency.
public struct CreditedLine: Hashable, Sendable, Codable {
    public var quantity: Int64
    public var net: Int64
    public var tax: Int64
    public init(quantity: Int64 = 0, net: Int64 = 0, tax: Int64 = 0) {
        self.quantity = quantity
        self.net = net
        self.tax = tax
    }
}

/// Product and credit-by-line writes (and the reads that decide them) inside one transaction.
/// `LedgerTransaction` inherits it. Every method throws `LedgerError.storage` on a store failure.
public protocol ProductTransaction: AnyObject {
    /// Rewrites the product row (by id).
    func update(_ product: Product) throws
    /// Whether any document line (draft or posted) refers to the product.
    func productIsUsed(id: Int64) throws -> Bool
    /// Deletes a product no document refers to, with its price history.
    func deleteProduct(id: Int64) throws
    /// Stores a dated price, replacing one of the same product and day.
    func save(_ price: ProductPrice) throws
    /// The product's dated prices, oldest first.
    func productPrices(productID: Int64) throws -> [ProductPrice]
    /// Per invoice line number (1-based): what posted, non-void credit notes have credited so far.
    func creditedLines(invoiceID: Int64) throws -> [Int: CreditedLine]
    /// Deletes a draft document and its lines (posted documents are refused by the store's triggers).
    func deleteDraft(id: Int64) throws
    /// A per-ledger setting (`setting` table); nil when unset.
    func setting(_ key: String) throws -> String?
    /// Sets (or, with nil, removes) a per-ledger setting.
    func setSetting(_ key: String, _ value: String?) throws
}

extension ProductTransaction {
    /// The list price in force on `date`: the latest dated price on or before it, else the product's price.
    public func price(of product: Product, on date: CivilDate) throws -> Money {
        let dated = try productPrices(productID: product.id).last { $0.validFrom <= date }
        return dated?.unitPrice ?? product.unitPrice
    }
}

/// Product queries for lists and lookups. `LedgerQueries` inherits it.
public protocol ProductQueries: AnyObject {
    /// Products matching `search`, ranked: exact SKU, SKU prefix, name/pinyin/initials prefix, then substring;
    /// archived ones only when `includeArchived`.
    func productList(search: String?, includeArchived: Bool, page: PageRequest) throws -> [Product]
    /// The product's dated prices, oldest first.
    func productPriceHistory(productID: Int64) throws -> [ProductPrice]
    /// The list price of `sku` on `date` (see `ProductTransaction.price(of:on:)`); nil for an unknown SKU.
    func productPrice(sku: String, on date: CivilDate) throws -> Money?
    /// Draft documents (saved, never posted), oldest first.
    func drafts() throws -> [InvoiceListRow]
    func productByID(_ id: Int64) throws -> Product?
    func customerByID(_ id: Int64) throws -> Customer?
    /// A per-ledger setting; nil when unset (see `LedgerSettings`).
    func ledgerSetting(_ key: String) throws -> String?
    /// One draft with its lines; nil when `id` is not a draft.
    func draftDocument(id: Int64) throws -> Invoice?
}
