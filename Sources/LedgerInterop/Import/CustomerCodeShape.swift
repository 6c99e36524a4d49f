import LedgerCore

/// The shape of a customer code as people type them: ASCII letters, at most one `-` or `_`, then digits
/// (`KH001`, `C-12`, `IMP-0001`). Two codes have the same shape when their letters, separator and number of digits
/// are equal (`KH999` is shaped like `KH001`, `KH9999` and `K001` are not). The sales import uses it to tell a
/// mistyped code from a new customer's name (s35-fix, DECISIONS.md).
struct CustomerCodeShape: Hashable, Sendable {
    /// The letters and separator before the digits (`KH`, `IMP-`).
    var prefix: String
    /// How many digits follow (≥ 1).
    var digits: Int

    /// The shape of `text`, or nil when it is not letters (1–8), an optional separator and digits (1–12).
    init?(_ text: String) {
        var letters = 0, separator = "", digits = 0
        for scalar in text.unicodeScalars {
            let isLetter = ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
            let isDigit = ("0"..."9").contains(scalar)
            if isLetter, separator.isEmpty, digits == 0 {
                letters += 1
            } else if (scalar == "-" || scalar == "_"), letters > 0, separator.isEmpty, digits == 0 {
                separator = String(scalar)
            } else if isDigit, letters > 0 {
                digits += 1
            } else {
                return nil
            }
        }
        guard (1...8).contains(letters), (1...12).contains(digits) else { return nil }
        prefix = String(text.prefix(letters)) + separator
        self.digits = digits
    }

    /// The SQLite GLOB pattern of the codes of this shape (`KH[0-9][0-9][0-9]`); the prefix holds no GLOB character.
    var glob: String { prefix + String(repeating: "[0-9]", count: digits) }
}
