/// A forward reader of JSON text as UTF-8 bytes (RFC 8259 grammar), for `AuditJSONScan`: strings are returned as
/// byte ranges when free of escapes; a string with `\u` escapes, a control character or a bad escape is refused
/// (nil), so the caller falls back to Foundation's decoder.
struct JSONByteScanner {
    enum Text { case plain(Range<Int>), escaped }

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D
            || bytes[index] == 0x09
        {
            index += 1
        }
    }

    /// Skips white space and then `byte` if it comes next.
    mutating func eat(_ byte: UInt8) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func atEnd() -> Bool {
        skipSpace()
        return index == bytes.count
    }

    /// `true`, `false` or `null` (after white space already skipped).
    mutating func word(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let word = UnsafeBufferPointer(start: text.utf8Start, count: count)
        guard bytes[index..<index + count].elementsEqual(word) else { return false }
        index += count
        return true
    }

    /// A string literal: its content's range when it has no escapes, `.escaped` when it has simple ones.
    mutating func string() -> Text? {
        skipSpace()
        guard index < bytes.count, bytes[index] == 0x22 else { return nil }
        index += 1
        let start = index
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                let range = start..<index
                index += 1
                return escaped ? .escaped : .plain(range)
            }
            if byte < 0x20 { return nil }
            if byte == 0x5C {
                guard index + 1 < bytes.count else { return nil }
                switch bytes[index + 1] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: break  // " \ / b f n r t
                default: return nil  // \u (surrogates) and bad escapes: the decoder decides
                }
                escaped = true
                index += 2
                continue
            }
            index += 1
        }
        return nil
    }

    /// An integer without fraction or exponent that fits `Int64`.
    mutating func integer() -> Int64? {
        skipSpace()
        var negative = false
        if index < bytes.count, bytes[index] == 0x2D {
            negative = true
            index += 1
        }
        let start = index
        var value: Int64 = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int64(bytes[index] - 0x30))
            if o1 || o2 { return nil }
            value = sum
            index += 1
        }
        let digits = index - start
        guard digits > 0, !(digits > 1 && bytes[start] == 0x30) else { return nil }
        if index < bytes.count, bytes[index] == 0x2E || bytes[index] == 0x65 || bytes[index] == 0x45 { return nil }
        return negative ? -value : value
    }

    /// A number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    mutating func number() -> Bool {
        func digits(_ s: inout JSONByteScanner) -> Int {
            let start = s.index
            while s.index < s.bytes.count, s.bytes[s.index] >= 0x30, s.bytes[s.index] <= 0x39 { s.index += 1 }
            return s.index - start
        }
        if index < bytes.count, bytes[index] == 0x2D { index += 1 }
        let start = index
        let whole = digits(&self)
        guard whole > 0, !(whole > 1 && bytes[start] == 0x30) else { return false }
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            guard digits(&self) > 0 else { return false }
        }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            index += 1
            if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            guard digits(&self) > 0 else { return false }
        }
        return true
    }

    /// Skips one value of any kind; false when it is not well-formed.
    mutating func skipValue(depth: Int = 0) -> Bool {
        skipSpace()
        guard index < bytes.count, depth < 64 else { return false }
        switch bytes[index] {
        case 0x22:
            return string() != nil
        case 0x7B:
            index += 1
            if eat(0x7D) { return true }
            repeat {
                guard string() != nil, eat(0x3A), skipValue(depth: depth + 1) else { return false }
            } while eat(0x2C)
            return eat(0x7D)
        case 0x5B:
            index += 1
            if eat(0x5D) { return true }
            repeat {
                guard skipValue(depth: depth + 1) else { return false }
            } while eat(0x2C)
            return eat(0x5D)
        case 0x74: return word("true")
        case 0x66: return word("false")
        case 0x6E: return word("null")
        default: return number()
        }
    }
}
