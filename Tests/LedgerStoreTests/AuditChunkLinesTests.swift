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
}
