import LedgerCore

/// The `changes` of an audit entry as JSON, written directly: the same text as `AuditJSON.encode(changes)`
/// (sorted keys `after`, `before`, `entity`, `id`; absent values left out; slashes not escaped), without a
/// `JSONEncoder` per command on the bulk write path (issue 10). Most commands record creations only, whose
/// change is `{"entity":"invoice","id":12}`.
enum AuditChangesJSON {
    static func encode(_ changes: [AuditChange]) -> String {
        var out = "["
        for (index, change) in changes.enumerated() {
            if index > 0 { out += "," }
            out += "{"
            if let after = change.after { out += "\"after\":"; appendString(after, to: &out); out += "," }
            if let before = change.before { out += "\"before\":"; appendString(before, to: &out); out += "," }
            out += "\"entity\":"
            appendString(change.entity, to: &out)
            out += ",\"id\":\(change.id)}"
        }
        return out + "]"
    }

    /// A JSON string literal as Foundation's encoder writes it: `"` and `\` escaped, control characters as
    /// `\b \f \n \r \t` or `\u00XX`, everything else (including non-ASCII and `/`) as it is.
    static func appendString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case let s where s.value < 0x20:
                let hex = String(s.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
