import Testing
@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test func spotChecks() {
        #expect(DisplayWidth.of(Character("北")) == 2)
        #expect(DisplayWidth.of(Character("A")) == 1)
        #expect(DisplayWidth.of(Character("\u{301}")) == 0)        // lone combining acute
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)       // é with combining mark
        #expect(DisplayWidth.of(Character("😀")) == 2)
        #expect(DisplayWidth.of(Character("❤\u{FE0F}")) == 2)     // text default + VS16
        #expect(DisplayWidth.of(Character("🇨🇳")) == 2)
        #expect(DisplayWidth.of(Character("Ｆ")) == 2)             // full-width Latin
        #expect(DisplayWidth.of(Character("ｶ")) == 1)              // half-width katakana
        #expect(DisplayWidth.of(Character("\u{200B}")) == 0)
        #expect(DisplayWidth.of(Character("\t")) == 0)
        #expect(DisplayWidth.of(Character("，")) == 2)             // full-width comma
        #expect(DisplayWidth.of(Character("한")) == 2)
        #expect(DisplayWidth.unicodeVersion == "14.0.0")
    }

    @Test func fiveCustomersOfB01() {
        #expect(DisplayWidth.of("Apple Trading") == 13)
        #expect(DisplayWidth.of("苹果贸易") == 8)
        #expect(DisplayWidth.of("上海明远五金有限公司") == 20)
        #expect(DisplayWidth.of("Ｆｕｌｌｗｉｄｔｈ Co") == 21)
        #expect(DisplayWidth.of("Cafe\u{301} Ole\u{301}") == 8)
    }

    @Test func truncationNeverSplitsWideCharacters() {
        // 20 cells cut to 9: 4 graphemes (8 cells) + "~" (1).
        let cut = TextFitting.truncate("上海明远五金有限公司", toWidth: 9)
        #expect(cut == "上海明远~")
        #expect(DisplayWidth.of(cut) == 9)
        // Cut to 8: a 4th wide grapheme would straddle the 7-cell budget: dropped, gap padded.
        let padded = TextFitting.truncate("上海明远五金有限公司", toWidth: 8)
        #expect(padded == "上海明 ~")
        #expect(DisplayWidth.of(padded) == 8)
        #expect(TextFitting.truncate("苹果贸易", toWidth: 8) == "苹果贸易")
        #expect(TextFitting.truncate("abc", toWidth: 0) == "")
        #expect(TextFitting.truncate("abc", toWidth: -3) == "")
        #expect(TextFitting.truncate("北京", toWidth: 1) == "~")
        #expect(TextFitting.fit("北京", toWidth: 6, alignment: .right) == "  北京")
        #expect(TextFitting.fit("Cafe\u{301}", toWidth: 6) == "Cafe\u{301}  ")
    }

    @Test func wrapByCells() {
        #expect(TextFitting.wrap("北京星河科技", toWidth: 5) == ["北京", "星河", "科技"])
        #expect(TextFitting.wrap("one two three", toWidth: 7) == ["one two", "three"])
        #expect(TextFitting.wrap("x", toWidth: 0) == [])
    }
}
