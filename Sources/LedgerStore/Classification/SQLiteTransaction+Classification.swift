import GRDB
import LedgerCore

/// Where a built-in column dimension keeps its value: (table, column), or nil for the assignment table.
enum ClassColumns {
    static func column(entity: ClassEntity, dimension: String) -> (table: String, column: String)? {
        switch (entity, BuiltInDimension(rawValue: dimension)) {
        case (.customer, .customerClass?): return ("customer", "customer_class")
        case (.customer, .region?): return ("customer", "region")
        case (.customer, .channel?): return ("customer", "channel")
        case (.product, .category?): return ("product", "category")
        default: return nil
        }
    }
}

extension SQLiteTransaction {
    func classDimension(code: String) throws -> ClassDimension? {
        try Row.fetchOne(db, sql: "SELECT rowid AS id, * FROM class_dimension WHERE code = ?",
                         arguments: [code]).map(ClassRows.dimension)
    }

    func insert(_ d: ClassDimension) throws {
        try db.execute(sql: "INSERT INTO class_dimension (code, name_en, name_zh, entity, built_in) VALUES (?,?,?,?,?)",
                       arguments: [d.code, d.nameEN, d.nameZH, d.entity.rawValue, d.isBuiltIn])
    }

    func classNode(dimension: String, code: String) throws -> ClassNode? {
        try Row.fetchOne(db, sql: "SELECT * FROM class_node WHERE dimension = ? AND code = ?",
                         arguments: [dimension, code])
            .map(ClassRows.node)
    }

    func classNode(dimension: String, named name: String) throws -> ClassNode? {
        try Row.fetchOne(db, sql: """
            SELECT * FROM class_node WHERE dimension = ? AND (name_zh = ? OR lower(name_en) = lower(?))
            ORDER BY code LIMIT 1
            """, arguments: [dimension, name, name])
            .map(ClassRows.node)
    }

    func classNodeSample(dimension: String, limit: Int) throws -> (nodes: [ClassNode], total: Int) {
        let nodes = try Row.fetchAll(db, sql: """
            SELECT * FROM class_node WHERE dimension = ? ORDER BY parent_code <> '', sort_order, code LIMIT ?
            """, arguments: [dimension, limit]).map(ClassRows.node)
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM class_node WHERE dimension = ?",
                                     arguments: [dimension]) ?? 0
        return (nodes, total)
    }

    func upsert(_ n: ClassNode) throws -> Int64 {
        let id = try Int64.fetchOne(db, sql: """
            INSERT INTO class_node (dimension, code, parent_code, name_en, name_zh, sort_order) VALUES (?,?,?,?,?,?)
            ON CONFLICT(dimension, code) DO UPDATE SET parent_code = excluded.parent_code, name_en = excluded.name_en,
              name_zh = excluded.name_zh, sort_order = excluded.sort_order
            RETURNING rowid
            """, arguments: [n.dimension, n.code, n.parentCode, n.nameEN, n.nameZH, n.sortOrder])
        guard let id else { throw LedgerError.storage("class_node upsert returned no row") }
        return id
    }

    func classCode(entity: ClassEntity, entityID: Int64, dimension: String) throws -> String {
        if let (table, column) = ClassColumns.column(entity: entity, dimension: dimension) {
            return try String.fetchOne(db, sql: "SELECT \(column) FROM \(table) WHERE id = ?",
                                       arguments: [entityID]) ?? ""
        }
        return try classAssignment(entity: entity, entityID: entityID, dimension: dimension)?.classCode ?? ""
    }

    func classAssignment(entity: ClassEntity, entityID: Int64, dimension: String) throws -> ClassAssignment? {
        try Row.fetchOne(db, sql: """
            SELECT rowid AS id, * FROM class_assignment WHERE entity = ? AND entity_id = ? AND dimension = ?
            """,
                         arguments: [entity.rawValue, entityID, dimension]).map(ClassRows.assignment)
    }

    func setClass(_ a: ClassAssignment) throws {
        try db.execute(sql: """
            INSERT INTO class_assignment (entity, entity_id, dimension, class_code, source, set_on) VALUES (?,?,?,?,?,?)
            ON CONFLICT(entity, entity_id, dimension) DO UPDATE SET class_code = excluded.class_code,
              source = excluded.source, set_on = excluded.set_on
            """, arguments: [a.entity.rawValue, a.entityID, a.dimension, a.classCode, a.source.description,
                             a.setOn.description])
        if let (table, column) = ClassColumns.column(entity: a.entity, dimension: a.dimension) {
            customersByCode.removeAll()
            productsBySKU.removeAll()
            try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE id = ?", arguments: [a.classCode, a.entityID])
        }
    }

    func append(_ e: ClassHistoryEntry) throws {
        try db.execute(sql: """
            INSERT INTO class_history (entity, entity_id, dimension, old_code, new_code, source, actor, changed_on,
              reason)
            VALUES (?,?,?,?,?,?,?,?,?)
            """, arguments: [e.entity.rawValue, e.entityID, e.dimension, e.oldCode, e.newCode, e.source.description,
                             e.actor, e.changedOn.description, e.reason])
    }

    func entityID(entity: ClassEntity, code: String) throws -> Int64? {
        switch entity {
        case .customer: return try customer(code: code)?.id
        case .product: return try product(sku: code)?.id
        case .invoice: return try invoice(number: code)?.id
        }
    }

    func classificationSetting(_ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
    }

    func setClassificationSetting(_ key: String, value: String) throws {
        try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
                            + "excluded.value",
                       arguments: [key, value])
    }
}

