import Foundation

/// The rejected rows of an import, in row order, bounded in memory (issue 15): every row goes to an
/// `ImportStaging` (at most `ImportStaging.bufferCapacity` rows in memory, the rest in a private temporary file),
/// and the first `keptInMemory` rows stay at hand for reports. The rejected-rows CSV streams all of them.
///
/// As a `Sequence` it reads every row into memory: for small files and tests; large outputs use `forEach`.
public final class RejectedRows: Sequence, @unchecked Sendable {
    /// Rows kept in memory for reports (their problems are what a report lists).
    public static let keptInMemory = 100

    private let staging = ImportStaging()
    /// The first `keptInMemory` rows.
    public private(set) var first: [DataImport.Rejected] = []
    public var count: Int { staging.count }
    public var isEmpty: Bool { staging.count == 0 }
    /// Rows written to the temporary file / the most held in the staging's buffer (tests of the bound).
    public var spilledRows: Int { staging.spilledRows }
    public var peakBufferedRows: Int { staging.peakBufferedRows }

    public init() {}

    /// Adds a row; rows must come in row order for `merged` to keep that order.
    /// - Throws: `InteropError` when the temporary file cannot be written.
    public func append(_ rejected: DataImport.Rejected) throws {
        if first.count < Self.keptInMemory { first.append(rejected) }
        var cells = [String(rejected.problems.count)]
        for p in rejected.problems { cells += [String(p.row), p.column, p.message] }
        try staging.append(ImportStaging.Row(row: rejected.row, cells: cells + rejected.cells))
    }

    /// One of the first `keptInMemory` rows.
    public subscript(index: Int) -> DataImport.Rejected { first[index] }

    /// The problems of the first `limit` rows (at most `keptInMemory`).
    public func problems(limit: Int = RejectedRows.keptInMemory) -> [ImportProblem] {
        first.prefix(limit).flatMap(\.problems)
    }

    /// Calls `body` with every row, in order, reading the temporary file as it goes.
    public func forEach(_ body: (DataImport.Rejected) throws -> Void) throws {
        let reader = try ImportStaging.Reader(staging)
        while let row = try reader.next() { try body(Self.decode(row)) }
    }

    public func makeIterator() -> IndexingIterator<[DataImport.Rejected]> {
        var all: [DataImport.Rejected] = []
        try? forEach { all.append($0) }
        return all.makeIterator()
    }

    /// The rows of `self` that pass `isIncluded`, in order. - Throws: `InteropError` (temporary file).
    public func filtered(_ isIncluded: (DataImport.Rejected) throws -> Bool) throws -> RejectedRows {
        let out = RejectedRows()
        try forEach { if try isIncluded($0) { try out.append($0) } }
        return out
    }

    /// The rows of `a` and `b` (each in row order) in one row order. - Throws: `InteropError` (temporary file).
    public static func merged(_ a: RejectedRows, _ b: RejectedRows) throws -> RejectedRows {
        if b.isEmpty { return a }
        if a.isEmpty { return b }
        let out = RejectedRows()
        let left = try ImportStaging.Reader(a.staging), right = try ImportStaging.Reader(b.staging)
        var l = try left.next(), r = try right.next()
        while l != nil || r != nil {
            if let x = l, r == nil || x.row <= r!.row {
                try out.append(decode(x))
                l = try left.next()
            } else if let y = r {
                try out.append(decode(y))
                r = try right.next()
            }
        }
        return out
    }

    static func decode(_ row: ImportStaging.Row) -> DataImport.Rejected {
        let n = Int(row.cells.first ?? "") ?? 0
        var problems: [ImportProblem] = []
        for i in 0..<n {
            let base = 1 + i * 3
            problems.append(ImportProblem(row: Int(row.cells[base]) ?? row.row, column: row.cells[base + 1],
                                          message: row.cells[base + 2]))
        }
        return DataImport.Rejected(row: row.row, cells: Array(row.cells.dropFirst(1 + n * 3)), problems: problems)
    }
}
