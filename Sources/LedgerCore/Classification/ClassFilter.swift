/// Which class of a document counts: the one copied at posting (`document.region` / `document.channel`)
/// or the customer's current one. Only region and channel are copied at posting; other dimensions are current.
public enum ClassBasis: String, Sendable, Codable, CaseIterable {
    case current
    case atPosting = "posting"
}

/// One condition of a classified filter: the record's class in `dimension` is one of `codes`
/// (or, with `includeDescendants`, one of their sub-classes at any depth).
public struct ClassCondition: Hashable, Sendable, Codable {
    public var dimension: String
    public var codes: [String]
    public var includeDescendants: Bool
    public init(dimension: String, codes: [String], includeDescendants: Bool = true) {
        self.dimension = dimension
        self.codes = codes
        self.includeDescendants = includeDescendants
    }
}

/// A filter over classes: every condition must hold (AND); inside a condition any code may match (OR).
/// `search` matches code, name, pinyin, initials (and phone / category) as the plain lists do.
public struct ClassFilter: Hashable, Sendable, Codable {
    public var conditions: [ClassCondition]
    public var basis: ClassBasis
    public var search: String?
    public init(conditions: [ClassCondition] = [], basis: ClassBasis = .current, search: String? = nil) {
        self.conditions = conditions
        self.basis = basis
        self.search = search
    }

    /// Parses `dimension=code1|code2` terms (e.g. `region=CN-33`), as the CLI's `--class` option takes them.
    /// - Throws: `LedgerError.validation` naming the bad term.
    public static func parse(terms: [String], basis: ClassBasis = .current,
                             search: String? = nil) throws(LedgerError) -> ClassFilter {
        var issues = IssueCollector()
        var conditions: [ClassCondition] = []
        for (i, term) in terms.enumerated() {
            let parts = term.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces() }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                issues.add("class[\(i + 1)]", "'\(term)' is not dimension=code (e.g. region=CN-33)")
                continue
            }
            conditions.append(ClassCondition(dimension: parts[0],
                                             codes: parts[1].split(separator: "|").map(String.init)))
        }
        try issues.throwIfAny()
        return ClassFilter(conditions: conditions, basis: basis, search: search)
    }
}
