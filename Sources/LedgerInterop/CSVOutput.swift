import Foundation
import LedgerCore

/// How CSV text is written. `safe` (the default) neutralises formula cells, writes a header row and starts with a
/// UTF-8 byte order mark (Excel on Chinese Windows reads BOM-less UTF-8 as GBK); `raw` is plain RFC 4180.
public struct CSVStyle: Hashable, Sendable {
    /// Prefix cells a spreadsheet would run as a formula with `'` (OWASP "CSV Injection").
    public var neutralisesFormulas = true
    /// Start the text with U+FEFF (UTF-8 bytes EF BB BF).
    public var byteOrderMark = true
    /// Write the header row.
    public var headerRow = true
    /// Field separator: `,` normally, `;` or tab when a target wants it.
    public var separator: Character = ","

    public static let safe = CSVStyle()
    /// `--raw`: no neutralising, no BOM (header row kept).
    public static let raw = CSVStyle(neutralisesFormulas: false, byteOrderMark: false)
}

/// The one CSV writer of the program: every CSV it writes (reports, lists, statements, exports, rejected rows)
/// goes through `render` or `line`, so formula neutralising, quoting and the BOM are the same everywhere.
///
/// Neutralising follows OWASP's CSV Injection guidance: a text cell beginning with `=`, `+`, `-`, `@`, tab (0x09)
/// or carriage return (0x0D) gets a leading `'`. Numbers (`-?digits[.digits]`, e.g. `-250.00`) are left as they
/// are so spreadsheets still add them up.
public enum CSVOutput {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var current = CSVStyle.safe

    /// The style used when a caller passes none; `--raw` sets it to `.raw` once at start-up.
    public static var processDefault: CSVStyle {
        get { lock.lock(); defer { lock.unlock() }; return current }
        set { lock.lock(); current = newValue; lock.unlock() }
    }

    /// CSV text (LF line ends) of `header` and `rows`, in `style`.
    public static func render(header: [String], rows: [[String]], style: CSVStyle? = nil) -> String {
        let style = style ?? processDefault
        var out = preamble(header: header, style: style)
        for row in rows { out += line(row, style: style) + "\n" }
        return out
    }

    /// The text `render` writes before the rows: the byte order mark, the practice watermark line and the header
    /// row, each per `style` (nil: `processDefault`). A writer that streams rows writes this, then `line` + LF each.
    public static func preamble(header: [String], style: CSVStyle? = nil) -> String {
        let style = style ?? processDefault
        var out = style.byteOrderMark ? "\u{FEFF}" : ""
        // practice ledger (training)
        if let mark = PracticeWatermark.text { out += line([mark], style: style) + "\n" }
        if style.headerRow { out += line(header, style: style) + "\n" }
        return out
    }

    /// One CSV line (no line end): cells neutralised per `style`, then quoted where RFC 4180 needs it.
    public static func line(_ cells: [String], style: CSVStyle) -> String {
        cells.map { quote(style.neutralisesFormulas ? neutralise($0) : $0, separator: style.separator) }
            .joined(separator: String(style.separator))
    }

    /// `cell` with a leading `'` when a spreadsheet would read it as a formula; numbers unchanged.
    public static func neutralise(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        switch first {
        case "=", "+", "-", "@", "\t", "\r":
            return isPlainNumber(cell) ? cell : "'" + cell
        default:
            return cell
        }
    }

    /// `-?[0-9]+(\.[0-9]+)?`: how the program writes amounts and counts in CSV.
    public static func isPlainNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        let parts = String(scalars).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
    }

    /// RFC 4180 quoting: a cell with the separator, a quote, CR or LF is quoted, quotes doubled.
    /// Most cells hold none of those bytes: they are returned after a byte scan, without comparing characters.
    public static func quote(_ cell: String, separator: Character = ",") -> String {
        if let byte = separator.asciiValue,
           !cell.utf8.contains(where: { $0 == byte || $0 == 34 || $0 == 10 || $0 == 13 }) {   // " LF CR
            return cell
        }
        guard cell.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
