/// Horizontal alignment of text inside a column.
public enum Alignment: Sendable {
    case left, right, center
}

/// Cutting and padding text by display cells (see `DisplayWidth`), never by characters or bytes.
public enum TextFitting {
    /// The default ellipsis: one ASCII cell. `…` is East-Asian *ambiguous* width (2 cells on many
    /// CJK-configured terminals), so it is kept out of aligned columns by default.
    public static let defaultEllipsis = "~"

    /// `text` cut so it takes at most `width` cells. When cut, `ellipsis` ends the result; a wide
    /// grapheme that would straddle the limit is dropped and the gap padded with a space, so the
    /// result is exactly `width` cells when cut. Zero or negative `width` gives "".
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = defaultEllipsis) -> String {
        guard width > 0 else { return "" }
        let total = DisplayWidth.of(text)
        if total <= width { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        let mark = ellipsisWidth <= width ? ellipsis : ""
        let budget = width - (mark.isEmpty ? 0 : ellipsisWidth)
        var result = ""
        var used = 0
        for grapheme in text {
            let w = DisplayWidth.of(grapheme)
            if used + w > budget { break }
            result.append(grapheme)
            used += w
        }
        if used < budget { result += String(repeating: " ", count: budget - used) }
        return result + mark
    }

    /// `text` shortened in the middle to at most `width` cells: its start and its end kept (a file name's
    /// extension, the distinguishing end of a long name) around `ellipsis`. Never wider than `width`; "" for
    /// zero or negative `width`.
    public static func truncateMiddle(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let mark = DisplayWidth.of(ellipsis) < width ? ellipsis : ""
        let budget = width - DisplayWidth.of(mark)
        let graphemes = Array(text)
        var tail: [Character] = [], tailWidth = 0
        for g in graphemes.reversed() {
            let w = DisplayWidth.of(g)
            if tailWidth + w > budget / 2 { break }
            tail.insert(g, at: 0)
            tailWidth += w
        }
        var head = "", headWidth = 0
        for g in graphemes {
            let w = DisplayWidth.of(g)
            if headWidth + w > budget - tailWidth { break }
            head.append(g)
            headWidth += w
        }
        return head + mark + String(tail)
    }

    /// `text` cut to `width` cells (with ellipsis) and padded with spaces to exactly `width` cells,
    /// aligned as asked. Zero or negative `width` gives "".
    public static func fit(_ text: String, toWidth width: Int, alignment: Alignment = .left,
                           ellipsis: String = defaultEllipsis) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(text, toWidth: width, ellipsis: ellipsis)
        let gap = max(0, width - DisplayWidth.of(cut))
        switch alignment {
        case .left: return cut + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + cut
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: gap - left)
        }
    }

    /// Splits `text` into lines of at most `width` cells, breaking at spaces where possible and
    /// inside words (never inside a grapheme) otherwise. Explicit newlines are kept.
    public static func wrap(_ text: String, toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let w = DisplayWidth.of(word)
                let sep = line.isEmpty ? 0 : 1
                if used + sep + w <= width {
                    if sep == 1 { line += " " }
                    line += word
                    used += sep + w
                    continue
                }
                if !line.isEmpty { lines.append(line); line = ""; used = 0 }
                for grapheme in word {
                    let gw = DisplayWidth.of(grapheme)
                    if used + gw > width { lines.append(line); line = ""; used = 0 }
                    line.append(grapheme)
                    used += gw
                }
            }
            lines.append(line)
        }
        return lines
    }
}
