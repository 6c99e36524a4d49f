import Crypto
import Foundation

/// The bytes of an import file, read in chunks of `RecordStream.chunkBytes` (64 KiB): a file on disk is never
/// read whole, so a 1M-row file needs one chunk, one partial line and one record in memory, not the file.
enum ByteOrigin: Sendable {
    case data(Data)
    case file(String)

    /// Calls `body` with each chunk in file order. - Throws: `InteropError` when the file cannot be read.
    func forEachChunk(source: String, _ body: (Data) throws -> Void) throws {
        switch self {
        case .data(let data):
            var start = data.startIndex
            while start < data.endIndex {
                let end = min(start + RecordStream.chunkBytes, data.endIndex)
                try body(data.subdata(in: start..<end))
                start = end
            }
        case .file(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw InteropError(source: source, message: "cannot read the file")
            }
            defer { try? handle.close() }
            while true {
                let chunk: Data
                do { chunk = try handle.read(upToCount: RecordStream.chunkBytes) ?? Data() } catch {
                    throw InteropError(source: source, message: "cannot read the file (\(error))")
                }
                if chunk.isEmpty { break }
                try body(chunk)
            }
        }
    }

    /// The first `count` bytes (for the error message of a mixed-encoding file).
    func prefix(_ count: Int, source: String) throws -> Data {
        var out = Data()
        try forEachChunk(source: source) { chunk in
            guard out.count < count else { return }
            out.append(chunk.prefix(count - out.count))
        }
        return out
    }
}

/// Streaming decode of a delimited file (issue 15: "a 1M-row file never needs to fit in memory").
///
/// Pass 1 (`scan`) reads every byte once in chunks: the SHA-256 fingerprint, the byte count and the encoding, by
/// the same rule as `TextDecoding` (UTF-8 when every byte is valid, an error naming row and column when a mostly
/// UTF-8 file has bad bytes, GB18030 otherwise; UTF-16 by its BOM). Pass 2 (`decode`) decodes chunk by chunk, each
/// cut after its last line feed — in UTF-8 and GB18030 the byte 0x0A is never part of a multi-byte character, and
/// in UTF-16 the cut is at a whole LF code unit — so no character is ever split.
enum RecordStream {
    /// Bytes read at a time.
    static let chunkBytes = 64 * 1024

    struct Scan: Sendable {
        var encoding: TextEncoding
        var fingerprint: String
        var byteCount: Int
    }

    static func scan(_ origin: ByteOrigin, source: String) throws -> Scan {
        var hasher = SHA256()
        var total = 0
        var head = Data()
        var carry: [UInt8] = []
        var valid = 0, invalid = 0
        var firstInvalid: Int?
        var base = 0
        var utf16 = false
        try origin.forEachChunk(source: source) { chunk in
            hasher.update(data: chunk)
            if total == 0 {
                head = chunk.prefix(3)
                utf16 = chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF])
            }
            total += chunk.count
            guard !utf16 else { return }
            var bytes = carry + [UInt8](chunk)
            if total == chunk.count && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            // Scan up to the last ASCII byte; a multi-byte sequence cut by the chunk waits for the next one.
            let cut = (bytes.lastIndex { $0 < 0x80 }).map { $0 + 1 } ?? 0
            let part = TextDecoding.scan(Array(bytes[..<cut]))
            valid += part.validBytes
            invalid += part.invalidBytes
            if firstInvalid == nil, let f = part.firstInvalid { firstInvalid = base + f }
            base += cut
            carry = Array(bytes[cut...])
        }
        if !carry.isEmpty {
            let part = TextDecoding.scan(carry)
            valid += part.validBytes
            invalid += part.invalidBytes
            if firstInvalid == nil, let f = part.firstInvalid { firstInvalid = base + f }
        }
        let fingerprint = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        let encoding: TextEncoding
        if utf16 {
            encoding = head.first == 0xFF ? .utf16LE : .utf16BE
        } else if invalid == 0 {
            encoding = head.starts(with: [0xEF, 0xBB, 0xBF]) ? .utf8BOM : .utf8
        } else if valid > invalid, let offset = firstInvalid {
            // Worded as the in-memory decoder words it (row, column, header name), from the bytes up to the bad one.
            let bom = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let prefix = [UInt8](try origin.prefix(bom + offset + 1, source: source)).dropFirst(bom)
            throw TextDecoding.mixedEncoding(Array(prefix), offset: offset, source: source)
        } else {
            encoding = .gb18030
        }
        return Scan(encoding: encoding, fingerprint: fingerprint, byteCount: total)
    }

    /// Calls `body` with the text of whole lines, chunk by chunk, and the bytes read so far.
    /// - Throws: `InteropError` for bytes that are not valid in `encoding`, or what `body` throws.
    static func decode(_ origin: ByteOrigin, encoding: TextEncoding, source: String,
                       _ body: (String, Int) throws -> Void) throws {
        var carry = Data()
        var read = 0
        var first = true
        func text(_ bytes: Data) throws -> String {
            switch encoding {
            case .utf8, .utf8BOM: return String(decoding: bytes, as: UTF8.self)
            case .gb18030:
                guard let t = String(data: bytes, encoding: TextEncoding.gb18030Encoding) else {
                    throw InteropError(source: source, message: "text is neither UTF-8 nor GB18030")
                }
                return t
            case .utf16LE, .utf16BE:
                guard let t = String(data: bytes, encoding: encoding == .utf16LE ? .utf16LittleEndian : .utf16BigEndian)
                else { throw InteropError(source: source, message: "text is not valid UTF-16") }
                return t
            }
        }
        func lastLineEnd(_ bytes: Data) -> Int? {
            switch encoding {
            case .utf16LE, .utf16BE:
                var i = bytes.count - 2
                if i % 2 != 0 { i -= 1 }
                while i >= 0 {
                    let a = bytes[bytes.startIndex + i], b = bytes[bytes.startIndex + i + 1]
                    if (encoding == .utf16LE && a == 0x0A && b == 0) || (encoding == .utf16BE && a == 0 && b == 0x0A) {
                        return i + 2
                    }
                    i -= 2
                }
                return nil
            default:
                return bytes.lastIndex(of: 0x0A).map { $0 - bytes.startIndex + 1 }
            }
        }
        try origin.forEachChunk(source: source) { chunk in
            read += chunk.count
            var bytes = carry
            bytes.append(chunk)
            if first {
                first = false
                let bom = encoding == .utf8BOM ? 3 : (encoding == .utf16LE || encoding == .utf16BE ? 2 : 0)
                bytes = bytes.subdata(in: bytes.startIndex + min(bom, bytes.count)..<bytes.endIndex)
            }
            guard let cut = lastLineEnd(bytes) else {
                carry = bytes
                return
            }
            let whole = bytes.subdata(in: bytes.startIndex..<bytes.startIndex + cut)
            carry = bytes.subdata(in: bytes.startIndex + cut..<bytes.endIndex)
            try body(try text(whole), read)
        }
        if !carry.isEmpty { try body(try text(carry), read) }
    }
}
