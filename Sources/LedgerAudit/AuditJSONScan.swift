import Foundation
import LedgerCore

/// Light readings of an audit entry's JSON for the process metrics (issue 10): the changes as (entity, id, is a
/// creation) and one top-level payload field, read straight from the UTF-8 bytes for the shapes the ledger writes.
/// Whatever the quick reading does not fully understand (escapes in the wanted text, other keys, odd numbers) goes
/// through `AuditFormat.changes(of:)` and `AuditFormat.payloadField` (Foundation's decoders), so both give the same
/// answers: the quick path only accepts well-formed JSON.
enum AuditJSONScan {
    struct Change: Equatable {
        var entity: String
        var id: Int64
        /// `before == nil`: the record was created by the entry.
        var isCreation: Bool
    }

    /// The entry's changes.
    static func changes(_ entry: AuditLogEntry) -> [Change] {
        if let quick = quickChanges(entry.changes) { return quick }
        return AuditFormat.changes(of: entry).map { Change(entity: $0.entity, id: $0.id, isCreation: $0.before == nil) }
    }

    /// A top-level payload field that is a string, as `AuditFormat.payloadField(entry, name) as? String`.
    static func stringField(_ entry: AuditLogEntry, _ name: String) -> String? {
        switch quickField(entry.payload, name) {
        case .absent?: return nil
        case .string(let text)?: return text
        default: return AuditFormat.payloadField(entry, name) as? String
        }
    }

    /// Whether a top-level payload field is `true`, as `(AuditFormat.payloadField(entry, name) as? Bool) == true`.
    static func isTrue(_ entry: AuditLogEntry, _ name: String) -> Bool {
        switch quickField(entry.payload, name) {
        case .absent?: return false
        case .bool(let value)?: return value
        default: return (AuditFormat.payloadField(entry, name) as? Bool) == true
        }
    }

    enum FieldValue: Equatable { case absent, string(String), bool(Bool), other }

    /// The field of a JSON object, or nil when the quick reading cannot tell (not an object, malformed, escapes
    /// in a key or the value, the key twice).
    static func quickField(_ payload: String, _ name: String) -> FieldValue? {
        var text = payload
        let wanted = Array(name.utf8)
        return text.withUTF8 { buffer -> FieldValue? in
            var s = JSONByteScanner(bytes: buffer)
            guard s.eat(0x7B) else { return nil }
            var found: FieldValue = .absent
            if s.eat(0x7D) { return s.atEnd() ? found : nil }
            repeat {
                guard case .plain(let key)? = s.string(), s.eat(0x3A) else { return nil }
                if buffer[key].elementsEqual(wanted) {
                    guard found == .absent else { return nil }
                    s.skipSpace()
                    if s.word("true") {
                        found = .bool(true)
                    } else if s.word("false") {
                        found = .bool(false)
                    } else if s.index < buffer.count, buffer[s.index] == 0x22 {
                        guard let value = s.string() else { return nil }
                        if case .plain(let range) = value {
                            found = .string(String(decoding: buffer[range], as: UTF8.self))
                        } else {
                            found = .other
                        }
                    } else {
                        guard s.skipValue() else { return nil }
                        found = .other
                    }
                } else {
                    guard s.skipValue() else { return nil }
                }
            } while s.eat(0x2C)
            guard s.eat(0x7D), s.atEnd() else { return nil }
            return found
        }
    }

    /// The keys of a change, by bit (1, 2, 4, 8).
    private static let changeKeys = [Array("entity".utf8), Array("id".utf8), Array("before".utf8), Array("after".utf8)]

    /// The index in `changeKeys` of a key's bytes, or nil: told apart by length and first byte before the bytes
    /// are compared (s31-audit: a search through the four keys for every key was half of this reading).
    private static func changeKeyIndex(_ key: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        let index: Int
        switch (key.count, key.first) {
        case (6, 0x65): index = 0   // entity
        case (2, 0x69): index = 1   // id
        case (6, 0x62): index = 2   // before
        case (5, 0x61): index = 3   // after
        default: return nil
        }
        return key.elementsEqual(changeKeys[index]) ? index : nil
    }

    /// `[{"after":…,"before":…,"entity":"…","id":N},…]` with string or null `after`/`before`; nil for anything
    /// else (other keys, a key twice, escapes in the entity, a fractional id).
    static func quickChanges(_ changes: String) -> [Change]? {
        var text = changes
        return text.withUTF8 { buffer -> [Change]? in
            var s = JSONByteScanner(bytes: buffer)
            guard s.eat(0x5B) else { return nil }
            var out: [Change] = []
            if s.eat(0x5D) { return s.atEnd() ? out : nil }
            repeat {
                guard s.eat(0x7B) else { return nil }
                var entity: String?
                var id: Int64?
                var hasBefore = false
                var seen: UInt8 = 0
                repeat {
                    guard case .plain(let key)? = s.string(), s.eat(0x3A) else { return nil }
                    guard let index = changeKeyIndex(buffer[key]) else { return nil }
                    let bit = UInt8(1) << UInt8(index)
                    guard seen & bit == 0 else { return nil }
                    seen |= bit
                    switch bit {
                    case 1:
                        guard case .plain(let range)? = s.string() else { return nil }
                        entity = String(decoding: buffer[range], as: UTF8.self)
                    case 2:
                        guard let value = s.integer() else { return nil }
                        id = value
                    default:
                        s.skipSpace()
                        if !s.word("null") {
                            guard s.string() != nil else { return nil }
                            if bit == 4 { hasBefore = true }
                        }
                    }
                } while s.eat(0x2C)
                guard s.eat(0x7D), let entity, let id else { return nil }
                out.append(Change(entity: entity, id: id, isCreation: !hasBefore))
            } while s.eat(0x2C)
            guard s.eat(0x5D), s.atEnd() else { return nil }
            return out
        }
    }
}
