import GRDB
import LedgerCore

/// Migrations of the classification module (registered after the receivables engine's).
///
/// `class_dimension` and `class_node` hold dimensions and their class trees; `class_assignment` the current class of a
/// record in a dimension and who set it (for built-in column dimensions the record's column is the value, the row
/// says whether a rule or a user set it); `class_history` every reclassification, per record.
enum ClassificationSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-classification") { db in
            try db.execute(sql: """
            CREATE TABLE class_dimension (
                code TEXT PRIMARY KEY,
                name_en TEXT NOT NULL DEFAULT '',
                name_zh TEXT NOT NULL DEFAULT '',
                entity TEXT NOT NULL CHECK (entity IN ('customer', 'product', 'invoice')),
                built_in INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE class_node (
                dimension TEXT NOT NULL REFERENCES class_dimension(code),
                code TEXT NOT NULL,
                parent_code TEXT NOT NULL DEFAULT '',
                name_en TEXT NOT NULL DEFAULT '',
                name_zh TEXT NOT NULL DEFAULT '',
                sort_order INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (dimension, code)
            );
            CREATE INDEX class_node_parent ON class_node(dimension, parent_code);
            CREATE TABLE class_assignment (
                entity TEXT NOT NULL,
                entity_id INTEGER NOT NULL,
                dimension TEXT NOT NULL REFERENCES class_dimension(code),
                class_code TEXT NOT NULL,
                source TEXT NOT NULL,
                set_on TEXT NOT NULL,
                PRIMARY KEY (entity, entity_id, dimension)
            );
            CREATE INDEX class_assignment_class ON class_assignment(dimension, class_code);
            CREATE TABLE class_history (
                id INTEGER PRIMARY KEY,
                entity TEXT NOT NULL,
                entity_id INTEGER NOT NULL,
                dimension TEXT NOT NULL,
                old_code TEXT NOT NULL,
                new_code TEXT NOT NULL,
                source TEXT NOT NULL,
                actor TEXT NOT NULL,
                changed_on TEXT NOT NULL,
                reason TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX class_history_record ON class_history(entity, entity_id, id);
            CREATE TRIGGER class_history_no_update BEFORE UPDATE ON class_history
                BEGIN SELECT RAISE(ABORT, 'class history is append-only'); END;
            CREATE TRIGGER class_history_no_delete BEFORE DELETE ON class_history
                BEGIN SELECT RAISE(ABORT, 'class history is append-only'); END;
            """)
            for builtIn in BuiltInDimension.allCases {
                let d = builtIn.dimension
                try db.execute(sql: "INSERT INTO class_dimension (code, name_en, name_zh, entity, built_in) VALUES "
                                    + "(?,?,?,?,1)",
                               arguments: [d.code, d.nameEN, d.nameZH, d.entity.rawValue])
            }
            for (order, node) in seedClasses.enumerated() {
                try db.execute(sql: "INSERT INTO class_node (dimension, code, parent_code, name_en, name_zh, "
                                    + "sort_order) VALUES (?,?,?,?,?,?)",
                               arguments: [node.dimension, node.code, node.parentCode, node.nameEN, node.nameZH, order])
            }
        }
    }

    /// Classes the rules write: ABC (customers and products), payment risk, RFM segments.
    static var seedClasses: [ClassNode] {
        var nodes: [ClassNode] = []
        for dim in [BuiltInDimension.customerClass, .productABC] {
            nodes += [ClassNode(dimension: dim.rawValue, code: "A", nameEN: "A", nameZH: "A 类"),
                      ClassNode(dimension: dim.rawValue, code: "B", nameEN: "B", nameZH: "B 类"),
                      ClassNode(dimension: dim.rawValue, code: "C", nameEN: "C", nameZH: "C 类")]
        }
        let risk = BuiltInDimension.paymentRisk.rawValue
        nodes += [ClassNode(dimension: risk, code: "low", nameEN: "Low risk", nameZH: "低风险"),
                  ClassNode(dimension: risk, code: "medium", nameEN: "Medium risk", nameZH: "中风险"),
                  ClassNode(dimension: risk, code: "high", nameEN: "High risk", nameZH: "高风险")]
        let rfm = BuiltInDimension.rfmSegment.rawValue
        for (code, en, zh) in [("champions", "Champions", "冠军客户"), ("loyal", "Loyal", "忠诚客户"),
                               ("promising", "Promising", "潜力客户"),
                               ("needs_attention", "Needs attention", "需关注客户"),
                               ("at_risk", "At risk", "流失风险客户"),
                               ("hibernating", "Hibernating", "沉睡客户"), ("lost", "Lost", "流失客户")] {
            nodes.append(ClassNode(dimension: rfm, code: code, nameEN: en, nameZH: zh))
        }
        return nodes
    }
}
