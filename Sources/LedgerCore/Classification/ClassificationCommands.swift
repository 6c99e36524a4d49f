/// One class of a class file (CSV `dimension,code,parent,name_en,name_zh`), with its line number for errors.
public struct ClassImportRow: Hashable, Sendable, Codable {
    /// 1-based line of the file (the header is line 1).
    public var line: Int
    public var dimension: String
    public var code: String
    public var parentCode: String
    public var nameEN: String
    public var nameZH: String
    /// File name when rows come from several files (prefixes `line N` in errors); "" for one file.
    public var file: String
    public init(line: Int, dimension: String, code: String, parentCode: String = "", nameEN: String,
                nameZH: String = "", file: String = "") {
        self.line = line
        self.file = file
        self.dimension = dimension
        self.code = code
        self.parentCode = parentCode
        self.nameEN = nameEN
        self.nameZH = nameZH
    }

    /// `line 7` or `cities.csv line 7`, as error paths name it.
    public var location: String { file.isEmpty ? "line \(line)" : "\(file) line \(line)" }
}

/// Adds a user-defined dimension (e.g. `industry` 行业). Outcome: the stored dimension.
/// - Throws: `LedgerError.validation` (code not lower-case `[a-z0-9_]`, ≤ 32; already used; no name).
public struct DefineDimension: LedgerCommand {
    public static let name = "class.dimension.define"
    public var dimension: ClassDimension
    public init(code: String, nameEN: String, nameZH: String, entity: ClassEntity) {
        dimension = ClassDimension(code: code, nameEN: nameEN, nameZH: nameZH, entity: entity, isBuiltIn: false)
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> ClassDimension {
        var issues = IssueCollector()
        let code = dimension.code
        issues.check(!code.isEmpty && code.count <= 32
                         && code.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" },
                     "code", "'\(code)' must be 1–32 characters a–z, 0–9 or _")
        issues.check(!dimension.nameEN.trimmingSpaces().isEmpty || !dimension.nameZH.trimmingSpaces().isEmpty, "name",
                     "is required (English or Chinese)")
        if try tx.classDimension(code: code) != nil { issues.add("code", "dimension '\(code)' already exists") }
        try issues.throwIfAny()
        try tx.insert(dimension)
        context.recordChange(entity: "class_dimension", id: 0, before: ClassDimension?.none, after: dimension)
        return dimension
    }
}

/// Imports classes (a classification standard such as China's regions) all or nothing: a class whose code
/// exists is updated (parent, names, order), others are added. Outcome: how many were added, changed and already
/// as the file says; a run that changed none writes no audit entry (s33-fix: a re-run wrote an empty one).
///
/// - Throws: `LedgerError.validation` with one issue per bad line, path `line N, column C`: unknown dimension,
///   empty or spaced code, code repeated in the file, no name, parent neither in the file nor stored, a parent
///   cycle. Nothing is written when any line is bad.
public struct ImportClasses: LedgerCommand {
    public static let name = "class.import"
    public static var auditsRunWithoutChanges: Bool { false }
    public var rows: [ClassImportRow]
    /// File name or data set, for the audit log.
    public var source: String
    public init(rows: [ClassImportRow], source: String) {
        self.rows = rows
        self.source = source
    }

