/// Display width of text in terminal cells, from a table generated from the Unicode data
/// (`WidthTable`, Unicode 14.0.0). It never consults the machine locale or `wcwidth`.
///
/// Rules per grapheme: East Asian Wide/Fullwidth = 2 (this includes emoji presentation),
/// a base followed by VS16 (U+FE0F) = 2, a regional-indicator pair (flag) = 2, combining marks and
/// format characters = 0, C0/C1 controls = 0 (the buffer drops them), everything else = 1.
/// Ambiguous-width characters (`·`, `—`, `…`) count as 1, as tmux shows them here.
public enum DisplayWidth {
    /// The Unicode version the width table was generated from.
    public static var unicodeVersion: String { WidthTable.unicodeVersion }

    /// Cells taken by one Unicode scalar on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v < 0x20 ? 0 : 1 }
        if v < 0xA0 { return 0 }
        if v < 0x300 { return 1 }
        if contains(WidthTable.zeroWidth, v) { return 0 }
        if contains(WidthTable.wide, v) { return 2 }
        return 1
    }

    /// Cells taken by one grapheme cluster: 0, 1 or 2.
    public static func of(_ grapheme: Character) -> Int {
        let scalars = grapheme.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x7F, scalars.count == 1 { return first.value < 0x20 ? 0 : 1 }
        if isControl(first) { return 0 }
        var width = 0
        var count = 0
        for scalar in scalars {
            count += 1
            if scalar.value == 0xFE0F { return 2 }
            width = max(width, of(scalar))
        }
        if count >= 2, (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }
        return min(width, 2)
    }

    /// Cells taken by a string (sum over its graphemes).
    public static func of(_ text: some StringProtocol) -> Int {
        if let ascii = printableASCIICount(text.utf8) { return ascii }
        var total = 0
        for grapheme in text { total += of(grapheme) }
        return total
    }

    /// The byte count when every byte is printable ASCII (one cell each), else nil.
    @inline(__always)
    static func printableASCIICount(_ utf8: some Collection<UInt8>) -> Int? {
        var count = 0
        for byte in utf8 {
            guard byte >= 0x20, byte < 0x7F else { return nil }
            count += 1
        }
        return count
    }

    /// Whether a scalar is a C0/C1 control character (never drawn).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    private static func contains(_ table: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0, high = table.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = table[mid]
            if value < range.lowerBound {
                high = mid - 1
            } else if value > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
