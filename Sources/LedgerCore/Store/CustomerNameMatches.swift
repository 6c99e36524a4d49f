/// The customers named exactly one name, as an import's look-up sees them: how many, and the codes of the first
/// two by code (`customer(named:)` gives the first). More than one: the name alone does not say which customer.
public struct CustomerNameMatches: Sendable, Equatable {
    /// Customers with the name (≥ 1 in a look-up's answer).
    public var count: Int
    /// The first two codes by code (one when `count` is 1).
    public var codes: [String]

    public init(count: Int, codes: [String]) {
        self.count = count
        self.codes = codes
    }

    /// The one customer's code, nil when the name matches more than one.
    public var single: String? { count == 1 ? codes.first : nil }
}
