/// An RFC 4180 record splitter fed text piece by piece (`RecordStream.decode`), keeping only the record being
/// read: quoted fields (`""` is a quote) may hold separators and line breaks and may span pieces. A record ends at
/// LF, CRLF or CR outside quotes; a quote inside an unquoted field is kept as text. The separator is one ASCII
/// character (comma, semicolon or tab), so the splitter works on UTF-8 bytes and never splits a character.
struct CSVTokenizer {
    let separator: UInt8
    private var field: [UInt8] = []
    private var record: [String] = []
    private var inQuotes = false
    /// A quote seen inside a quoted field: either the first of `""` or the closing quote.
    private var quoteSeen = false
    /// The current field began with a quote (so a later quote does not open another quoted section).
    private var quotedField = false
    private var pendingCR = false
    /// Whether the record being read has any byte yet (so a final line without a line break is still a record).
    private var started = false

    init(separator: Character) {
        self.separator = separator.asciiValue ?? UInt8(ascii: ",")
    }

    private mutating func endField() {
        record.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        quotedField = false
    }

    private mutating func endRecord(_ emit: ([String]) throws -> Void) rethrows {
        endField()
        let done = record
        record.removeAll(keepingCapacity: true)
        started = false
        try emit(done)
    }

    /// Splits `text`, calling `emit` with each record it completes.
    mutating func feed(_ text: String, _ emit: ([String]) throws -> Void) rethrows {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        for byte in text.utf8 {
            if pendingCR {
                pendingCR = false
                if byte == lf { continue }
            }
            if inQuotes {
                if quoteSeen {
                    quoteSeen = false
                    if byte == quote {
                        field.append(quote)
                        continue
                    }
                    inQuotes = false      // that quote closed the field; this byte is read as unquoted
                } else if byte == quote {
                    quoteSeen = true
                    continue
                } else {
                    field.append(byte)
                    continue
                }
            }
            started = true
            switch byte {
            case quote where field.isEmpty && !quotedField:
                inQuotes = true
                quotedField = true
            case separator:
                endField()
            case cr:
                try endRecord(emit)
                pendingCR = true
            case lf:
                try endRecord(emit)
            default:
                field.append(byte)
            }
        }
    }

    /// Ends the input: emits a last record without a line break. - Returns: false when a quoted field is open.
    mutating func finish(_ emit: ([String]) throws -> Void) rethrows -> Bool {
        if inQuotes && !quoteSeen { return false }
        if started || !field.isEmpty || !record.isEmpty || inQuotes { try endRecord(emit) }
        inQuotes = false
        quoteSeen = false
        return true
    }
}
