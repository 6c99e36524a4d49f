import GRDB

/// Indexes on columns that are almost always NULL hold only their non-NULL rows (issue 10, ledger size; s14-bulk).
/// `document.applies_to_id` is set on credit notes only (20,135 of 1,020,135 documents in the 1M bench ledger) and
/// `allocation.reverses_id` on reversals only (none there): their full indexes took 10.5 MB and 9.2 MB of that
/// ledger (~20 B per invoice) and a b-tree insert per document and allocation. Every reader looks them up by
/// equality (`applies_to_id = ?`, `reverses_id = ?`), which implies `IS NOT NULL`, so SQLite uses the partial
/// index for them (and for the foreign-key look-ups of a deleted draft or allocation) as it used the full one.
enum SparseIndexSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s14-sparse-indexes") { db in
            try db.execute(sql: """
                DROP INDEX IF EXISTS document_applies_to;
                CREATE INDEX document_applies_to ON document(applies_to_id) WHERE applies_to_id IS NOT NULL;
                DROP INDEX IF EXISTS allocation_reverses;
                CREATE INDEX allocation_reverses ON allocation(reverses_id) WHERE reverses_id IS NOT NULL;
                """)
        }
        // s15-gen: a document's external reference and a receipt's reference are set by imports only ('' for every
        // document and receipt a sample generation or the forms write): their indexes hold only the set ones. The two
        // readers (`documentsExisting(externalReferences:)`, `receiptExists(reference:)`) say `<> ''` so the partial
        // index serves them.
        migrator.registerMigration("s15-sparse-references") { db in
            try db.execute(sql: """
                DROP INDEX IF EXISTS document_external_ref;
                CREATE INDEX document_external_ref ON document(external_ref) WHERE external_ref <> '';
                DROP INDEX IF EXISTS receipt_reference;
                CREATE INDEX receipt_reference ON receipt(reference) WHERE reference <> '';
                """)
        }
    }
}
