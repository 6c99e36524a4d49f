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
        try Row.fetchOne(db, sql: "SELECT * FROM class_dimension WHERE code = ?", arguments: [code]).map(ClassRows.dimension)
    }

    func insert(_ d: ClassDimension) throws {
        try db.execute(sql: "INSERT INTO class_dimension (code, name_en, name_zh, entity, built_in) VALUES (?,?,?,?,?)",
                       arguments: [d.code, d.nameEN, d.nameZH, d.entity.rawValue, d.isBuiltIn])
    }

    func classNode(dimension: String, code: String) throws -> ClassNode? {
        try Row.fetchOne(db, sql: "SELECT * FROM class_node WHERE dimension = ? AND code = ?", arguments: [dimension, code])
            .map(ClassRows.node)
    }

    func upsert(_ n: ClassNode) throws {
        try db.execute(sql: """
            INSERT INTO class_node (dimension, code, parent_code, name_en, name_zh, sort_order) VALUES (?,?,?,?,?,?)
            ON CONFLICT(dimension, code) DO UPDATE SET parent_code = excluded.parent_code, name_en = excluded.name_en,
              name_zh = excluded.name_zh, sort_order = excluded.sort_order
            """, arguments: [n.dimension, n.code, n.parentCode, n.nameEN, n.nameZH, n.sortOrder])
    }

    func classCode(entity: ClassEntity, entityID: Int64, dimension: String) throws -> String {
        if let (table, column) = ClassColumns.column(entity: entity, dimension: dimension) {
            return try String.fetchOne(db, sql: "SELECT \(column) FROM \(table) WHERE id = ?", arguments: [entityID]) ?? ""
        }
        return try classAssignment(entity: entity, entityID: entityID, dimension: dimension)?.classCode ?? ""
    }

    func classAssignment(entity: ClassEntity, entityID: Int64, dimension: String) throws -> ClassAssignment? {
        try Row.fetchOne(db, sql: "SELECT * FROM class_assignment WHERE entity = ? AND entity_id = ? AND dimension = ?",
                         arguments: [entity.rawValue, entityID, dimension]).map(ClassRows.assignment)
    }

    func setClass(_ a: ClassAssignment) throws {
        try db.execute(sql: """
            INSERT INTO class_assignment (entity, entity_id, dimension, class_code, source, set_on) VALUES (?,?,?,?,?,?)
            ON CONFLICT(entity, entity_id, dimension) DO UPDATE SET class_code = excluded.class_code,
              source = excluded.source, set_on = excluded.set_on
            """, arguments: [a.entity.rawValue, a.entityID, a.dimension, a.classCode, a.source.description, a.setOn.description])
        if let (table, column) = ClassColumns.column(entity: a.entity, dimension: a.dimension) {
            customersByCode.removeAll()
            productsBySKU.removeAll()
            try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE id = ?", arguments: [a.classCode, a.entityID])
        }
    }

    func append(_ e: ClassHistoryEntry) throws {
        try db.execute(sql: """
            INSERT INTO class_history (entity, entity_id, dimension, old_code, new_code, source, actor, changed_on, reason)
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
        try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [key, value])
    }
}

/// Row ↔ value mapping of the classification tables.
enum ClassRows {
    static func dimension(_ row: Row) -> ClassDimension {
        ClassDimension(code: row["code"], nameEN: row["name_en"], nameZH: row["name_zh"],
                       entity: ClassEntity(rawValue: row["entity"]) ?? .customer, isBuiltIn: row["built_in"])
    }

    static func node(_ row: Row) -> ClassNode {
        ClassNode(dimension: row["dimension"], code: row["code"], parentCode: row["parent_code"], nameEN: row["name_en"],
                  nameZH: row["name_zh"], sortOrder: row["sort_order"])
    }

    static func assignment(_ row: Row) throws -> ClassAssignment {
        ClassAssignment(entity: ClassEntity(rawValue: row["entity"]) ?? .customer, entityID: row["entity_id"],
                        dimension: row["dimension"], classCode: row["class_code"], source: ClassSource(stored: row["source"]),
                        setOn: try RowMapping.date(row, "set_on", "class_assignment"))
    }

    static func history(_ row: Row) throws -> ClassHistoryEntry {
        ClassHistoryEntry(entity: ClassEntity(rawValue: row["entity"]) ?? .customer, entityID: row["entity_id"],
                          dimension: row["dimension"], oldCode: row["old_code"], newCode: row["new_code"],
                          source: ClassSource(stored: row["source"]), actor: row["actor"],
                          changedOn: try RowMapping.date(row, "changed_on", "class_history"), reason: row["reason"])
    }
}
