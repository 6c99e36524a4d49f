import CZlib

/// zlib (RFC 1950/1951 deflate) for the payload of bulk audit entries. Blob layout: one method byte (0 stored,
/// 1 zlib), the uncompressed length as an unsigned LEB128 varint, then the bytes. Stored when deflate does not
/// make it smaller.
enum Deflate {
    static func pack(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        var bound = compressBound(uLong(input.count))
        var packed = [UInt8](repeating: 0, count: Int(bound))
        let status = input.withUnsafeBufferPointer { source in
            packed.withUnsafeMutableBufferPointer { target in
                compress2(target.baseAddress, &bound, source.baseAddress, uLong(input.count), level)
            }
        }
        let deflated = status == Z_OK && Int(bound) < input.count
        var blob: [UInt8] = [deflated ? 1 : 0]
        var length = UInt64(input.count)
        repeat {
            let low = UInt8(length & 0x7f)
            length >>= 7
            blob.append(length == 0 ? low : low | 0x80)
        } while length != 0
        blob.append(contentsOf: deflated ? packed[0..<Int(bound)] : input[...])
        return blob
    }

    /// The bytes of a blob written by `pack`, or nil when it is not one (damaged or another layout).
    static func unpack(_ blob: [UInt8]) -> [UInt8]? {
        guard let method = blob.first, method <= 1 else { return nil }
        var i = 1
        var length: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard i < blob.count, shift < 64 else { return nil }
            length |= UInt64(blob[i] & 0x7f) << shift
            shift += 7
            i += 1
            if blob[i - 1] & 0x80 == 0 { break }
        }
        guard length <= 1 << 31 else { return nil }
        if method == 0 { return blob.count - i == Int(length) ? Array(blob[i...]) : nil }
        var out = [UInt8](repeating: 0, count: Int(length))
        var outLength = uLong(length)
        let status = blob.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                uncompress(target.baseAddress, &outLength, source.baseAddress! + i, uLong(blob.count - i))
            }
        }
        return status == Z_OK && outLength == uLong(length) ? out : nil
    }
}
