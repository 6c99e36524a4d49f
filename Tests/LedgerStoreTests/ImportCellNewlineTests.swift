import Testing
@testable import LedgerInterop

/// `DataImport.hasNewline` reads a cell's bytes (s32-import) and must say what the character reading said
/// (`contains(where: \.isNewline)`), which decides whether a cell is trimmed and its lines joined.
@Suite struct ImportCellNewlineTests {
    @Test func bytesSayWhatCharactersSay() {
        var texts = ["", "plain", "导入客户1", "入 E5 85 A5 has a byte 0x85", "…‧ E2 80 A6 / A7", "a\u{2028}b",
                     "a\u{2029}",
                     "\u{85}", "x\u{85}y", "a\r\nb", "a\rb", "a\u{0B}b", "a\u{0C}b", "\n", "e\u{301}\n",
                     "\u{2027}\u{202A}", "ª Â \u{C5}", "𝄞", String(repeating: "长", count: 5_000) + "\u{2029}"]
        texts += (0..<32).map { "a" + String(UnicodeScalar(UInt8($0))) + "b" }
        for text in texts {
            #expect(DataImport.hasNewline(text) == text.contains(where: \.isNewline), "\(text.debugDescription)")
        }
        #expect(DataImport.hasNewline("a\u{2028}b") && !DataImport.hasNewline("入…"))
    }
}
