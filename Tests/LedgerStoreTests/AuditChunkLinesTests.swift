import Testing
@testable import LedgerStore

/// Issue 10, session 30: a bulk audit entry's lines are cut with memchr; the result is the one `split` gave
/// (empty lines dropped, a line cut at its first three tabs, the outcome unescaped) and a line with fewer than
/// four fields makes the blob unreadable (nil).
struct AuditChunkLinesTests {
    /// The former reading, kept here as the reference.
    static func reference(_ text: [UInt8]) -> [[String]]? {
        var result: [[String]] = []
        for line in text.split(separator: 10, omittingEmptySubsequences: true) {
            let fields = line.split(separator: 9, maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4 else { return nil }
            let strings = fields.map { String(decoding: $0, as: UTF8.self) }
            result.append(Array(strings[0..<3]) + [AuditChunk.unescape(strings[3])])
        }
        return result
    }

    @Test func linesEqualTheSplitReading() {
        let texts = [
            "invoice.post\t{\"a\":1}\t[]\tposted INV-1\n\nreceipt.record\t{}\t[]\tok\\tdone\\n\n",
            "a\tb\tc\td\te\tf\n\n\n",                    // the outcome keeps later tabs
            "发票.post\t{\"名称\":\"星河\"}\t\t已过账 \\\\ 完\n",  // UTF-8, an empty field, an escaped backslash
            "\t\t\t\n",                                  // four empty fields
            "no tabs at all\n",                          // unreadable
            "a\tb\tc\n",                                 // three fields: unreadable
            "a\tb\tc\td",                                // no final line feed
            "",
        ]
        for text in texts {
            let bytes = Array(text.utf8)
            let lines = AuditChunk.lines(Deflate.pack(bytes))
            #expect(lines.map { $0.map { [$0.command, $0.payload, $0.changes, $0.outcome] } } == Self.reference(bytes),
                    "\(text.debugDescription)")
        }
        #expect(AuditChunk.lines(Deflate.pack(Array("a\tb\tc\td\te\n".utf8)))?.first?.outcome == "d\te")
        #expect(AuditChunk.lines(Deflate.pack(Array("a\tb\n".utf8))) == nil)
    }

    /// `escape` keeps a text without a backslash, tab or line feed byte as it is without reading its characters
    /// (s32-import); any other text is escaped as the character reading does — a backslash joined with a
    /// combining mark is not a backslash character and stays as it is, CR LF becomes `\r\n`, a lone CR stays.
    @Test func escapeGivesWhatTheCharacterReadingGives() {
        func reference(_ text: String) -> String {
            guard text.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r\n" }) else { return text }
            return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\r\n", with: "\\r\\n")
                .replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n")
        }
        let texts = ["", "INV-2026-000001 522.06 CNY", "已过账 完", "a\\b", "\\\u{301}", "x\\\u{301}\ty", "a\tb",
                     "a\nb", "a\r\nb", "a\rb", "\r", "𝄞\n\\"]
        for text in texts {
            #expect(AuditChunk.escape(text) == reference(text), "\(text.debugDescription)")
        }
        #expect(AuditChunk.escape("\\\u{301}") == "\\\u{301}" && AuditChunk.escape("a\r\nb") == "a\\r\\nb")
    }
}
