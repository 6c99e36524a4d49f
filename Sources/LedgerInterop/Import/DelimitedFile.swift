import CSV
import Crypto
import Foundation
import LedgerCore

/// A delimited text file as the importers read it: decoded once (`TextEncoding.decode`), separator found from the
/// header line (comma, semicolon or tab), then records streamed one at a time with their row number (the header is
/// row 1; a quoted field with a line break stays one row, as in a spreadsheet).
public struct DelimitedFile: Sendable {
    public let source: String
    public let text: String
    public let encoding: TextEncoding
    public let separator: Character
    /// Lower-case hex SHA-256 of the file's bytes.
    public let fingerprint: String
    /// Lines before the header (bill preambles), already skipped in `text`.
    public let skippedLines: Int

    /// Reads `path`. `headerStart` finds the header line in files with a preamble (WeChat/Alipay bills).
    public static func read(path: String, headerStart: ((String) -> Bool)? = nil) throws -> DelimitedFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InteropError(source: path, message: "cannot read the file")
        }
        return try parse(data: data, source: path, headerStart: headerStart)
    }

    public static func parse(data: Data, source: String, headerStart: ((String) -> Bool)? = nil) throws -> DelimitedFile {
        let (decoded, encoding) = try TextEncoding.decode(data, source: source)
        var text = decoded
        var skipped = 0
        if let headerStart {
            var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            guard let index = lines.firstIndex(where: { headerStart(String($0)) }) else {
                throw InteropError(source: source, message: "no header line found (is this the right --format?)")
            }
            skipped = index
            lines.removeFirst(index)
            text = lines.joined(separator: "\n")
        }
        let headerLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let counts: [(Character, Int)] = [(",", 0), (";", 0), ("\t", 0)].map { sep, _ in
            (sep, Self.unquotedCount(of: sep, in: String(headerLine)))
        }
        let separator = counts.max { $0.1 < $1.1 }.map { $0.1 > 0 ? $0.0 : "," } ?? ","
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        return DelimitedFile(source: source, text: text, encoding: encoding, separator: separator,
                             fingerprint: digest, skippedLines: skipped)
    }

    static func unquotedCount(of sep: Character, in line: String) -> Int {
        var quoted = false, n = 0
        for ch in line {
            if ch == "\"" { quoted.toggle() } else if ch == sep && !quoted { n += 1 }
        }
        return n
    }

    /// Calls `body` with the header, then each record and its row number, in file order. Blank lines are skipped.
    /// - Throws: `InteropError` for malformed CSV (naming the row), or what `body` throws.
    public func forEachRecord(header: ([String]) throws -> Void, _ body: ([String], Int) throws -> Void) throws {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, delimiter: separator.unicodeScalars.first ?? ",")
        } catch {
            throw InteropError(source: source, message: "not a delimited text file: \(error)")
        }
        try header((reader.headerRow ?? []).map { Self.cleanHeader($0) })
        var row = 1
        while let record = reader.next() {
            row += 1
            if record.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            try body(record, row + skippedLines)
        }
        if let error = reader.error {
            throw InteropError(source: source, message: "row \(row + 1 + skippedLines): \(error)")
        }
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
            throw ImportFieldError("amount '\(text)' \(error.reason)" + (decimalComma ? " (read with --decimal-comma)" : ""))
        }
    }
}

/// A field that cannot be read; the importer adds row and column.
public struct ImportFieldError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
