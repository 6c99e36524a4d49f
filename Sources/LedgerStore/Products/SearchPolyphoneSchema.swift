import GRDB
import LedgerCore

/// Migration of s32-fixc: names holding a character given more readings in s32-fixc (`Polyphones.addedS32`:
/// 都 du as in 成都, and some county names) get their search keys recomputed, so `chengdu` finds 成都 in an existing
/// ledger. Only names holding one of those characters are read; a key is written only when it differs, and the
/// customer and product update triggers refresh the words, grams and FTS5 tables as for any edit.
enum SearchPolyphoneSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s32-search-polyphones") { db in
            try refresh(db)
        }
    }

    /// Recomputes the keys of the customers and products whose name holds one of `characters`; returns how many
    /// changed. - Throws: the database's error.
    @discardableResult
    static func refresh(_ db: Database, characters: [Character] = Polyphones.addedS32) throws -> Int {
        guard !characters.isEmpty else { return 0 }
        let holds = characters.map { _ in "instr(name, ?) > 0" }.joined(separator: " OR ")
        let arguments = StatementArguments(characters.map { String($0) })
        return try SearchKeyRefresh.rekey(db, where: holds, arguments: arguments)
    }
}
