import Foundation
import LedgerCore

/// The lines of a bulk audit entry's text that may touch a record (issue 10, `audit log --document`): a byte search
/// finds the record's id (as a whole number: no digit just before or after) and its number in quotes in the whole
/// text, and only the lines holding one are returned — a superset of the lines that touch the record (which name
/// its id in their changes or its number in their payload), so a chunk of a thousand commands that does not
/// mention it costs one byte search instead of splitting every line.
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
            for (needle, whole) in [(digits, true), (quoted, false)] where !needle.isEmpty {
                forEach(needle, in: buffer) { at in
                    if !whole || (!isDigit(at - 1) && !isDigit(at + needle.count)) { starts.insert(lineStart(at)) }
                }
            }
        }
        return starts.sorted().map { start in
            text[start..<(text[start...].firstIndex(of: 10) ?? text.endIndex)]
        }
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
