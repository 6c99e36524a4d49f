import GRDB
import LedgerCore

/// Migration of s32-fix: the search keys of names holding a ü get the `v` reading input methods type
/// (`绿洲` → `luzhou|lvzhou`, see `SearchKeys`). Only names whose stored pinyin holds `lu` or `nu` (a Chinese ü
/// follows l or n) or that hold a Latin ü (composed, either case, or u + U+0308) can change; they are recomputed
/// and written when the key differs, so the search tables follow through the customer update triggers.
enum SearchVReadingSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s32-search-v-reading") { db in
            try refresh(db)
        }
    }

    /// Recomputes the keys of the customers and products that may hold a ü; returns how many changed.
    /// - Throws: the database's error.
    @discardableResult
    static func refresh(_ db: Database) throws -> Int {
        try SearchKeyRefresh.rekey(db, where: """
            instr(pinyin, 'lu') > 0 OR instr(pinyin, 'nu') > 0 OR instr(name, 'ü') > 0
               OR instr(name, 'Ü') > 0 OR instr(name, char(776)) > 0
            """)
    }
}
