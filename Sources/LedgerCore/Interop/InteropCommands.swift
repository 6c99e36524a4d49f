/// Store operations the import commands need beyond `LedgerTransaction`'s core (implemented by the SQLite store).
public protocol InteropTransaction {
    /// The earlier import of a file with this SHA-256 fingerprint, if any.
    func importedFile(fingerprint: String) throws -> ImportedFile?
    func insert(_ file: ImportedFile) throws
    /// Replaces the stored fields of product `product.id`.
    func replace(_ product: Product) throws
    /// Whether a receipt with this reference (交易单号, bank serial) is in the ledger.
    func receiptExists(reference: String) throws -> Bool
    /// Code of the first customer whose phone or e-mail equals `account`, or whose notes contain it.
    func customerCode(matchingAccount account: String) throws -> String?
}

/// A file imported once: its fingerprint refuses a second import of the same bytes.
public struct ImportedFile: Hashable, Sendable, Codable {
    /// Lower-case hex SHA-256 of the file's bytes.
    public var fingerprint: String
    /// customers, products, receipts, opening, sales.
    public var kind: String
    public var fileName: String
    public var rows: Int
    /// The ledger's date of the import.
    public var importedOn: CivilDate
    public init(fingerprint: String, kind: String, fileName: String, rows: Int, importedOn: CivilDate) {
        self.fingerprint = fingerprint
        self.kind = kind
        self.fileName = fileName
        self.rows = rows
        self.importedOn = importedOn
    }
}

/// Records that a file was imported (first command of every import batch, so the audit log names the file).
/// Refuses a file imported before, and actors below manager: bulk imports change master data and balances.
public struct RecordImportedFile: LedgerCommand {
    public static let name = "import.file"
    public var file: ImportedFile
    public init(_ file: ImportedFile) { self.file = file }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> ImportedFile {
        guard context.role == .manager || context.role == .admin else {
            throw LedgerError.permissionDenied("importing files needs the manager or admin role (you are \(context.role.rawValue))")
        }
        if let earlier = try tx.importedFile(fingerprint: file.fingerprint) {
            throw LedgerError.refused("\(file.fileName): this file was already imported on \(earlier.importedOn) "
                                      + "as \(earlier.fileName) (\(earlier.rows) rows); nothing imported")
        }
        try tx.insert(file)
        context.recordChange(entity: "import_file", id: 0, before: ImportedFile?.none, after: file)
        return file
    }
}

/// Updates a product's name, category, unit, price and tax rate by its code (`import products --update`).
public struct UpdateProduct: LedgerCommand {
    public static let name = "product.update"
    public var sku: String
    public var productName: String
    public var category: String
    public var unit: String
    public var unitPrice: Money
    public var taxRate: Rate

    public init(sku: String, name: String, category: String, unit: String, unitPrice: Money, taxRate: Rate) {
        self.sku = sku
        self.productName = name
        self.category = category
        self.unit = unit
        self.unitPrice = unitPrice
        self.taxRate = taxRate
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Product {
        var issues = IssueCollector()
        issues.check(!productName.trimmingSpaces().isEmpty, "name", "is required")
        issues.check(unitPrice.minorUnits >= 0, "unitPrice", "must be 0 or more")
        issues.check((0...10_000).contains(taxRate.basisPoints), "taxRate", "must be between 0% and 100%")
        try issues.throwIfAny()
        guard let before = try tx.product(sku: sku) else { throw LedgerError.notFound("product \(sku)") }
        var product = before
        product.name = productName.trimmingSpaces()
        product.category = category
        product.unit = unit
        product.unitPrice = unitPrice
        product.taxRate = taxRate
        let keys = SearchKeys.pinyin(for: product.name)
        product.pinyin = keys.full
        product.pinyinInitials = keys.initials
        try tx.replace(product)
        context.recordChange(entity: "product", id: product.id, before: before, after: product)
        return product
    }
}

extension LedgerService.BatchRunner {
    /// Whether a receipt with this reference exists (read-only).
    public func receiptExists(reference: String) throws -> Bool { try tx.receiptExists(reference: reference) }
    /// Reads a product inside the batch (read-only).
    public func product(sku: String) throws -> Product? { try tx.product(sku: sku) }
    /// The earlier import of this fingerprint (read-only).
    public func importedFile(fingerprint: String) throws -> ImportedFile? { try tx.importedFile(fingerprint: fingerprint) }
}

extension LedgerService.BatchRunner {
    /// Open invoices of customer `code` as of today's data (read-only), oldest due first.
    public func openInvoices(customerCode code: String) throws -> [OpenItem] {
        guard let customer = try tx.customer(code: code) else { return [] }
        return try tx.openInvoices(customerID: customer.id)
    }
    /// The stored customer `code`'s record (read-only).
    public func customerRecord(code: String) throws -> Customer? { try tx.customer(code: code) }
    /// Customer matched by a payer account (phone, e-mail, or an account written in the notes) (read-only).
    public func customerCode(account: String) throws -> String? { try tx.customerCode(matchingAccount: account) }
}
