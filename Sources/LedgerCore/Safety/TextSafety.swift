/// Rules for text that reaches a terminal or another program: codes are printable without spaces; names and
/// free text refuse control characters, bidirectional controls and zero-width characters.
///
/// Sources: Unicode general category Cc (C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F); bidi controls from
/// Unicode TR #9 (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069); zero-width characters U+200B–U+200D,
/// U+2060, U+FEFF. (Trojan Source, CVE-2021-42574, is why bidi controls are refused.)
public enum TextSafety {
    /// The first scalar of `text` a name or free text may not contain, if any. Tab is refused too.
    public static func firstForbidden(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isForbidden)
    }

    /// The first scalar a code may not contain: anything forbidden in names, plus spaces of any kind and
    /// other invisible format characters.
    public static func firstForbiddenInCode(_ text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            isForbidden(scalar) || scalar.properties.isWhitespace
                || scalar.properties.generalCategory == .format
                || scalar.properties.generalCategory == .unassigned
                || scalar.properties.generalCategory == .privateUse
                || scalar.properties.generalCategory == .surrogate
        }
    }

    /// Whether the scalar is a control (C0, DEL, C1), a bidi control or a zero-width character.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        if v == 0x061C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
            return true
        }
        return (0x200B...0x200D).contains(v) || v == 0x2060 || v == 0xFEFF
    }

    /// `U+001B` style name of a scalar, for messages.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        var hex = String(scalar.value, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        return "U+" + hex
    }

    /// The message for a forbidden character in a field, e.g. "contains the control character U+001B".
    public static func message(for scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return "contains the control character \(describe(scalar))" }
        if scalar.properties.isWhitespace { return "must not contain spaces" }
        if (0x200B...0x200D).contains(v) || v == 0x2060 || v == 0xFEFF {
            return "contains the zero-width character \(describe(scalar))"
        }
        if isForbidden(scalar) { return "contains the bidirectional control \(describe(scalar))" }
        return "contains the invisible character \(describe(scalar))"
    }

    /// Adds an issue to `issues` when `text` has a character a name may not contain.
    public static func checkName(_ text: String, field: String, into issues: inout IssueCollector) {
        if let bad = firstForbidden(in: text) { issues.add(field, message(for: bad)) }
    }

    /// Adds an issue when `text` has a character a code may not contain.
    public static func checkCode(_ text: String, field: String, into issues: inout IssueCollector) {
        if let bad = firstForbiddenInCode(text) { issues.add(field, message(for: bad)) }
    }

    /// `text` with every forbidden scalar replaced by a visible escape (`\u{1B}` → `\u001B`), so no stored byte can
    /// emit a terminal escape sequence or reorder a line. Ordinary text is returned unchanged.
    public static func terminalSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isForbidden(scalar) {
                out.append(contentsOf: ("\\u" + describe(scalar).dropFirst(2)).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}

extension String {
    /// Line feeds (allowed in multi-line notes) as spaces, for the control-character check.
    func replacingNewlines() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\n" ? " " : $0 }))
    }
}
