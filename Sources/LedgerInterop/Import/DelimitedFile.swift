import Foundation
import LedgerCore

/// A delimited text file as the importers read it, STREAMED (issue 15): opening it reads the bytes once in chunks
/// (fingerprint, encoding — `RecordStream.scan`) and finds the header line and separator (comma, semicolon or tab,
/// the most frequent unquoted one on the header line); `forEachRecord` then decodes and splits chunk by chunk, so
/// only one chunk and one record are in memory at a time, never the file. Records come with their row number (the
/// header is row 1; a quoted field with a line break stays one row, as in a spreadsheet; blank rows count as rows
/// and are skipped).
public struct DelimitedFile: Sendable {
    public let source: String
    public let encoding: TextEncoding
    public let separator: Character
    /// Lower-case hex SHA-256 of the file's bytes.
    public let fingerprint: String
    /// Lines before the header (bill preambles), skipped.
    public let skippedLines: Int
    /// Size of the file in bytes (for progress).
    public let byteCount: Int
    let origin: ByteOrigin

    /// Reads `path`. `headerStart` finds the header line in files with a preamble (WeChat/Alipay bills).
    /// - Throws: `InteropError` for an unreadable file, undecodable text or a missing header line.
    public static func read(path: String, headerStart: (@Sendable (String) -> Bool)? = nil) throws -> DelimitedFile {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InteropError(source: path, message: "cannot read the file")
        }
        return try open(.file(path), source: path, headerStart: headerStart)
    }

    /// The same from bytes in memory (tests, the set-up wizard).
    public static func parse(data: Data, source: String,
                             headerStart: (@Sendable (String) -> Bool)? = nil) throws -> DelimitedFile {
        try open(.data(data), source: source, headerStart: headerStart)
    }

    static func open(_ origin: ByteOrigin, source: String, headerStart: ((String) -> Bool)?) throws -> DelimitedFile {
        let scan = try RecordStream.scan(origin, source: source)
        // Find the header line: stop decoding as soon as it is seen.
        var skipped = 0
        var headerLine: String?
        var partial = ""
        struct Found: Error {}
        do {
            try RecordStream.decode(origin, encoding: scan.encoding, source: source) { text, _ in
                var lines = (partial + text).split(omittingEmptySubsequences: false,
                                                   whereSeparator: { $0 == "\n" || $0 == "\r\n" })
                partial = String(lines.removeLast())
                for line in lines {
                    if headerStart == nil || headerStart?(String(line)) == true {
                        headerLine = String(line)
                        throw Found()
                    }
                    skipped += 1
                }
            }
        } catch is Found {}
        if headerLine == nil, !partial.isEmpty, headerStart == nil || headerStart?(partial) == true {
            headerLine = partial
        }
        if headerLine == nil && headerStart != nil {
            throw InteropError(source: source, message: "no header line found (is this the right --format?)")
        }
        let line = headerLine ?? ""
        let counts: [(Character, Int)] = [",", ";", "\t"].map { ($0, Self.unquotedCount(of: $0, in: line)) }
        let separator = counts.max { $0.1 < $1.1 }.map { $0.1 > 0 ? $0.0 : "," } ?? ","
        return DelimitedFile(source: source, encoding: scan.encoding, separator: separator,
                             fingerprint: scan.fingerprint, skippedLines: skipped, byteCount: scan.byteCount,
                             origin: origin)
    }

    static func unquotedCount(of sep: Character, in line: String) -> Int {
        var quoted = false, n = 0
        for ch in line {
            if ch == "\"" { quoted.toggle() } else if ch == sep && !quoted { n += 1 }
        }
        return n
    }

    /// Calls `body` with the header, then each record and its row number, in file order. Blank lines are skipped.
    /// `progress` gets the bytes read and the file's size after each chunk.
    /// - Throws: `InteropError` for malformed CSV (naming the row), or what `body` throws.
    public func forEachRecord(header: ([String]) throws -> Void, progress: ((Int, Int) -> Void)? = nil,
                              _ body: ([String], Int) throws -> Void) throws {
        var tokenizer = CSVTokenizer(separator: separator)
        var toSkip = skippedLines
        var partial = ""
        var row = 0
        func emit(_ record: [String]) throws {
            row += 1
            if row == 1 { return try header(record.map { Self.cleanHeader($0) }) }
            // A blank row: every cell white space only (scalar by scalar: stops at the first letter of a real row).
            if record.allSatisfy({ $0.unicodeScalars.allSatisfy(CharacterSet.whitespaces.contains) }) { return }
            try body(record, row + skippedLines)
        }
        try RecordStream.decode(origin, encoding: encoding, source: source) { text, read in
            var piece = Substring(text)
            if toSkip > 0 {
                // Drop the preamble lines (whole lines only; `decode` gives whole lines).
                piece = Substring(partial + text)
                partial = ""
                while toSkip > 0, let end = piece.firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) {
                    piece = piece[piece.index(after: end)...]
                    toSkip -= 1
                }
                if toSkip > 0 {
                    partial = String(piece)
                    return
                }
            }
            try tokenizer.feed(String(piece), emit)
            progress?(read, byteCount)
        }
        guard try tokenizer.finish(emit) else {
            throw InteropError(source: source, message: "row \(row + 1 + skippedLines): a quoted field is not closed")
        }
        if row == 0 { try header([]) }
    }

    static func cleanHeader(_ cell: String) -> String {
        var s = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        if s.hasPrefix("\u{FEFF}") { s.removeFirst() }
        return s
    }

    /// Undoes the OWASP prefix our own CSV writer adds (`'=…`, `'+86…`), so exports import back unchanged.
    public static func unneutralised(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let next = cell.dropFirst().unicodeScalars.first,
              ["=", "+", "-", "@", "\t", "\r"].contains(next) else { return cell }
        return String(cell.dropFirst())
    }
}

/// Amount text of an imported row: `1,234.50`, or with `decimalComma` `1.234,50` (also `1 234,50`).
/// A value that only makes sense with the other convention is an error, never a guess.
public enum ImportAmount {
    public static func parse(_ text: String, currency: Currency, decimalComma: Bool) throws -> Money {
        var body = text.trimmingCharacters(in: .whitespaces)
        if decimalComma {
            body = body.replacingOccurrences(of: "\u{00A0}", with: ".").replacingOccurrences(of: " ", with: ".")
            body = String(body.map { $0 == "." ? "," : ($0 == "," ? "." : $0) })
        } else if let comma = body.lastIndex(of: ","), !body.contains("."),
                  (1...2).contains(body.distance(from: comma, to: body.endIndex) - 1) {
            throw ImportFieldError("amount '\(text)' is ambiguous: a decimal comma? (use --decimal-comma)")
        }
        do { return try MoneyParser.parse(body, currency: currency) } catch {
            throw ImportFieldError("amount '\(text)' \(error.reason)"
                                   + (decimalComma ? " (read with --decimal-comma)" : ""))
        }
    }
}

/// A field that cannot be read; the importer adds row and column.
public struct ImportFieldError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
