/// Changes a product (商品): name, category, unit, tax rate, and optionally its price from a date on.
/// A price change never touches posted lines (they keep the price they were posted with); lines dated on or
/// after `priceFrom` take the new price. Outcome: the stored product.
public struct EditProduct: LedgerCommand {
    public static let name = "product.edit"
    public var sku: String
    public var productName: String?
    public var category: String?
    public var unit: String?
    public var taxRate: Rate?
    /// New list price, in force from `priceFrom` (default: today).
    public var unitPrice: Money?
    public var priceFrom: CivilDate?

    public init(sku: String, name: String? = nil, category: String? = nil, unit: String? = nil, taxRate: Rate? = nil,
                unitPrice: Money? = nil, priceFrom: CivilDate? = nil) {
        self.sku = sku
        self.productName = name
        self.category = category
        self.unit = unit
        self.taxRate = taxRate
        self.unitPrice = unitPrice
        self.priceFrom = priceFrom
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Product {
        var issues = IssueCollector()
        let found = try tx.product(sku: sku)
        if found == nil { issues.add("sku", "unknown product code \(sku)") }
        if let productName { issues.check(!productName.trimmingSpaces().isEmpty, "name", "is required") }
        if let taxRate {
            issues.check((0...10_000).contains(taxRate.basisPoints), "taxRate", "must be between 0% and 100%")
        }
        if let unitPrice {
            issues.check(unitPrice.minorUnits >= 0, "unitPrice", "must be 0 or more")
            if let found, unitPrice.currency != found.unitPrice.currency {
                issues.add("unitPrice",
                           "is in \(unitPrice.currency.code) but the product is priced in "
                           + "\(found.unitPrice.currency.code)")
            }
        }
        // The price and rate the product will have: one unit of it must be sellable (tryout s34).
        if let found, unitPrice != nil || taxRate != nil {
            let price = unitPrice ?? found.unitPrice, rate = taxRate ?? found.taxRate
            if price.minorUnits >= 0, (0...10_000).contains(rate.basisPoints),
               !LedgerLimits.isSellable(price: price, rate: rate) {
                issues.add(unitPrice != nil ? "unitPrice" : "taxRate",
                           LedgerLimits.unsellablePriceMessage(price.currency))
            }
        }
        try issues.throwIfAny()
        guard let before = found else { throw LedgerError.notFound(sku) }
        var after = before
        if let productName {
            after.name = productName.trimmingSpaces()
            let keys = SearchKeys.pinyin(for: after.name)
            after.pinyin = keys.full
            after.pinyinInitials = keys.initials
        }
        if let category { after.category = category.trimmingSpaces() }
        if let unit { after.unit = unit.trimmingSpaces() }
        if let taxRate { after.taxRate = taxRate }
        if let unitPrice {
            let from = priceFrom ?? context.today
            if try tx.productPrices(productID: before.id).isEmpty {
                // Keep the price before the first change for documents dated earlier.
                try tx.save(ProductPrice(productID: before.id, validFrom: CivilDate(year: 1, month: 1, day: 1)!,
                                         unitPrice: before.unitPrice))
            }
            try tx.save(ProductPrice(productID: before.id, validFrom: from, unitPrice: unitPrice))
            after.unitPrice = try tx.price(of: before, on: context.today)
        }
        try tx.update(after)
        context.recordChange(entity: "product", id: after.id, before: before, after: after)
        return after
    }
}

/// Archives a product (hidden from lookups, refused on new lines; history keeps it) or restores it.
/// Outcome: the stored product.
public struct ArchiveProduct: LedgerCommand {
    public static let name = "product.archive"
    public var sku: String
    public var archived: Bool
    public init(sku: String, archived: Bool = true) {
        self.sku = sku
        self.archived = archived
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Product {
        guard let before = try tx.product(sku: sku) else {
            throw LedgerError.validation([FieldIssue("sku", "unknown product code \(sku)")])
        }
        var after = before
        after.isArchived = archived
        try tx.update(after)
        context.recordChange(entity: "product", id: after.id, before: before, after: after)
        return after
    }
}

/// Deletes a product that no document has used; a used product is refused ("archive it instead"), so sales
/// history never loses its product. Outcome: the deleted product.
public struct DeleteProduct: LedgerCommand {
    public static let name = "product.delete"
    public var sku: String
    public init(sku: String) { self.sku = sku }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Product {
        guard let before = try tx.product(sku: sku) else {
            throw LedgerError.validation([FieldIssue("sku", "unknown product code \(sku)")])
        }
        guard try !tx.productIsUsed(id: before.id) else {
            throw LedgerError.refused("product \(sku) is used on documents; archive it instead")
        }
        try tx.deleteProduct(id: before.id)
        context.recordChange(entity: "product", id: before.id, before: before, after: Product?.none)
        return before
    }
}
