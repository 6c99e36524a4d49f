/// Store operations the import commands need beyond `LedgerTransaction`'s core (implemented by the SQLite store).
public protocol InteropTransaction {
    /// The earlier import of a file with this SHA-256 fingerprint, if any.
    func importedFile(fingerprint: String) throws -> ImportedFile?
    /// Records an imported file; returns its row id (the audit entry's `import_file#id`).
    func insert(_ file: ImportedFile) throws -> Int64
    /// Whether a receipt with this reference (交易单号, bank serial) is in the ledger.
    func receiptExists(reference: String) throws -> Bool
    /// Code of the first customer whose phone or e-mail equals `account`, or whose notes contain it.
    func customerCode(matchingAccount account: String) throws -> String?
    /// The marker of the interrupted bulk load `name`, if any (issue 10).
    func bulkLoadMarker(name: String) throws -> BulkLoadMarker?
    /// Inserts or replaces the marker (bookkeeping of the load, not a business record: not audited).
    func save(_ marker: BulkLoadMarker) throws
    func deleteBulkLoadMarker(name: String) throws
    /// Drops, for a chunked load, the indexes it does not read; they are built after its last commit, or when the
    /// ledger is opened after a crash (issue 10).
    func deferLoadIndexes() throws
    /// In a one-transaction bulk batch of about `rows` documents: drops the same indexes, and the open items' by due
    /// date (and by customer when the batch posts `invoicesOnly`: no credit notes, receipts or allocations), when
    /// the batch is large against the ledger (a sorted build then costs less than `rows` random inserts); returns
    /// whether it did. `rebuildLoadIndexes` builds them again in the
    /// same transaction (a rollback restores them with the rest).
    func deferLoadIndexes(rows: Int, invoicesOnly: Bool) throws -> Bool
    /// Builds the indexes `deferLoadIndexes(rows:invoicesOnly:)` dropped, inside the current transaction.
    func rebuildLoadIndexes() throws
    /// The highest document id (0 when there is none).
    func maxDocumentID() throws -> Int64
    /// The first posted invoice with an id above `afterID` of customer `customerID` dated `date`.
    func loadedInvoice(after afterID: Int64, customerID: Int64, date: CivilDate) throws -> LoadedInvoice?
    /// Refreshes the query planner's statistics (after a bulk load changed the tables' sizes by orders of magnitude).
    func refreshPlannerStatistics() throws
    /// Code of the one customer whose notes name `alias` (WeChat/Alipay nickname) on an alias line, nil when none
    /// or several do (see `CustomerAliases`).
    func customerCode(alias: String) throws -> String?
    /// Starts a chunk of a chunked bulk load (issue 10): the store may stop maintaining derived tables row by row
    /// until `endBulkChunk`, in the same transaction. Nothing a command reads may go stale.
    func beginBulkChunk() throws
    /// Brings what `beginBulkChunk` deferred up to date for the chunk's rows, set-based, before the chunk commits.
    /// - Throws: `LedgerError.storage` when the chunk changed a record written before it in a way the set-based
    ///   maintenance does not cover (the chunk is then rolled back whole).
    func endBulkChunk() throws
}

extension InteropTransaction {
    /// A store that maintains everything row by row has nothing to defer.
    public func deferLoadIndexes(rows: Int, invoicesOnly: Bool) throws -> Bool { false }
    public func rebuildLoadIndexes() throws {}
    public func beginBulkChunk() throws {}
    public func endBulkChunk() throws {}
}

/// Aliases of a customer written in its notes: a line (or a part between `;`/`；`) starting `别名`, `昵称` or `alias`,
/// then `:` or `：`, then names separated by `,` `，` `、` or `/`: `别名：老王，王记批发`.
public enum CustomerAliases {
    public static func aliases(inNotes notes: String) -> [String] {
        notes.split(whereSeparator: { "\n;；".contains($0) }).flatMap { part -> [String] in
            let text = part.trimmingCharacters(in: .whitespaces)
            guard let prefix = ["别名", "昵称", "alias", "Alias"].first(where: text.hasPrefix) else { return [] }
            let rest = text.dropFirst(prefix.count).drop { $0 == " " || $0 == "s" }
            guard rest.first == ":" || rest.first == "：" else { return [] }
            return rest.dropFirst().split(whereSeparator: { ",，、/".contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }
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
/// Refuses a file imported before.
public struct RecordImportedFile: LedgerCommand {
    public static let name = "import.file"
    /// Bulk imports change master data and balances: managers and admins.
    public static var allowedRoles: Set<UserRole> { AccessRoles.managers }
    public var file: ImportedFile
    public init(_ file: ImportedFile) { self.file = file }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> ImportedFile {
        if let earlier = try tx.importedFile(fingerprint: file.fingerprint) {
            throw LedgerError.refused("\(file.fileName): this file was already imported on \(earlier.importedOn) "
                                      + "as \(earlier.fileName) (\(earlier.rows) rows); nothing imported")
        }
        // The record's own id, so `audit log` tells imports apart (s33-fix: every one was `+import_file#0`).
        let id = try tx.insert(file)
        context.recordChange(entity: "import_file", id: id, before: ImportedFile?.none, after: file)
        return file
    }
}

extension LedgerService.BatchRunner {
    /// Whether a receipt with this reference exists (read-only).
    public func receiptExists(reference: String) throws -> Bool { try tx.receiptExists(reference: reference) }
    /// Reads a product inside the batch (read-only).
    public func product(sku: String) throws -> Product? { try tx.product(sku: sku) }
    /// The earlier import of this fingerprint (read-only).
    public func importedFile(fingerprint: String) throws -> ImportedFile? {
        try tx.importedFile(fingerprint: fingerprint)
    }
}

extension LedgerService.BatchRunner {
    /// Open invoices of customer `code` as of today's data (read-only), oldest due first.
    public func openInvoices(customerCode code: String) throws -> [OpenItem] {
        guard let customer = try tx.customer(code: code) else { return [] }
        return try tx.openInvoices(customerID: customer.id)
    }
    /// The stored customer `code`'s record (read-only).
    public func customerRecord(code: String) throws -> Customer? { try tx.customer(code: code) }
    /// The stored fapiao details of customer `code` (read-only); nil when it has none or no such customer.
    public func taxDetails(customerCode code: String) throws -> CustomerTaxDetails? {
        guard let customer = try tx.customer(code: code) else { return nil }
        return try tx.taxDetails(customerID: customer.id)
    }
    /// Customer matched by a payer account (phone, e-mail, or an account written in the notes) (read-only).
    public func customerCode(account: String) throws -> String? { try tx.customerCode(matchingAccount: account) }
    /// Customer whose notes name the payer as an alias (`别名：…`) (read-only).
    public func customerCode(alias: String) throws -> String? { try tx.customerCode(alias: alias) }
}
