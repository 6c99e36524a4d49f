import TerminalUI

/// Cutting free text to a width without cutting a number in two (issue 12: "a number is never cut").
enum TextCut {
    /// `text` when it fits in `width` cells; else its longest prefix that ends before a number (digits with `.`,
    /// `,`, `-`, `%` inside) and fits with a closing `…`.
    static func beforeNumber(_ text: String, width: Int) -> String {
        guard width > 0, DisplayWidth.of(text) > width else { return text }
        let characters = Array(text)
        var used = 0, end = 0
        while end < characters.count {
            let w = DisplayWidth.of(String(characters[end]))
            if used + w > width - 1 { break }
            used += w
            end += 1
        }
        func isNumeric(_ c: Character) -> Bool { c.isNumber || ".,-%".contains(c) }
        if end < characters.count, end > 0, isNumeric(characters[end]), isNumeric(characters[end - 1]) {
            while end > 0, isNumeric(characters[end - 1]) { end -= 1 }
        }
        return String(characters[..<end]).trimmingCharacters(in: .whitespaces) + "…"
    }
}
