import Crypto
import Foundation
import GRDB
import LedgerCore

/// `LedgerTransaction` over one open GRDB write transaction.
final class SQLiteTransaction: LedgerTransaction {
    let db: Database
    let auditKey: SymmetricKey?
    /// The reminder rules read once per transaction (credit control reads them on every post); `save` clears it.
    var reminderRulesCache: ReminderRules?
    /// Customers and products read by code in this transaction (a bulk load posts thousands of documents for the
    /// same few); cleared by every write of those tables through this transaction.
    var customersByCode: [String: Customer] = [:]
    var productsBySKU: [String: Product] = [:]
    /// Dated prices by product id, read once per transaction (every invoice line reads its product's list price);
    /// cleared by every write of products or prices through this transaction.
    var pricesByProduct: [Int64: [ProductPrice]] = [:]
    /// Salespeople read by code (every generated invoice names one); salespeople are only ever inserted.
    var salespeopleByCode: [String: Salesperson] = [:]
    /// The last number issued per series and year ("INV 2026") in this transaction (`nextNumber`); cleared with
    /// the read caches and by any other write of the counters.
    var lastNumbers: [String: Int] = [:]
    /// The open chunk of a chunked bulk load (`beginBulkChunk`), nil outside one.
    var bulkChunk: BulkChunkMaintenance?
    /// A one-transaction batch dropped its load indexes (`deferLoadIndexes(rows:invoicesOnly:)`) and has not built
    /// them again; the planner's statistics asked for meanwhile wait for the build (`statisticsPending`).
    var batchIndexesDeferred = false
    var statisticsPending = false
    /// Bulk audit entries built on a second thread (`AuditPipeline`); set by the store's write paths, which call
    /// `finishAudit` before each commit. Nil: entries are built and written on the spot.
    var auditPipeline: AuditPipeline?
    init(db: Database, auditKey: SymmetricKey? = nil) {
        self.db = db
        self.auditKey = auditKey
    }

    /// Forgets what was read (a chunked load between two transactions: another writer may change it meanwhile).
    func dropReadCaches() {
        reminderRulesCache = nil
        customersByCode.removeAll()
        productsBySKU.removeAll()
        pricesByProduct.removeAll()
        salespeopleByCode.removeAll()
        lastNumbers.removeAll()
    }

    // MARK: - Customers, products, salespeople

