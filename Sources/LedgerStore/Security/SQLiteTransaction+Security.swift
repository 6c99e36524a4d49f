import GRDB
import LedgerCore

extension SQLiteTransaction {
    func raiseNumberCounter(series: String, year: Int, atLeast: Int) throws -> Int {
        let before = try Int.fetchOne(db, sql: "SELECT last_number FROM number_series WHERE series = ? AND year = ?",
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
                NumberSeriesCounter(series: $0["series"], year: $0["year"], lastNumber: $0["last_number"])
            }
        }
    }
}
