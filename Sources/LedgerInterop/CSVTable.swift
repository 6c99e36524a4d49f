import CSV
import Foundation
import LedgerCore

/// A CSV file read into memory with its header: records addressed by column name, with row numbers for
/// error messages (row 1 is the header, so the first record is row 2).
///
/// Decoding: one encoding per file (`TextDecoding`): UTF-8 (a BOM is dropped, CRLF is accepted), or GB18030 as
/// written by Chinese Excel; never a mix. Parsing is RFC 4180 (quoted fields, embedded commas and newlines) by
/// yaslab/CSV.swift.
public struct CSVTable: Sendable {
    public let header: [String]
    public let records: [[String]]
    /// Where the data came from, for messages.
    public let source: String
    private let index: [String: Int]

    public init(header: [String], records: [[String]], source: String) {
        self.header = header
        self.records = records
        self.source = source
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() where index[name] == nil { index[name] = i }
        self.index = index
    }

    /// Reads `path`. - Throws: `InteropError` naming the file.
    public static func read(path: String) throws -> CSVTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InteropError(source: path, message: "cannot read the file")
        }
        return try parse(data: data, source: path)
    }

    /// Parses CSV bytes. - Throws: `InteropError` for undecodable text or a malformed CSV.
    public static func parse(data: Data, source: String) throws -> CSVTable {
        // Exactly one encoding: UTF-8 (BOM dropped) or GB18030; a mostly-UTF-8 file with bad bytes is an error
        // naming row and column (`TextDecoding`).
        let text = try TextDecoding.decode(data, source: source).text
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: true)
            let header = reader.headerRow ?? []
            var records: [[String]] = []
            // Our CSV writer prefixes formula-like text with ' (OWASP); read it back as written.
            while let row = reader.next() { records.append(row.map(DelimitedFile.unneutralised)) }
            if let error = reader.error {
                throw InteropError(source: source, message: "row \(records.count + 2): \(error)")
            }
            return CSVTable(header: header, records: records, source: source)
        } catch let error as InteropError {
            throw error
        } catch {
            throw InteropError(source: source, message: "not a CSV file: \(error)")
        }
    }

    /// Whether the table has `column`.
    public func has(_ column: String) -> Bool { index[column] != nil }

    /// Checks that every column in `columns` exists. - Throws: `InteropError` listing the missing ones.
    public func require(_ columns: [String]) throws {
        let missing = columns.filter { index[$0] == nil }
        if !missing.isEmpty {
            throw InteropError(source: source, message: "missing column(s): \(missing.joined(separator: ", "))")
        }
    }

    /// The value of `column` in record `record` (0-based), "" when absent.
    public func value(_ record: Int, _ column: String) -> String {
        guard let i = index[column], record < records.count, i < records[record].count else { return "" }
        return records[record][i]
    }

    /// 1-based file row of record `record` (the header is row 1).
    public func rowNumber(_ record: Int) -> Int { record + 2 }
}

/// A problem with an input file: which file, and what (with row and column where known).
public struct InteropError: Error, CustomStringConvertible, Sendable {
    public var source: String
    public var message: String
    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }
    public var description: String { "\(source): \(message)" }
}

extension CSVTable {
    /// Parses a field with `parse`, rethrowing as `InteropError` that names row and column.
    public func field<T>(_ record: Int, _ column: String, _ parse: (String) throws -> T) throws -> T {
        let text = value(record, column)
        do { return try parse(text) } catch {
            throw InteropError(source: source, message: "row \(rowNumber(record)), column \(column): \(error)")
        }
    }
}
