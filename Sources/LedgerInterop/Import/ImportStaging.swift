import Foundation

/// Where an import keeps its checked rows between the check (outside the write lock) and the write (issue 10):
/// a row buffer of at most `bufferCapacity` rows in memory; when it fills, the rows are appended to a private
/// temporary file (mode 0600, removed when the staging goes away) and the buffer starts again. So memory holds at
/// most `bufferCapacity` rows whatever the file's size, and the write phase reads the rows back chunk by chunk (two
/// chunks in memory at most: `forEachChunk`).
///
/// A staged row is its file row number, its cells as read (decoded to UTF-8, kept for the rejected-rows file) and,
/// for a sales row, the record the check made of them (`SalesImport.Row`, s31-import): the write phase posts that
/// record instead of checking the cells a second time. Other kinds' records are rebuilt from the cells by the same
/// check that accepted them.
public final class ImportStaging: @unchecked Sendable {
    /// Rows held in memory at most.
    public static let bufferCapacity = 4_096

    public struct Row: Sendable, Equatable {
        public var row: Int
        public var cells: [String]
        /// The checked sales record of the row (kind sales), nil for other kinds.
        public var sale: SalesImport.Row?

        public init(row: Int, cells: [String], sale: SalesImport.Row? = nil) {
            self.row = row
            self.cells = cells
            self.sale = sale
        }
    }

    fileprivate var buffer: [Row] = []
    fileprivate var spill: FileHandle?
    fileprivate var spillPath: String?
    /// Rows staged in all.
    public private(set) var count = 0
    /// Staged sales rows that are credit notes (an import of invoices only defers more indexes, s35-import).
    public private(set) var creditNoteRows = 0
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
        if row.sale?.isCreditNote == true { creditNoteRows += 1 }
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
        var bytes = StagedBytes()
        bytes.bytes.reserveCapacity(buffer.count * 96)
        for row in buffer { bytes.put(row) }
        do {
            try spill?.seekToEnd()
            try spill?.write(contentsOf: bytes.bytes)
        } catch {
            throw InteropError(source: spillPath ?? "staging",
                               message: "cannot write the import's staging file: \(error)")
        }
        spilledRows += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with the staged rows in order, at most `bufferCapacity` at a time. The next chunk is read back
    /// on a second thread while `body` works on this one (s33-import): at most two chunks are in memory (the one
    /// `body` has and the one being read). `body` must not append to the staging.
    public func forEachChunk(_ body: ([Row]) throws -> Void) throws {
        let chunks = ReaderThread<[Row]>(name: "import staging", capacity: 1) { [self] put in
            let reader = try Reader(self)
            var chunk: [Row] = []
            chunk.reserveCapacity(Self.bufferCapacity)
            while let row = try reader.next() {
                chunk.append(row)
                if chunk.count == Self.bufferCapacity {
                    try put(chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            if !chunk.isEmpty { try put(chunk) }
        }
        defer { chunks.close() }
        while let chunk = try chunks.next() { try body(chunk) }
    }

    /// Reads the staged rows back one at a time, in order (the spilled rows, then the buffer). One reader at a time
    /// per staging, and no `append` while it reads.
    public final class Reader {
        private let staging: ImportStaging
        private var remaining: Int
        private var pending = Data()
        private var offset = 0
        private var buffered = 0

        /// - Throws: `InteropError` when the staging file cannot be read.
        public init(_ staging: ImportStaging) throws {
            self.staging = staging
            remaining = staging.spilledRows
            do { try staging.spill?.seek(toOffset: 0) } catch {
                throw InteropError(source: staging.spillPath ?? "staging", message: "cannot read the staging file")
            }
        }

        /// The next row, nil after the last. - Throws: `InteropError` when the staging file is cut short.
        public func next() throws -> Row? {
            if remaining > 0, let spill = staging.spill {
                while true {
                    if let row = parse() {
                        remaining -= 1
                        if remaining == 0 { try spill.seekToEnd() }
                        return row
                    }
                    let more = try spill.read(upToCount: 1 << 20) ?? Data()
                    if more.isEmpty {
                        throw InteropError(source: staging.spillPath ?? "staging",
                                           message: "the import's staging file is cut short")
                    }
                    pending = pending.subdata(in: offset..<pending.count) + more
                    offset = 0
                }
            }
            guard buffered < staging.buffer.count else { return nil }
            buffered += 1
            return staging.buffer[buffered - 1]
        }

        /// One whole row from `pending`, or nil when the read cut it (it waits for the next read).
        private func parse() -> Row? {
            var cursor = StagedBytes.Cursor(data: pending, at: offset)
            guard let row = cursor.row() else { return nil }
            offset = cursor.at
            return row
        }
    }
}
