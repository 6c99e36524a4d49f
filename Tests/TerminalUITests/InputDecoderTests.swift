import Testing
@testable import TerminalUI

@Suite struct InputDecoderTests {
    private func decode(_ inputs: [RawInput]) -> [Event] {
        var decoder = InputDecoder()
        return inputs.flatMap { decoder.feed($0) }
    }

    private func scalars(_ s: String) -> [RawInput] { s.unicodeScalars.map { .scalar($0) } }

    @Test func controlBytes() {
        #expect(decode(scalars("\u{03}\u{09}\u{0D}\u{7F}\u{15}\u{0B}")) ==
                [.key(.ctrl("c")), .key(.tab), .key(.enter), .key(.backspace), .key(.ctrl("u")), .key(.ctrl("k"))])
        #expect(Key.interrupt == .ctrl("c"))
    }

    @Test func chineseAndAsciiText() {
        #expect(decode(scalars("a北")) == [.key(.char("a")), .key(.char("北"))])
    }

    @Test func loneEscapeNeedsTimeout() {
        var decoder = InputDecoder()
        #expect(decoder.feed(.scalar("\u{1B}")) == [])
        #expect(decoder.isPending)
        #expect(decoder.feed(.timeout) == [.key(.escape)])
        #expect(!decoder.isPending)
    }

    @Test func escapeFollowedByText() {
        #expect(decode(scalars("\u{1B}x")) == [.key(.escape), .key(.char("x"))])
        #expect(decode(scalars("\u{1B}[2x")) == [.key(.escape), .key(.char("[")), .key(.char("2")), .key(.char("x"))])
    }

    @Test func bracketedPaste() {
        let events = decode(scalars("\u{1B}[200~北京\r\nline2\u{1B}[201~q"))
        #expect(events == [.paste("北京\nline2"), .key(.char("q"))])
    }

    /// s19 tryout: a 10,000-character pasted line arrives whole, as one paste, with a paste-end-like text inside.
    @Test func aLongPasteIsOneEvent() {
        let line = String(repeating: "杭州长文本粘贴测试[201", count: 700)
        #expect(decode(scalars("\u{1B}[200~" + line + "\u{1B}[201~")) == [.paste(line)])
    }

    @Test func keysAndResizePassThrough() {
        #expect(decode([.key(.function(2)), .resize(Size(width: 20, height: 5)), .key(.backTab)]) ==
                [.key(.function(2)), .resize(Size(width: 20, height: 5)), .key(.backTab)])
    }

    @Test func keyNames() {
        #expect(Key.function(10).description == "F10")
        #expect(Key.ctrl("k").description == "^K")
    }
}
