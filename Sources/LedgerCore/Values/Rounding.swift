/// How a quotient is rounded to a whole number of minor units.
///
/// The ledger's default is `halfUp` (round half away from zero, 四舍五入), as Chinese invoicing practice and
/// `shared/cases/B13.md` expect; `halfEven` (banker's rounding) can be configured.
public enum RoundingRule: String, Sendable, Codable, CaseIterable {
    /// Round half away from zero: 1.035 → 1.04, −1.035 → −1.04.
    case halfUp
    /// Round half to even: 1.025 → 1.02, 1.035 → 1.04.
    case halfEven

    /// `numerator / denominator` rounded by this rule. `denominator` must be positive.
    public func divide(_ numerator: Int128, by denominator: Int128) -> Int128 {
        precondition(denominator > 0, "rounding denominator must be positive")
        let magnitude = numerator.magnitude
        let d = denominator.magnitude
        var q = magnitude / d
        let r = magnitude % d
        let twice = r * 2
        switch self {
        case .halfUp:
            if twice >= d { q += 1 }
        case .halfEven:
            if twice > d || (twice == d && q % 2 == 1) { q += 1 }
        }
        let result = Int128(q)
        return numerator < 0 ? -result : result
    }
}
