/// A region typed for a customer or a salesperson (s34-fix: any text was taken, and the samples posted countries
/// that no class named): a class of the region dimension, by code or by its Chinese or English name (any case), kept
/// as the class code — as a sale's region already was (`PostInvoice.checkedRegion`). An unknown region is refused,
/// naming known ones. The sample loaders first add their countries as region classes (`RegionCheck.classes`).
public enum RegionCheck {
    /// Classes named in a refusal: few, so the refusal fits a status line at 80 columns (s35-fix: the salesperson
    /// form's was cut there).
    static let shown = 2

    /// The class code `typed` names ("" for empty), or nil with an issue at `path` when no class has it. `current` (the
    /// record's stored region) is accepted as it is, so a record saved before this rule keeps its region. A field that
    /// already has an issue (unsafe text) is not looked up: nil, one issue per field.
    /// - Throws: `LedgerError.storage` when the classes cannot be read.
    static func code(_ typed: String, current: String? = nil, path: String = "region", tx: any LedgerTransaction,
                     issues: inout IssueCollector) throws -> String? {
        if issues.issues.contains(where: { $0.path == path }) { return nil }
        let text = typed.trimmingSpaces()
        if text.isEmpty { return "" }
        if let current, text == current { return current }
        let dimension = BuiltInDimension.region.rawValue
        if let node = try tx.classNode(dimension: dimension, code: text) { return node.code }
        if let node = try tx.classNode(dimension: dimension, named: text) { return node.code }
        let (known, total) = try tx.classNodeSample(dimension: dimension, limit: shown)
        issues.add(path, unknownMessage(text, known: known, total: total))
        return nil
    }

    /// `unknown region 'X': known: CN 中国, CN-11 北京市 +340 more`, or that the dimension has no class yet.
    public static func unknownMessage(_ text: String, known: [ClassNode], total: Int) -> String {
        guard total > 0 else {
            return "unknown region '\(text)': the region dimension has no classes yet (class import FILE "
                + "--dimension region)"
        }
        let names = known.map { node in
            let name = node.nameZH.isEmpty ? node.nameEN : node.nameZH
            return name.isEmpty || name == node.code ? node.code : "\(node.code) \(name)"
        }
        let more = total > known.count ? " +\(total - known.count) more" : ""
        return "unknown region '\(text)': known: \(names.joined(separator: ", "))\(more)"
    }

    /// Rows that add each of `labels` (a sample's countries) no region class has as code or name yet, as a top-level
    /// class: the label as its code (blanks as `-`) and English name. Empty when every label is a class already.
    /// - Throws: `LedgerError.storage` when the classes cannot be read.
    public static func classes(for labels: [String], tx: any LedgerTransaction) throws -> [ClassImportRow] {
        let dimension = BuiltInDimension.region.rawValue
        var rows: [ClassImportRow] = []
        var seen = Set<String>()
        for label in labels.map({ $0.trimmingSpaces() }) where !label.isEmpty && seen.insert(label).inserted {
            if try tx.classNode(dimension: dimension, code: label) != nil
                || tx.classNode(dimension: dimension, named: label) != nil { continue }
            let code = String(label.map { $0.isWhitespace ? "-" : $0 })
            rows.append(ClassImportRow(line: rows.count + 2, dimension: dimension, code: code, nameEN: label))
        }
        return rows
    }
}

extension LedgerService.BatchRunner {
    /// Adds each of `labels` (a sample's countries) that no region class names yet as a top-level region class
    /// (`RegionCheck.classes`), through `ImportClasses` (audited); nothing when every label is a class already.
    /// - Throws: `LedgerError` as `ImportClasses`.
    public func addRegionClasses(for labels: [String], source: String) throws {
        let rows = try RegionCheck.classes(for: labels, tx: tx)
        if !rows.isEmpty { try run(ImportClasses(rows: rows, source: source)) }
    }

    /// Adds the region classes of `rows` whose code is not a region class yet (a generated sample's cities with
    /// their provinces), through `ImportClasses` (audited).
    /// - Throws: `LedgerError` as `ImportClasses`.
    public func addRegionClasses(_ rows: [ClassImportRow], source: String) throws {
        let dimension = BuiltInDimension.region.rawValue
        let missing = try rows.filter { try tx.classNode(dimension: dimension, code: $0.code) == nil }
        if !missing.isEmpty { try run(ImportClasses(rows: missing, source: source)) }
    }
}
