import Testing
import LedgerCore

/// Issue 12: documented bounds, checked sums, clean text.
@Suite struct SafetyValuesTests {
    @Test func amountsBeyondTheBoundAreParseErrorsNotTraps() {
        let max = try? MoneyParser.parse("10,000,000,000,000.00", currency: .cny)
        #expect(max?.minorUnits == LedgerLimits.maxAmountMinorUnits)
        let beyond = #expect(throws: MoneyParseError.self) { try MoneyParser.parse("10000000000000.01", currency: .cny) }
        #expect(beyond?.description == "amount '10000000000000.01' is too large (at most 10,000,000,000,000.00)")
        let int64Max = #expect(throws: MoneyParseError.self) { try MoneyParser.parse("92233720368547758.07", currency: .cny) }
        #expect(int64Max?.reason == "is too large (at most 10,000,000,000,000.00)")
        #expect(throws: MoneyParseError.self) { try MoneyParser.parse("99999999999999999999999", currency: .cny) }
    }

    @Test func quantitiesAreBounded() throws {
        #expect(try Quantity.parse("1,000,000,000").thousandths == LedgerLimits.maxQuantityThousandths)
        #expect(throws: DecimalTextError.beyondLimit("1,000,000,000")) { try Quantity.parse("99999999999999") }
        #expect(throws: DecimalTextError.beyondLimit("1,000,000,000")) { try Quantity.parse("6222021234567890123") }
        #expect(throws: DecimalTextError.beyondLimit("1,000,000,000")) { try Quantity.parse("1234567812345678") }
    }

    @Test func checkedSumsReportOverflow() {
        #expect(CheckedSum.of([1, 2, 3]) == 6)
        #expect(CheckedSum.of([Int64.max, 1]) == nil)
        #expect(CheckedSum.add(Int64.min, -1) == nil)
        #expect(CheckedSum.saturating(Int64.max, 5) == Int64.max)
        #expect(CheckedSum.saturating(Int64.min, -5) == Int64.min)
    }

    @Test func namesRefuseControlBidiAndZeroWidthCharacters() {
        #expect(TextSafety.firstForbidden(in: "北京星河 Co., Ltd.") == nil)
        #expect(TextSafety.firstForbidden(in: "A\u{1B}]0;pwned\u{07}") == "\u{1B}")
        #expect(TextSafety.firstForbidden(in: "abc\u{202E}fed") == "\u{202E}")
        #expect(TextSafety.firstForbidden(in: "a\u{200B}b") == "\u{200B}")
        #expect(TextSafety.firstForbidden(in: "x\u{85}y") == "\u{85}")
        #expect(TextSafety.firstForbidden(in: "x\u{7F}") == "\u{7F}")
        #expect(TextSafety.message(for: "\u{1B}") == "contains the control character U+001B")
        #expect(TextSafety.message(for: "\u{2066}") == "contains the bidirectional control U+2066")
        #expect(TextSafety.firstForbiddenInCode("C 1") == " ")
        #expect(TextSafety.firstForbiddenInCode("C\u{3000}1") == "\u{3000}")
        #expect(TextSafety.firstForbiddenInCode("C-001/北京") == nil)
    }

    @Test func terminalSafeTextShowsEscapesVisibly() {
        #expect(TextSafety.terminalSafe("plain 北京") == "plain 北京")
        #expect(TextSafety.terminalSafe("A\u{1B}[2JB\r\n") == "A\\u001B[2JB\\u000D\\u000A")
        #expect(!TextSafety.terminalSafe("x\u{202E}y\u{9B}").unicodeScalars.contains { TextSafety.isForbidden($0) })
    }
}
