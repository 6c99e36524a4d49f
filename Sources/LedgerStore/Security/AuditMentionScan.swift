import Foundation
import LedgerCore

/// The lines of a bulk audit entry's text that may touch a record (issue 10, `audit log --document`): a byte search
/// finds the record's id as the value of a JSON key `id`, `invoiceID` or `sourceID` (as written in a change, or in
/// the escaped JSON of a change's `after`) and its number in quotes in the whole text, and only the lines holding
/// one are returned — a superset of the lines that touch the record (which name its id in their changes or its
/// number in their payload), so a chunk of a thousand commands that does not mention it costs one byte search
/// instead of splitting every line. The key is checked (s18): a small id as a bare whole number is in many lines
/// (INV-2025-000001 is id 1: quantities, terms, line numbers), and each such line was split and decoded.
enum AuditMentionScan {
    static func lines(in text: [UInt8], mentioning mention: AuditLogFilter.Mention) -> [ArraySlice<UInt8>] {
        let digits = Array(String(mention.id).utf8), quoted = Array("\"\(mention.number)\"".utf8)
        var starts = Set<Int>()
        text.withUnsafeBufferPointer { buffer in
            func isDigit(_ i: Int) -> Bool { i >= 0 && i < buffer.count && buffer[i] >= 48 && buffer[i] <= 57 }
            func lineStart(_ i: Int) -> Int {
                var j = i
                while j > 0 && buffer[j - 1] != 10 { j -= 1 }
                return j
            }
            forEach(digits, in: buffer) { at in
                if !isDigit(at - 1) && !isDigit(at + digits.count) && isKeyedID(buffer, before: at) {
                    starts.insert(lineStart(at))
                }
            }
            forEach(quoted, in: buffer) { starts.insert(lineStart($0)) }
        }
        return starts.sorted().map { start in
            text[start..<(text[start...].firstIndex(of: 10) ?? text.endIndex)]
        }
    }

    /// The keys whose value can name the record: a change's `id`, an allocation's `invoiceID` or `sourceID`.
    private static let keys = ["id", "invoiceID", "sourceID"].map { Array($0.utf8) }

    /// Whether the number at `at` is the value of one of `keys`: before it, past JSON white space, a colon, then the
    /// key in quotes — plain (`"id":12`) or escaped inside a JSON string (`\"invoiceID\":12`).
    static func isKeyedID(_ buffer: UnsafeBufferPointer<UInt8>, before at: Int) -> Bool {
        var i = skipSpace(buffer, before: at)
        guard i > 0, buffer[i - 1] == 58 else { return false }   // ':'
        i = skipSpace(buffer, before: i - 1)
        guard i > 0, buffer[i - 1] == 34 else { return false }   // '"'
        let escaped = i > 1 && buffer[i - 2] == 92                // '\'
        let end = escaped ? i - 2 : i - 1
        return keys.contains { key in
            let start = end - key.count
            guard start > (escaped ? 1 : 0), buffer[start - 1] == 34, !escaped || buffer[start - 2] == 92 else {
                return false
            }
            return key.indices.allSatisfy { buffer[start + $0] == key[$0] }
        }
    }

    /// The offset just after the JSON white space ending before `at` (spaces; inside an escaped JSON string also
    /// `\t`, `\n`, `\r`).
    private static func skipSpace(_ buffer: UnsafeBufferPointer<UInt8>, before at: Int) -> Int {
        var i = at
        while i > 0 {
            if buffer[i - 1] == 32 {
                i -= 1
            } else if i > 1, buffer[i - 2] == 92, [UInt8(ascii: "t"), UInt8(ascii: "n"), UInt8(ascii: "r")]
                        .contains(buffer[i - 1]) {
                i -= 2
            } else {
                break
            }
        }
        return i
    }

    /// Calls `body` with the offset of every occurrence of `needle` in `buffer` (`memchr` for its first byte,
    /// `memcmp` for the rest).
    private static func forEach(_ needle: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        guard let base = buffer.baseAddress, let first = needle.first else { return }
        var offset = 0
        needle.withUnsafeBytes { pattern in
            guard let pattern = pattern.baseAddress else { return }
            while offset + needle.count <= buffer.count,
                  let hit = memchr(base + offset, Int32(first), buffer.count - offset - needle.count + 1) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, pattern, needle.count) == 0 { body(at) }
                offset = at + 1
            }
        }
    }
}