/// Row ↔ value mapping of the classification tables. `class_dimension` and `class_assignment` have no `id`
/// column: they are read with `rowid AS id` so an error names the row.
enum ClassRows {
    /// The columns of `class_dimension`, `class_node`, `class_assignment` and `class_history`.
    enum Columns: String, ColumnExpression {
        case id, code, nameEN = "name_en", nameZH = "name_zh", entity, builtIn = "built_in", dimension
        case parentCode = "parent_code", sortOrder = "sort_order", entityID = "entity_id", classCode = "class_code"
        case source, setOn = "set_on", oldCode = "old_code", newCode = "new_code", actor, changedOn = "changed_on"
        case reason, value
    }
    typealias C = Columns

    static func dimension(_ row: Row) throws -> ClassDimension {
        ClassDimension(code: row[C.code], nameEN: row[C.nameEN], nameZH: row[C.nameZH],
                       entity: try RowMapping.code(row, C.entity, "class_dimension"), isBuiltIn: row[C.builtIn])
    }

    static func node(_ row: Row) -> ClassNode {
        ClassNode(dimension: row[C.dimension], code: row[C.code], parentCode: row[C.parentCode], nameEN: row[C.nameEN],
                  nameZH: row[C.nameZH], sortOrder: row[C.sortOrder])
    }

    static func assignment(_ row: Row) throws -> ClassAssignment {
        ClassAssignment(entity: try RowMapping.code(row, C.entity, "class_assignment"), entityID: row[C.entityID],
                        dimension: row[C.dimension], classCode: row[C.classCode],
                        source: try source(row, "class_assignment"),
                        setOn: try RowMapping.date(row, C.setOn, "class_assignment"))
    }

    static func history(_ row: Row) throws -> ClassHistoryEntry {
        ClassHistoryEntry(entity: try RowMapping.code(row, C.entity, "class_history"), entityID: row[C.entityID],
                          dimension: row[C.dimension], oldCode: row[C.oldCode], newCode: row[C.newCode],
                          source: try source(row, "class_history"), actor: row[C.actor],
                          changedOn: try RowMapping.date(row, C.changedOn, "class_history"), reason: row[C.reason])
    }

    /// `manual` or `rule:<name>`; anything else is an error (it used to be read as manual).
    static func source(_ row: Row, _ table: String) throws(LedgerError) -> ClassSource {
        let text: String? = row[C.source]
        guard let text, text == "manual" || (text.hasPrefix("rule:") && text.count > 5) else {
            throw RowMapping.invalid(table, row, C.source.name, "unknown value '\(text ?? "NULL")'")
        }
        return ClassSource(stored: text)
    }
}
