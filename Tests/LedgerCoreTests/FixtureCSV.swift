import Foundation

/// Reads a small fixture CSV (no quoted commas in these files) into header-keyed rows.
func fixtureRows(_ name: String) throws -> [[String: String]] {
    guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures") else {
        throw FixtureError.missing(name)
    }
    let text = try String(contentsOf: url, encoding: .utf8)
    var lines = text.split(whereSeparator: \.isNewline).map(String.init)
    let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    return lines.map { line in
        let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var row: [String: String] = [:]
        for (i, key) in header.enumerated() { row[key] = i < cells.count ? cells[i] : "" }
        return row
    }
}

enum FixtureError: Error { case missing(String) }
