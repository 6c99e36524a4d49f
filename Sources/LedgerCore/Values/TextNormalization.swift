/// Input clean-up shared by the parsers: full-width forms (as typed with a Chinese input method) become
/// their ASCII equivalents, and surrounding white space (including the ideographic space U+3000) is dropped.
enum TextNormalization {
    /// Maps U+FF01…U+FF5E to U+0021…U+007E and U+3000 to a space; other characters are kept.
    static func halfWidth(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E:
                scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000:
                scalars.append(" ")
            case 0x2212: // minus sign
                scalars.append("-")
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Half-width text with leading and trailing spaces and tabs removed.
    static func cleaned(_ text: String) -> String {
        let half = halfWidth(text)
        var start = half.startIndex
        var end = half.endIndex
        while start < end, half[start].isWhitespace { start = half.index(after: start) }
        while end > start, half[half.index(before: end)].isWhitespace { end = half.index(before: end) }
        return String(half[start..<end])
    }
}