    /// What an import of classes did, by class.
    public struct Outcome: Sendable, Equatable, Codable {
        public var added = 0
        public var changed = 0
        public var unchanged = 0
        /// The classes of the file (added + changed + unchanged).
        public var total: Int { added + changed + unchanged }
        public init(added: Int = 0, changed: Int = 0, unchanged: Int = 0) {
            self.added = added
            self.changed = changed
            self.unchanged = unchanged
        }
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Outcome {
        var issues = IssueCollector()
        var known: [String: Bool] = [:]
        var inFile: [String: ClassImportRow] = [:]
        for row in rows {
            let at = row.location
            if row.dimension.isEmpty { issues.add("\(at), column dimension", "is required"); continue }
            if known[row.dimension] == nil { known[row.dimension] = try tx.classDimension(code: row.dimension) != nil }
            if known[row.dimension] != true {
                issues.add("\(at), column dimension", "unknown dimension '\(row.dimension)' (define it first)")
                continue
            }
            if row.code.isEmpty || row.code.count > 64 || row.code.contains(where: { $0.isWhitespace }) {
                issues.add("\(at), column code", "'\(row.code)' must be 1–64 characters without spaces")
                continue
            }
            if row.nameEN.trimmingSpaces().isEmpty && row.nameZH.trimmingSpaces().isEmpty {
                issues.add("\(at), column name_en", "a name (name_en or name_zh) is required")
            }
            let key = row.dimension + "\u{1}" + row.code
            if let first = inFile[key] {
                issues.add("\(at), column code", "class '\(row.code)' is already on \(first.location)")
                continue
            }
            inFile[key] = row
        }
        for row in rows where !row.parentCode.isEmpty && known[row.dimension] == true {
            let at = "\(row.location), column parent"
            if row.parentCode == row.code { issues.add(at, "class '\(row.code)' cannot be its own parent"); continue }
            if inFile[row.dimension + "\u{1}" + row.parentCode] == nil,
               try tx.classNode(dimension: row.dimension, code: row.parentCode) == nil {
                issues.add(at, "parent '\(row.parentCode)' is neither in the file nor a class of '\(row.dimension)'")
                continue
            }
            var seen: Set<String> = [row.code]
            var parent = row.parentCode
            while let next = inFile[row.dimension + "\u{1}" + parent] {
                if seen.contains(parent) {
                    issues.add(at, "parent chain of '\(row.code)' loops back to '\(parent)'"); break
                }
                seen.insert(parent)
                parent = next.parentCode
                if parent.isEmpty { break }
            }
        }
        if rows.isEmpty { issues.add("file", "has no classes") }
        try issues.throwIfAny()
        var outcome = Outcome()
        for (order, row) in rows.enumerated() {
            let node = ClassNode(dimension: row.dimension, code: row.code, parentCode: row.parentCode,
                                 nameEN: row.nameEN.trimmingSpaces(), nameZH: row.nameZH.trimmingSpaces(),
                                 sortOrder: order)
            let before = try tx.classNode(dimension: row.dimension, code: row.code)
            // The class's row id: one per class (the file's line number repeated across the files of one import,
            // so the log listed `+class_node#2` once per file, s32-fix).
            guard before != node else {
                outcome.unchanged += 1
                continue
            }
            let id = try tx.upsert(node)
            context.recordChange(entity: "class_node", id: id, before: before, after: node)
            if before == nil { outcome.added += 1 } else { outcome.changed += 1 }
        }
        return outcome
    }
}

/// What a reclassification changed. Codes are "" for no class.
public struct ClassChange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var entity: ClassEntity
    public var entityID: Int64
    public var dimension: String
    public var oldCode: String
    public var newCode: String
    public var description: String { "\(entity.rawValue) #\(entityID) \(dimension): '\(oldCode)' → '\(newCode)'" }
}

/// Reclassifies one record by hand (重新分类): sets (or, with `classCode` "", clears) its class in a dimension.
/// The class is then manual: rules leave it alone unless run with `overwriteManual`. Audited, with a history entry.
///
/// `recordCode` is the customer code, product SKU or document number. Documents take only dimensions of
/// entity `invoice` (their region and channel at posting are history and never rewritten).
/// - Throws: `LedgerError.validation` (unknown record, dimension or class; dimension of another entity).
public struct SetClass: LedgerCommand {
    public static let name = "class.set"
    public var entity: ClassEntity
    public var recordCode: String
    public var dimension: String
    public var classCode: String
    public var reason: String
    public init(entity: ClassEntity, recordCode: String, dimension: String, classCode: String, reason: String = "") {
        self.entity = entity
        self.recordCode = recordCode
        self.dimension = dimension
        self.classCode = classCode
        self.reason = reason
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> ClassChange {
        var issues = IssueCollector()
        let id = try tx.entityID(entity: entity, code: recordCode)
        if id == nil { issues.add(entity.rawValue, "no \(entity.rawValue) '\(recordCode)'") }
        let dim = try tx.classDimension(code: dimension)
        if let dim {
            issues.check(dim.entity == entity, "dimension",
                         "'\(dimension)' classifies \(dim.entity.rawValue)s, not \(entity.rawValue)s")
        } else {
            issues.add("dimension", "unknown dimension '\(dimension)'")
        }
        if !classCode.isEmpty, dim != nil, try tx.classNode(dimension: dimension, code: classCode) == nil {
            issues.add("class", "'\(classCode)' is not a class of '\(dimension)' (import or add it first)")
        }
        try issues.throwIfAny()
        guard let id else { throw LedgerError.notFound(recordCode) }
        return try ClassWriter.write(entity: entity, entityID: id, dimension: dimension, code: classCode,
                                     source: .manual, reason: reason, in: tx, context: context)
    }
}

/// Shared write of a class: assignment (and column), history entry, audit change.
enum ClassWriter {
    static func write(entity: ClassEntity, entityID: Int64, dimension: String, code: String, source: ClassSource,
                      reason: String, in tx: any LedgerTransaction, context: CommandContext) throws -> ClassChange {
        let old = try tx.classCode(entity: entity, entityID: entityID, dimension: dimension)
        let change = ClassChange(entity: entity, entityID: entityID, dimension: dimension, oldCode: old, newCode: code)
        try tx.setClass(ClassAssignment(entity: entity, entityID: entityID, dimension: dimension, classCode: code,
                                        source: source, setOn: context.today))
        try tx.append(ClassHistoryEntry(entity: entity, entityID: entityID, dimension: dimension, oldCode: old,
                                        newCode: code,
                                        source: source, actor: context.actor, changedOn: context.today, reason: reason))
        context.recordChange(entity: "\(entity.rawValue).class.\(dimension)", id: entityID, before: old, after: code)
        return change
    }
}
