import GRDB
import LedgerCore

/// SQL for classes: the expression giving a record's class in a dimension, and WHERE clauses of `ClassFilter`s.
/// Table aliases: `c` customer, `p` product, `d` document, `l` document line (line-level queries only).
/// Codes are inlined as quoted SQL literals (`'` doubled), so clauses carry no positional arguments.
struct ClassFilterSQL {
    /// What the query lists.
    enum Target { case customer, product, document }

    let db: Database
    let basis: ClassBasis
    private var dimensions: [String: ClassDimension] = [:]

    init(db: Database, basis: ClassBasis) throws {
        self.db = db
        self.basis = basis
        for row in try Row.fetchAll(db, sql: "SELECT rowid AS id, * FROM class_dimension") {
            let d = try ClassRows.dimension(row)
            dimensions[d.code] = d
        }
    }

    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    func dimension(_ code: String) throws -> ClassDimension {
        guard let d = dimensions[code] else {
            throw LedgerError.validation([FieldIssue("dimension", "unknown dimension '\(code)'")])
        }
        return d
    }

    /// The SQL value of a record's class in `dimension`, seen from `target`; `productAlias` names the product of a
    /// line.
    /// Returns nil when the dimension's records are not reachable from the target (e.g. a product dimension on
    /// customers).
    func valueExpression(_ code: String, target: Target, productAlias: String = "p") throws -> String? {
        let d = try dimension(code)
        func assigned(_ entity: ClassEntity, _ idExpr: String) -> String {
            "COALESCE((SELECT ca.class_code FROM class_assignment ca WHERE ca.entity = '\(entity.rawValue)' AND "
            + "ca.entity_id = \(idExpr) AND ca.dimension = \(Self.literal(code))), '')"
        }
        switch (d.entity, target) {
        case (.customer, .customer), (.customer, .document):
            if target == .document, basis == .atPosting, let builtIn = BuiltInDimension(rawValue: code),
            builtIn.isCopiedAtPosting {
                return "d.\(builtIn.rawValue)"
            }
            if let (_, column) = ClassColumns.column(entity: .customer, dimension: code) { return "c.\(column)" }
            return assigned(.customer, "c.id")
        case (.product, .product), (.product, .document):
            if let (_, column) = ClassColumns.column(entity: .product, dimension: code) {
                return "COALESCE(\(productAlias).\(column), '')"
            }
            return assigned(.product, "\(productAlias).id")
        case (.invoice, .document):
            return assigned(.invoice, "d.id")
        default:
            return nil
        }
    }

    /// Codes of `codes` and, when asked, all their descendants in the dimension's class tree.
    func expand(_ condition: ClassCondition) throws -> [String] {
        guard condition.includeDescendants else { return condition.codes }
        return Self.descendants(of: condition.codes, children: try children(condition.dimension))
    }

    /// Every code of the sub-trees of `classes` (each class and its descendants) → that class, as UTF-8 bytes
    /// (SQLite compares text byte by byte); a code under several of them goes to the first, as a CASE of their
    /// clauses chooses. The tree is read once.
    func classOf(_ classes: [String], dimension: String) throws -> [[UInt8]: String] {
        let children = try children(dimension)
        var classOf: [[UInt8]: String] = [:]
        for code in classes {
            for member in Self.descendants(of: [code], children: children) {
                let key = Array(member.utf8)
                if classOf[key] == nil { classOf[key] = code }
            }
        }
        return classOf
    }

    private func children(_ dimension: String) throws -> [String: [String]] {
        var children: [String: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT code, parent_code FROM class_node WHERE dimension = ?",
                                    arguments: [dimension]) {
            children[row[ClassRows.C.parentCode], default: []].append(row[ClassRows.C.code])
        }
        return children
    }

    private static func descendants(of codes: [String], children: [String: [String]]) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        var stack = codes
        while let code = stack.popLast() {
            guard seen.insert(code).inserted else { continue }
            out.append(code)
            stack += children[code] ?? []
        }
        return out
    }

    /// `expr IN ('a','b')`.
    static func inList(_ expr: String, _ codes: [String]) -> String {
        codes.isEmpty ? "0" : "\(expr) IN (\(codes.map(literal).joined(separator: ",")))"
    }

    /// WHERE clause (AND of conditions) for `target`. Product dimensions on documents test any line's product.
    /// - Throws: `LedgerError.validation` for an unknown dimension or one that cannot filter the target.
    func clause(_ filter: ClassFilter, target: Target) throws -> String {
        var parts: [String] = []
        for condition in filter.conditions {
            let codes = try expand(condition)
            let d = try dimension(condition.dimension)
            if target == .document, d.entity == .product {
                guard let expr = try valueExpression(condition.dimension, target: .document,
                                                     productAlias: "p2") else { continue }
                parts.append("EXISTS (SELECT 1 FROM document_line l2 JOIN product p2 ON p2.id = l2.product_id WHERE "
                             + "l2.document_id = d.id AND \(Self.inList(expr, codes)))")
                continue
            }
            guard let expr = try valueExpression(condition.dimension, target: target) else {
                throw LedgerError.validation([FieldIssue("dimension",
                                                         "'\(condition.dimension)' classifies \(d.entity.rawValue)s "
                                                         + "and cannot filter this list")])
            }
            parts.append(Self.inList(expr, codes))
        }
        return parts.isEmpty ? "1" : parts.joined(separator: " AND ")
    }
}
