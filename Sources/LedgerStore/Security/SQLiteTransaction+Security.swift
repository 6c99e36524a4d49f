import GRDB
import LedgerCore

extension SQLiteTransaction {
    func raiseNumberCounter(series: String, year: Int, atLeast: Int) throws -> Int {
        lastNumbers.removeAll()
        let before = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT last_number FROM number_series WHERE series = ? AND year = ?"),
            arguments: [series, year]) ?? 0
        if before < atLeast {
            try db.execute(sql: """
                INSERT INTO number_series (series, year, last_number) VALUES (?, ?, ?)
                ON CONFLICT(series, year) DO UPDATE SET last_number = excluded.last_number
                """, arguments: [series, year, atLeast])
        }
        return before
    }
}

extension SQLiteLedgerStore {
    /// Every number series counter (series, year, last number issued).
    public func numberSeriesCounters() throws -> [NumberSeriesCounter] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT series, year, last_number FROM number_series ORDER BY series, year").map {
                NumberSeriesCounter(series: $0[QueryColumns.series], year: $0[QueryColumns.year],
                                    lastNumber: $0[QueryColumns.lastNumber])
            }
        }
    }
}

extension SQLiteTransaction {
    func setPasswordHash(user: String, hash: String) throws {
        try db.execute(sql: "UPDATE app_user SET password_hash = ?, failed_logins = 0 WHERE name = ?",
                       arguments: [hash, user])
    }
}

/// What the store knows for a login: the user, its password hash ('' when none) and failed attempts so far.
public struct LoginRecord: Hashable, Sendable {
    public var user: LedgerUser
    public var passwordHash: String
    public var failedLogins: Int
}

extension SQLiteLedgerStore {
    /// True once any user has a password: from then on every command authenticates.
    public func passwordsInUse() throws -> Bool {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM app_user WHERE password_hash <> ''") ?? 0 > 0 }
    }

    /// The login record of `name`, or nil when there is no such user.
    public func loginRecord(name: String) throws -> LoginRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM app_user WHERE name = ?", arguments: [name]).map {
                LoginRecord(user: try SQLiteTransaction.user($0), passwordHash: $0[LedgerUser.Columns.passwordHash],
                            failedLogins: $0[LedgerUser.Columns.failedLogins])
            }
        }
    }

    /// Sets the failed-login counter of `name` (not a change of the user: no seal, no entry of its own).
    public func setFailedLogins(name: String, count: Int) throws {
        _ = try write { tx -> Int in
            try (tx as? SQLiteTransaction)?.db.execute(sql: "UPDATE app_user SET failed_logins = ? WHERE name = ?",
                                                       arguments: [count, name])
            return 0
        }
    }
}
