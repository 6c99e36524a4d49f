import Testing
import Foundation
@testable import TerminalUI

/// Compares `lines` with `Snapshots/<name>.txt` (beside this file). With `SNAPSHOT_RECORD=1` the file
/// is (re)written instead. A failure records a line diff.
func assertSnapshot(_ lines: [String], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = directory.appendingPathComponent(name + ".txt")
    // Each line is framed with `|` so trailing spaces are visible and kept.
    let actual = lines.map { "|" + $0 + "|" }.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing snapshot \(name).txt; run with SNAPSHOT_RECORD=1 to create it", sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var diff = ["snapshot \(name) differs:"]
    for i in 0..<max(e.count, a.count) {
        let el = i < e.count ? String(e[i]) : "<none>"
        let al = i < a.count ? String(a[i]) : "<none>"
        if el != al { diff.append("line \(i + 1):\n  - \(el)\n  + \(al)") }
    }
    Issue.record(Comment(rawValue: diff.joined(separator: "\n")), sourceLocation: sourceLocation)
}

/// The display column (0-based, in cells) where `needle` first occurs in `line`, or nil.
func displayColumn(of needle: Character, in line: String) -> Int? {
    var column = 0
    for g in line {
        if g == needle { return column }
        column += DisplayWidth.of(g)
    }
    return nil
}