    func customer(id: Int64) throws -> Customer? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM customer WHERE id = ?"),
                         arguments: [id]).map(RowMapping.customer)
    }

    func customer(code: String) throws -> Customer? {
        if let cached = customersByCode[code] { return cached }
        let found = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM customer WHERE code = ?"),
                                     arguments: [code])
            .map(RowMapping.customer)
        if let found { customersByCode[code] = found }
        return found
    }

    func customer(named name: String) throws -> Customer? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM customer WHERE name = ? ORDER BY code LIMIT 1"),
                         arguments: [name]).map(RowMapping.customer)
    }

    func customerCodes(named names: [String]) throws -> [String: CustomerNameMatches] {
        guard !names.isEmpty else { return [:] }
        let list = JSONRows(column: names)
        // The correlated look-ups are `customer(named:)`'s own statement (index customer_name), and the second by
        // code and the count of the name (s32-fixb: a name of two customers is refused, not given the first).
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT n.name,
                   (SELECT code FROM customer WHERE name = n.name ORDER BY code LIMIT 1) AS code,
                   (SELECT code FROM customer WHERE name = n.name ORDER BY code LIMIT 1 OFFSET 1) AS second,
                   (SELECT count(*) FROM customer WHERE name = n.name) AS n
            FROM (SELECT value ->> 0 AS name FROM json_each(?)) n
            """), arguments: [list.text])
        var codes: [String: CustomerNameMatches] = [:]
        for row in rows {
            guard let code: String = row[1] else { continue }
            let second: String? = row[2]
            codes[row[0]] = CustomerNameMatches(count: row[3], codes: [code] + (second.map { [$0] } ?? []))
        }
        return codes
    }

    func customersExisting(codes: [String]) throws -> Set<String> {
        guard !codes.isEmpty else { return [] }
        let list = JSONRows(column: codes)
        // The codes as given (not as stored): `code = ?` is `customer(code:)`'s comparison.
        return try Set(String.fetchAll(db.cachedStatement(sql: """
            SELECT c.code FROM (SELECT value ->> 0 AS code FROM json_each(?)) c
            WHERE EXISTS (SELECT 1 FROM customer WHERE customer.code = c.code)
            """), arguments: [list.text]))
    }

    func firstCustomerCode(glob pattern: String) throws -> String? {
        // GLOB with a literal prefix is a range search of the code's unique index.
        try String.fetchOne(db.cachedStatement(
            sql: "SELECT code FROM customer WHERE code GLOB ? ORDER BY code LIMIT 1"), arguments: [pattern])
    }

    func documentsExisting(externalReferences: [String]) throws -> Set<String> {
        guard !externalReferences.isEmpty else { return [] }
        let references = JSONRows(column: externalReferences)
        return try Set(String.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT external_ref FROM document
            WHERE external_ref IN (SELECT value ->> 0 FROM json_each(?)) AND external_ref <> '' AND status <> 'void'
            """), arguments: [references.text]))
    }

    func insert(_ customer: Customer) throws -> Int64 {
        try insert(customers: [customer])[0]
    }

    func update(_ customer: Customer) throws {
        customersByCode.removeAll()
        let sets = RowMapping.customerColumns.split(separator: ",").map { "\($0.trimmingCharacters(in: .whitespaces)) "
                                                                          + "= ?" }
        var args = RowMapping.customerArguments(customer)
        args += [customer.id]
        try db.execute(sql: "UPDATE customer SET \(sets.joined(separator: ", ")) WHERE id = ?", arguments: args)
    }

    func product(id: Int64) throws -> Product? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM product WHERE id = ?"),
                         arguments: [id]).map(RowMapping.product)
    }

    func product(sku: String) throws -> Product? {
        if let cached = productsBySKU[sku] { return cached }
        let found = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM product WHERE sku = ?"), arguments: [sku])
            .map(RowMapping.product)
        if let found { productsBySKU[sku] = found }
        return found
    }

    func insert(_ p: Product) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO product (sku, name, category, unit, unit_price, currency, tax_rate_bp, pinyin, pinyin_initials,
              archived)
            VALUES (?,?,?,?,?,?,?,?,?,?)
            """).execute(arguments: [p.sku, p.name, p.category, p.unit, p.unitPrice.minorUnits,
                                     p.unitPrice.currency.code,
                             p.taxRate.basisPoints, p.pinyin, p.pinyinInitials, p.isArchived])
        return db.lastInsertedRowID
    }

    func salesperson(id: Int64) throws -> Salesperson? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM salesperson WHERE id = ?"),
                         arguments: [id]).map(RowMapping.salesperson)
    }

    func salesperson(code: String) throws -> Salesperson? {
        if let cached = salespeopleByCode[code] { return cached }
        let found = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM salesperson WHERE code = ?"),
                                     arguments: [code]).map(RowMapping.salesperson)
        if let found { salespeopleByCode[code] = found }
        return found
    }

    func insert(_ s: Salesperson) throws -> Int64 {
        try db.cachedStatement(sql: "INSERT INTO salesperson (code, name, region) VALUES (?,?,?)")
            .execute(arguments: [s.code, s.name, s.region])
        return db.lastInsertedRowID
    }

    func update(_ s: Salesperson) throws {
        salespeopleByCode.removeAll()
        try db.execute(sql: "UPDATE salesperson SET name = ?, region = ? WHERE id = ?",
                       arguments: [s.name, s.region, s.id])
    }

    // MARK: - Numbers and documents

    func nextNumber(series: String, year: Int) throws -> Int {
        // Every posted document and receipt takes a number: the counter is read once per transaction, then kept
        // here and written with a plain update by key (an upsert with `RETURNING` opened an ephemeral table per
        // number; issue 10).
        let key = "\(series) \(year)"
        guard let last = lastNumbers[key] else {
            let next = (try Int.fetchOne(db.cachedStatement(sql: """
                SELECT last_number FROM number_series WHERE series = ? AND year = ?
                """), arguments: [series, year]) ?? 0) + 1
            try db.cachedStatement(sql: """
                INSERT INTO number_series (series, year, last_number) VALUES (?, ?, ?)
                ON CONFLICT(series, year) DO UPDATE SET last_number = excluded.last_number
                """).execute(arguments: [series, year, next])
            lastNumbers[key] = next
            return next
        }
        try db.cachedStatement(sql: "UPDATE number_series SET last_number = ? WHERE series = ? AND year = ?")
            .execute(arguments: [last + 1, series, year])
        lastNumbers[key] = last + 1
        return last + 1
    }

    func invoice(id: Int64) throws -> Invoice? {
        try SQLiteTransaction.loadInvoice(db, sql: "SELECT * FROM document WHERE id = ?", arguments: [id])
    }

    func invoice(number: String) throws -> Invoice? {
        try SQLiteTransaction.loadInvoice(db, sql: "SELECT * FROM document WHERE display_number = ?",
                                          arguments: [number])
    }

    static func loadInvoice(_ db: Database, sql: String, arguments: StatementArguments) throws -> Invoice? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: arguments) else { return nil }
        let cur = try RowMapping.currency(row, "document")
        let lines = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM document_line WHERE document_id = ? ORDER "
                                                             + "BY line_no"),
                                     arguments: [row[Invoice.Columns.id] as Int64])
            .map { RowMapping.line($0, currency: cur) }
        return try RowMapping.invoice(row, lines: lines)
    }

    func setStatus(invoiceID: Int64, status: DocumentStatus, voidReason: String) throws {
        try db.cachedStatement(sql: "UPDATE document SET status = ?, void_reason = ? WHERE id = ?")
            .execute(arguments: [status.rawValue, voidReason, invoiceID])
    }

    func setDispute(invoiceID: Int64, isDisputed: Bool, reason: String) throws {
        try db.execute(sql: "UPDATE document SET disputed = ?, dispute_reason = ? WHERE id = ?",
                       arguments: [isDisputed, reason, invoiceID])
    }

    // MARK: - Receipts and allocations

    func insert(_ r: Receipt) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO receipt (series, number_year, number, display_number, customer_id, date, amount, currency,
              method, reference, note)
            VALUES (?,?,?,?,?,?,?,?,?,?,?)
            """).execute(arguments: [r.series, r.numberYear, r.number, r.displayNumber, r.customerID,
                                     r.date.description,
                             r.amount.minorUnits, r.amount.currency.code, r.method.rawValue, r.reference, r.note])
        return db.lastInsertedRowID
    }

    func receipt(id: Int64) throws -> Receipt? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM receipt WHERE id = ?"),
                         arguments: [id]).map(RowMapping.receipt)
    }

    func receipt(number: String) throws -> Receipt? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM receipt WHERE display_number = ?"),
                         arguments: [number]).map(RowMapping.receipt)
    }

    func insert(_ a: Allocation) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO allocation (invoice_id, source, source_id, date, amount, currency, reverses_id, note)
            VALUES (?,?,?,?,?,?,?,?)
            """).execute(arguments: [a.invoiceID, a.source.rawValue, a.sourceID, a.date.description,
                                     a.amount.minorUnits,
                             a.amount.currency.code, a.reversesID, a.note])
        return db.lastInsertedRowID
    }

    func allocation(id: Int64) throws -> Allocation? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM allocation WHERE id = ?"),
                         arguments: [id]).map(RowMapping.allocation)
    }

    func isReversed(allocationID: Int64) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS(SELECT 1 FROM allocation WHERE reverses_id = ?)"),
                          arguments: [allocationID]) ?? false
    }

    func allocatedToInvoice(id: Int64) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(SUM(amount), 0) FROM allocation WHERE invoice_id = "
                                                   + "?"), arguments: [id]) ?? 0
    }

    func allocatedFrom(source: AllocationSource, id: Int64) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(SUM(amount), 0) FROM allocation WHERE source = ? "
                                                   + "AND source_id = ?"),
                           arguments: [source.rawValue, id]) ?? 0
    }

    func openInvoices(customerID: Int64) throws -> [OpenItem] {
        let sql = MaintainedOpenItems.openInvoicesSQL(where: "o.customer_id = :customer")
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: ["customer": customerID])
            .map(RowMapping.openItem)
    }

    func unappliedCredits(customerID: Int64) throws -> [UnappliedCredit] {
        try Row.fetchAll(db.cachedStatement(sql: RowMapping.unappliedSQL(whereClause: "r.customer_id = :customer",
                                                                         asOf: false)),
                         arguments: ["customer": customerID]).map(RowMapping.unapplied)
    }

    // MARK: - Users

    func user(name: String) throws -> LedgerUser? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM app_user WHERE name = ?"),
                         arguments: [name]).map(SQLiteTransaction.user)
    }

    func save(_ user: LedgerUser) throws {
        try db.cachedStatement(sql: """
            INSERT INTO app_user (name, role, active) VALUES (?, ?, ?)
            ON CONFLICT(name) DO UPDATE SET role = excluded.role, active = excluded.active
            """).execute(arguments: [user.name, user.role.rawValue, user.isActive])
    }

    func activeAdminCount() throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM app_user WHERE role = 'admin' AND active = 1"))
            ?? 0
    }

    func hasDocuments() throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM document) OR EXISTS (SELECT 1 FROM receipt)
            """)) ?? false
    }

    static func user(_ row: Row) throws -> LedgerUser {
        LedgerUser(name: row[LedgerUser.Columns.name],
                   role: try RowMapping.code(row, LedgerUser.Columns.role, "app_user"),
                   isActive: row[LedgerUser.Columns.active])
    }

    // MARK: - Audit

    func appendAudit(_ entry: AuditDraft) throws {
        try auditPipeline?.finish(db)
        try AuditAppender.append(entry, db: db, key: auditKey)
    }

    func appendAuditChunk(_ entries: [AuditDraft]) throws {
        if let auditPipeline {
            try auditPipeline.append(entries, db: db, key: auditKey)
        } else {
            try AuditChunk.append(entries, db: db, key: auditKey)
        }
    }

    /// Writes the bulk audit entry still being built (`AuditPipeline`), if any: the store calls it before every
    /// commit of a transaction that has a pipeline.
    func finishAudit() throws {
        try auditPipeline?.finish(db)
    }
}
