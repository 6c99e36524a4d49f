import Foundation

/// Where an import keeps its checked rows between the check (outside the write lock) and the write (issue 10):
/// a row buffer of at most `bufferCapacity` rows in memory; when it fills, the rows are appended to a private
/// temporary file (mode 0600, removed when the staging goes away) and the buffer starts again. So memory holds at
/// most `bufferCapacity` rows whatever the file's size, and the write phase reads the rows back chunk by chunk.
///
/// A staged row is its file row number and its cells as read (decoded to UTF-8); the record is rebuilt from the
/// cells by the same check that accepted it, so the staging keeps no second copy of the rules.
public final class ImportStaging: @unchecked Sendable {
    /// Rows held in memory at most.
    public static let bufferCapacity = 4_096

    public struct Row: Sendable, Equatable {
        public var row: Int
        public var cells: [String]
    }

    private var buffer: [Row] = []
    private var spill: FileHandle?
    private var spillPath: String?
    /// Rows staged in all.
    public private(set) var count = 0
    /// Rows written to the temporary file.
    public private(set) var spilledRows = 0
    /// The most rows the buffer ever held (never more than `bufferCapacity`).
    public private(set) var peakBufferedRows = 0

    public init() {}

    deinit {
        try? spill?.close()
        if let spillPath { unlink(spillPath) }
    }

    /// Stages one row. - Throws: `InteropError` when the temporary file cannot be written (disk full).
    public func append(_ row: Row) throws {
        buffer.append(row)
        count += 1
        peakBufferedRows = max(peakBufferedRows, buffer.count)
        if buffer.count >= Self.bufferCapacity { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        if spill == nil {
            let path = NSTemporaryDirectory() + "/salesledger-import-\(getpid())-\(UUID().uuidString).stage"
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
                  let handle = FileHandle(forUpdatingAtPath: path) else {
                throw InteropError(source: path, message: "cannot create the import's staging file")
            }
            spill = handle
            spillPath = path
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(buffer.count * 64)
        func put(_ value: Int) { withUnsafeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian) { bytes += $0 } }
        for row in buffer {
            put(row.row)
            put(row.cells.count)
            for cell in row.cells {
                put(cell.utf8.count)
                bytes += cell.utf8
            }
        }
        do {
            try spill?.seekToEnd()
            try spill?.write(contentsOf: bytes)
        } catch {
            throw InteropError(source: spillPath ?? "staging", message: "cannot write the import's staging file: \(error)")
        }
        spilledRows += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with the staged rows in order, at most `bufferCapacity` at a time.
    public func forEachChunk(_ body: ([Row]) throws -> Void) throws {
        if let spill {
            try spill.seek(toOffset: 0)
            var pending = Data()
            var chunk: [Row] = []
            var remaining = spilledRows
            while remaining > 0 {
                let more = try spill.read(upToCount: 1 << 20) ?? Data()
                pending.append(more)
                var offset = pending.startIndex
                let before = remaining
                func int() -> Int? {
                    guard pending.endIndex - offset >= 4 else { return nil }
                    var v: UInt32 = 0
                    withUnsafeMutableBytes(of: &v) { $0.copyBytes(from: pending[offset..<offset + 4]) }
                    offset += 4
                    return Int(UInt32(littleEndian: v))
                }
                // Whole rows only; a row cut by the read waits for the next read.
                while remaining > 0 {
                    let start = offset
                    guard let row = int(), let n = int() else { offset = start; break }
                    var cells: [String] = []
                    var complete = true
                    for _ in 0..<n {
                        guard let length = int(), pending.endIndex - offset >= length else { complete = false; break }
                        cells.append(String(decoding: pending[offset..<offset + length], as: UTF8.self))
                        offset += length
                    }
                    guard complete else { offset = start; break }
                    chunk.append(Row(row: row, cells: cells))
                    remaining -= 1
                    if chunk.count == Self.bufferCapacity {
                        try body(chunk)
                        chunk.removeAll(keepingCapacity: true)
                    }
                }
                pending = pending.subdata(in: offset..<pending.endIndex)
                if more.isEmpty && before == remaining {
                    throw InteropError(source: spillPath ?? "staging", message: "the import's staging file is cut short")
                }
            }
            if !chunk.isEmpty { try body(chunk) }
            try spill.seekToEnd()
        }
        if !buffer.isEmpty { try body(buffer) }
    }
}
