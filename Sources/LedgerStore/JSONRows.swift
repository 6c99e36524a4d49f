import LedgerCore

/// Rows of values as one JSON text, `[[v, …], …]`, bound as one argument of a set-based statement that reads them
/// with `json_each(?)` and `value ->> n` (issue 10: a chunk's documents and lines in one statement each, instead of
/// one bound statement per row). Integers as numbers, texts quoted, nil as `null`.
struct JSONRows {
    private var bytes: [UInt8] = [91]
    private(set) var count = 0
    private var fresh = true

    /// One row per text, each of one value (`[["a"],["b"]]`): a list read with `value ->> 0`.
    init(column values: [String]) {
        for value in values {
            row()
            add(value)
        }
    }

    init() {}

    /// Starts a row; its values follow.
    mutating func row() {
        if count > 0 { bytes.append(contentsOf: [93, 44]) }
        bytes.append(91)
        count += 1
        fresh = true
    }

    mutating func add<T: BinaryInteger>(_ value: T?) {
        separate()
        guard let value else { return bytes.append(contentsOf: [110, 117, 108, 108]) }
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func add(_ value: String?) {
        separate()
        guard let value else { return bytes.append(contentsOf: [110, 117, 108, 108]) }
        CompactJSONEncoder.quote(value, into: &bytes)
    }

    /// The JSON text: `[]` when no row was started.
    var text: String {
        String(decoding: count > 0 ? bytes + [93, 93] : bytes + [93], as: UTF8.self)
    }

    private mutating func separate() {
        if !fresh { bytes.append(44) }
        fresh = false
    }
}
