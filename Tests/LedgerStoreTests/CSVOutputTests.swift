import Foundation
import LedgerInterop
import Testing

/// The one CSV writer: OWASP formula neutralising, numbers kept, BOM and header by default, `raw` plain.
@Suite struct CSVOutputTests {
    @Test func formulaCellsGetAQuoteNumbersStay() {
        let text = CSVOutput.render(header: ["name", "amount"], rows: [
            ["=HYPERLINK(\"http://x\")", "-250.00"], ["+86 138", "12"], ["-", "-0.5"], ["@SUM(A1)", "1.2.3"],
            ["\tTab", "-1e5"], ["\rCR", "+5"], ["A&B", "3"], ["--x", "-7"],
        ], style: .safe)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "\u{FEFF}name,amount")
        #expect(lines[1] == "\"'=HYPERLINK(\"\"http://x\"\")\",-250.00")
        #expect(lines[2] == "'+86 138,12")
        #expect(lines[3] == "'-,-0.5")
        #expect(lines[4] == "'@SUM(A1),1.2.3")
        #expect(lines[5] == "'\tTab,'-1e5")
        #expect(lines[6] == "\"'\rCR\",'+5")
        #expect(lines[7] == "A&B,3")
        #expect(lines[8] == "'--x,-7")
        #expect(lines.count == 10 && lines[9] == "")
        #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func rawIsPlainRFC4180() {
        let text = CSVOutput.render(header: ["a", "b"], rows: [["=1+2", "x,y"], ["line\nbreak", "-3"]], style: .raw)
        #expect(text == "a,b\n=1+2,\"x,y\"\n\"line\nbreak\",-3\n")
    }

    @Test func processDefaultIsSafeAndRoundTripsThroughTheReader() throws {
        #expect(CSVOutput.processDefault == .safe)
        let text = CSVOutput.render(header: ["code", "name"], rows: [["C1", "=cmd|' /C calc'!A0"], ["C2", "张三, \"李\""]])
        let table = try CSVTable.parse(data: Data(text.utf8), source: "t.csv")
        #expect(table.header == ["code", "name"])
        #expect(text.contains("C1,'=cmd|' /C calc'!A0\n"))
        // The program's own reader undoes the prefix, so exports import back as written.
        #expect(table.records == [["C1", "=cmd|' /C calc'!A0"], ["C2", "张三, \"李\""]])
    }
}
