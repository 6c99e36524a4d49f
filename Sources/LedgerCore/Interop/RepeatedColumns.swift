/// Two columns of a file's header that give one field (`税率,vat_rate`, `phone,phone`, `名称,客户名称`): an import
/// would take one and drop the other without a word, so every import refuses the file before reading a row
/// (s32-fixb for `import sales`, s33-fix for the master-data imports and class files). The one check of them all.
public struct RepeatedColumns: Sendable, Equatable, CustomStringConvertible {
    /// The two columns, 0-based, `first < second`.
    public var first: Int
    public var second: Int
    /// Their headers as the file writes them (trimmed).
    public var firstName: String
    public var secondName: String
    /// What the field is called in the message (`tax rate`, `customer name`).
    public var field: String

    /// `columns 3 (税率) and 4 (vat_rate) both give the tax rate` (1-based columns, the file's own headers); the CLI
    /// words it in Chinese by this pattern.
    public var description: String {
        "columns \(first + 1) (\(firstName)) and \(second + 1) (\(secondName)) both give the \(field)"
    }

    /// The first two columns of `header` with the same field, or nil. `fields[i]` is column `i`'s field (nil: a
    /// column the import does not read, which may repeat); `words` names a field in the message.
    public static func find(_ header: [String], fields: [String?],
                            words: (String) -> String) -> RepeatedColumns? {
        var seen: [String: Int] = [:]
        for (i, found) in fields.enumerated() {
            guard let field = found else { continue }
            if let earlier = seen[field] {
                func name(_ j: Int) -> String { j < header.count ? header[j].trimmingSpaces() : "" }
                return RepeatedColumns(first: earlier, second: i, firstName: name(earlier), secondName: name(i),
                                       field: words(field))
            }
            seen[field] = i
        }
        return nil
    }
}
