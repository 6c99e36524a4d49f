import Foundation

/// Decides a file's one encoding, honestly (issue 12): UTF-8 when every byte is valid UTF-8 (a BOM is dropped);
/// GB18030 when the file is mostly not UTF-8 (as Chinese Excel writes it); and an error naming the first bad row and
/// column when the file is mostly valid UTF-8 with a few invalid bytes — such a file mixes encodings, and decoding
/// it all as GB18030 would turn every Chinese character into mojibake (`北京` → `鍖椾含`).
///
/// "Mostly": more bytes in valid multi-byte UTF-8 sequences than invalid bytes. A GB18030 file's Chinese characters
/// are invalid UTF-8 far more often than they happen to be valid, and ASCII-only text is the same in both.
public enum TextDecoding {
    public enum Encoding: String, Sendable { case utf8 = "UTF-8", gb18030 = "GB18030" }

    /// Counts of valid multi-byte UTF-8 sequences and invalid positions, and the offset of the first invalid byte.
    struct UTF8Scan { var validBytes = 0; var invalidBytes = 0; var firstInvalid: Int? }

    static func scan(_ bytes: [UInt8]) -> UTF8Scan {
        var result = UTF8Scan()
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int, minimum: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: length = 0; minimum = 0
            }
            var ok = length > 0 && i + length <= bytes.count
            var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            if ok {
                for k in 1..<length {
                    let c = bytes[i + k]
                    if c & 0xC0 != 0x80 { ok = false; break }
                    value = value << 6 | UInt32(c & 0x3F)
                }
            }
            if ok && (value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value)) { ok = false }
            if ok {
                result.validBytes += length
                i += length
            } else {
                result.invalidBytes += 1
                if result.firstInvalid == nil { result.firstInvalid = i }
                i += 1
            }
        }
        return result
    }

    /// The text of `data` and the encoding used. - Throws: `InteropError` naming row and column of the first
    /// invalid byte of a mostly-UTF-8 file, or saying the text is neither UTF-8 nor GB18030.
    public static func decode(_ data: Data, source: String) throws -> (text: String, encoding: Encoding) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let scan = scan(bytes)
        if scan.invalidBytes == 0, let text = String(bytes: bytes, encoding: .utf8) { return (text, .utf8) }
        if scan.validBytes > scan.invalidBytes, let offset = scan.firstInvalid {
            throw mixedEncoding(bytes, offset: offset, source: source)
        }
        let gb18030 = String.Encoding(rawValue: 0x8000_0632)
        if let text = String(data: Data(bytes), encoding: gb18030) { return (text, .gb18030) }
        throw InteropError(source: source, message: "text is neither UTF-8 nor GB18030")
    }

    /// The error for a mostly-UTF-8 file whose byte at `offset` (in `bytes`, BOM removed) is not UTF-8.
    static func mixedEncoding(_ bytes: [UInt8], offset: Int, source: String) -> InteropError {
        let (row, column, name) = position(of: offset, in: bytes)
        let hex = String(format: "0x%02X", bytes[offset])
        let columnText = name.isEmpty ? "column \(column)" : "column \(column) (\(name))"
        return InteropError(source: source, message: "row \(row), \(columnText): byte \(hex) is not UTF-8, "
                            + "but the rest of the file is; the file mixes encodings. Save it again as UTF-8 "
                            + "(or entirely as GB18030); nothing was imported")
    }

    /// CSV row (header = 1) and 1-based column of byte `offset`, and that column's header name (quotes respected).
    static func position(of offset: Int, in bytes: [UInt8]) -> (row: Int, column: Int, name: String) {
        var row = 1, column = 1, inQuotes = false
        var headerFields: [[UInt8]] = [[]]
        for i in 0..<offset {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes && b == UInt8(ascii: "\n") { row += 1; column = 1; continue }
            if !inQuotes && b == UInt8(ascii: ",") {
                column += 1
                if row == 1 { headerFields.append([]) }
                continue
            }
            if row == 1 && b != UInt8(ascii: "\r") && b != UInt8(ascii: "\"") {
                headerFields[headerFields.count - 1].append(b)
            }
        }
        if row > 1 {
            // Read the header's fields fully (the offset may lie beyond it).
            headerFields = [[]]
            var quoted = false
            for b in bytes {
                if b == UInt8(ascii: "\"") { quoted.toggle(); continue }
                if !quoted && (b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")) { break }
                if !quoted && b == UInt8(ascii: ",") { headerFields.append([]); continue }
                headerFields[headerFields.count - 1].append(b)
            }
        }
        let name = row > 1 && column <= headerFields.count
            ? String(decoding: headerFields[column - 1], as: UTF8.self).trimmingCharacters(in: .whitespaces) : ""
        return (row, column, name)
    }
}
