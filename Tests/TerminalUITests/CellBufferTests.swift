import Testing
@testable import TerminalUI

@Suite struct CellBufferTests {
    @Test func wideGraphemeTakesTwoCellsAndStopsAtEdge() {
        var buffer = CellBuffer(size: Size(width: 5, height: 1))
        let used = buffer.setString("北京X", x: 0, y: 0)
        #expect(used == 5)
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer.line(0) == "北京X")
        var narrow = CellBuffer(size: Size(width: 3, height: 1))
        #expect(narrow.setString("北京", x: 0, y: 0) == 2)          // 京 would straddle the edge
        #expect(narrow.line(0) == "北 ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = CellBuffer(size: Size(width: 4, height: 1))
        buffer.setString("北京", x: 0, y: 0)
        buffer.setString("a", x: 1, y: 0)          // right half of 北
        #expect(buffer.line(0) == " a京")
        buffer.setString("b", x: 2, y: 0)          // left half of 京
        #expect(buffer.line(0) == " ab ")
        #expect(!buffer[3, 0].isContinuation)
    }

    @Test func outOfRangeWritesAreIgnored() {
        var buffer = CellBuffer(size: Size(width: 2, height: 2))
        buffer.setString("hello", x: -3, y: 0)
        buffer.setString("x", x: 5, y: 5)
        buffer.setString("y", x: 0, y: -1)
        buffer.fill(Rect(x: -10, y: -10, width: 100, height: 100), style: Style(.error))
        #expect(buffer.lines == ["  ", "  "])
        var empty = CellBuffer(size: .zero)
        empty.setString("x", x: 0, y: 0)
        #expect(empty.lines == [])
    }

    @Test func diffEmitsOnlyChangedCells() {
        var before = CellBuffer(size: Size(width: 10, height: 3))
        before.setString("hello", x: 0, y: 0)
        var after = before
        after.setString("J", x: 0, y: 0)
        after.setString("北", x: 4, y: 2)
        let changes = after.diff(from: before)
        #expect(changes.map { [$0.x, $0.y] } == [[0, 0], [4, 2], [5, 2]])
        #expect(changes[0].cell.symbol == "J")
        #expect(changes[2].cell.isContinuation)
        #expect(after.diff(from: after).isEmpty)
        #expect(after.diff(from: CellBuffer(size: .zero)).count == 30)
    }

    @Test func styleChangeIsADiff() {
        let before = CellBuffer(size: Size(width: 3, height: 1))
        var after = before
        after.fill(Rect(x: 1, y: 0, width: 1, height: 1), style: Style(.selection))
        #expect(after.diff(from: before).map(\.x) == [1])
        #expect(after.roleLine(0) == ".S.")
    }
}
