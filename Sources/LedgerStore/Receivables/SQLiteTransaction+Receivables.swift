import Foundation
import GRDB
import LedgerCore

extension SQLiteTransaction {
    func insert(_ c: ContactLogEntry) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO contact_log (customer_id, invoice_id, date, who, channel, note, promised_date, promised_amount)
            VALUES (?,?,?,?,?,?,?,?)
            """, arguments: [c.customerID, c.invoiceID, c.date.description, c.who, c.channel.rawValue, c.note,
                             c.promisedDate?.description, c.promisedAmount])
        return db.lastInsertedRowID
    }

    func insert(_ s: ReminderSnooze) throws -> Int64 {
        try db.execute(sql: "INSERT INTO reminder_snooze (customer_id, invoice_id, date, until, reason) VALUES "
                            + "(?,?,?,?,?)",
                       arguments: [s.customerID, s.invoiceID, s.date.description, s.until.description, s.reason])
        return db.lastInsertedRowID
    }

    func save(_ rate: ExchangeRate) throws {
        try db.execute(sql: """
            INSERT INTO exchange_rate (date, currency, per_million) VALUES (?,?,?)
            ON CONFLICT(currency, date) DO UPDATE SET per_million = excluded.per_million
            """, arguments: [rate.date.description, rate.currency.code, rate.perMillion])
    }

    func baseCurrency() throws -> Currency? {
        try ReceivablesRows.baseCurrency(db)
    }

    func setBaseCurrency(_ currency: Currency) throws {
        try ReceivablesRows.setSetting(db, "base_currency", currency.code)
    }

    func reminderRules() throws -> ReminderRules {
        if let cached = reminderRulesCache { return cached }
        let rules = try ReceivablesRows.reminderRules(db)
        reminderRulesCache = rules
        return rules
    }

    func latestAllocationDate(invoiceID: Int64) throws -> CivilDate? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT MAX(date) FROM allocation WHERE invoice_id = ?"),
                            arguments: [invoiceID])
            .flatMap(CivilDate.init(iso:))
    }

    func latestAllocationDate(source: AllocationSource, sourceID: Int64) throws -> CivilDate? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT MAX(date) FROM allocation WHERE source = ? AND source_id = "
                                                    + "?"),
                            arguments: [source.rawValue, sourceID])
            .flatMap(CivilDate.init(iso:))
    }

    func save(_ rules: ReminderRules) throws {
        reminderRulesCache = nil
        try ReceivablesRows.setSetting(db, "reminder_rules", AuditJSON.encode(rules) ?? "{}")
    }
}

/// Row mapping and shared reads of the receivables tables.
enum ReceivablesRows {
    static func setSetting(_ db: Database, _ key: String, _ value: String) throws {
        try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
                            + "excluded.value",
                       arguments: [key, value])
    }

    /// The stored base currency, nil when none is set.
    /// - Throws: `LedgerError.storage` naming the setting when the stored code is not a currency.
    static func baseCurrency(_ db: Database) throws -> Currency? {
        guard let code = try setting(db, "base_currency") else { return nil }
        guard let currency = Currency.named(code) else {
            throw LedgerError.storage("table setting, row base_currency, column value: "
                                      + "'\(code)' is not a known ISO 4217 currency")
        }
        return currency
    }

    /// The stored rules; the defaults when none are stored.
    /// - Throws: `LedgerError.storage` naming the setting when the stored JSON cannot be read.
    static func reminderRules(_ db: Database) throws -> ReminderRules {
        guard let text = try setting(db, "reminder_rules") else { return .standard }
        do { return try JSONDecoder().decode(ReminderRules.self, from: Data(text.utf8)) } catch {
            throw LedgerError.storage("table setting, row reminder_rules, column value: unreadable rules (\(error))")
        }
    }

    static func setting(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM setting WHERE key = ?"), arguments: [key])
    }

    static func contact(_ row: Row) throws -> ContactLogEntry {
        typealias C = ContactLogEntry.Columns
        return ContactLogEntry(id: row[C.id], customerID: row[C.customerID], invoiceID: row[C.invoiceID],
                               date: try RowMapping.date(row, C.date, "contact_log"), who: row[C.who],
                               channel: try RowMapping.code(row, C.channel, "contact_log"), note: row[C.note],
                               promisedDate: try RowMapping.optionalDate(row, C.promisedDate, "contact_log"),
                               promisedAmount: row[C.promisedAmount])
    }

    static func snooze(_ row: Row) throws -> ReminderSnooze {
        typealias C = ReminderSnooze.Columns
        return ReminderSnooze(id: row[C.id], customerID: row[C.customerID], invoiceID: row[C.invoiceID],
                              date: try RowMapping.date(row, C.date, "reminder_snooze"),
                              until: try RowMapping.date(row, C.until, "reminder_snooze"), reason: row[C.reason])
    }

    static func document(_ row: Row) throws -> ReceivableDocument {
        typealias C = ReceivableDocument.Columns
        return ReceivableDocument(id: row[C.id], kind: try RowMapping.code(row, C.kind, "document"),
                                  number: row[C.displayNumber] ?? "", customerID: row[C.customerID],
                                  date: try RowMapping.date(row, C.date, "document"),
                                  dueDate: try RowMapping.date(row, C.dueDate, "document"),
                                  currency: try RowMapping.currency(row, "document"), total: row[C.total],
                                  appliesToID: row[C.appliesToID], isDisputed: row[C.disputed],
                                  salesperson: row[C.salesperson] ?? "", region: row[C.region],
                                  externalReference: row[C.externalRef])
    }
}
