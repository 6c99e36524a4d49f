import Foundation

/// Encodings of files the program reads and writes. Reading goes through `decode` (UTF-16 with a BOM here, the
/// rest through `TextDecoding.decode`, the one shared UTF-8/GB18030 decision), so a fix to encoding detection is
/// made in one place for every import.
public enum TextEncoding: String, Sendable {
    case utf8, utf8BOM = "utf8-bom", gb18030, utf16LE = "utf16le", utf16BE = "utf16be"

    static let gb18030Encoding = String.Encoding(rawValue: 0x8000_0632)

    /// Decodes file bytes: a UTF-16 BOM (FF FE / FE FF) means UTF-16; otherwise `TextDecoding.decode` decides.
    /// Returns the text and the encoding found. - Throws: `InteropError` for undecodable bytes.
    public static func decode(_ data: Data, source: String) throws -> (text: String, encoding: TextEncoding) {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            let little = data.first == 0xFF
            guard let text = String(data: data.dropFirst(2), encoding: little ? .utf16LittleEndian : .utf16BigEndian)
            else { throw InteropError(source: source, message: "text is not valid UTF-16") }
            return (text, little ? .utf16LE : .utf16BE)
        }
        let (text, found) = try TextDecoding.decode(data, source: source)
        if found == .gb18030 { return (text, .gb18030) }
        return (text, data.starts(with: [0xEF, 0xBB, 0xBF]) ? .utf8BOM : .utf8)
    }

    /// `text` as bytes in this encoding (with the BOM for `utf8BOM` and the UTF-16 ones).
    public func encode(_ text: String) -> Data {
        switch self {
        case .utf8: return Data(text.utf8)
        case .utf8BOM: return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        case .gb18030: return text.data(using: Self.gb18030Encoding) ?? Data(text.utf8)
        case .utf16LE: return Data([0xFF, 0xFE]) + (text.data(using: .utf16LittleEndian) ?? Data())
        case .utf16BE: return Data([0xFE, 0xFF]) + (text.data(using: .utf16BigEndian) ?? Data())
        }
    }

    /// Bytes `text` takes in GB18030 (用友/金蝶 field limits count GBK bytes: a Chinese character is 2).
    public static func gbByteCount(_ text: String) -> Int {
        text.data(using: gb18030Encoding)?.count ?? text.utf8.count
    }

    /// `text` cut to at most `bytes` GB18030 bytes, never inside a character.
    public static func truncated(_ text: String, gbBytes bytes: Int) -> String {
        var out = "", used = 0
        for ch in text {
            let n = gbByteCount(String(ch))
            if used + n > bytes { break }
            out.append(ch)
            used += n
        }
        return out
    }
}
