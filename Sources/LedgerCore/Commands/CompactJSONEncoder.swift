/// Compact canonical JSON for audit payloads (issue 10): sorted keys, no whitespace, slashes and non-ASCII text
/// unescaped, and — unless `keepDefaults` — members whose value is null, false, an empty string, an empty array or
/// an empty object left out (a reader takes an absent member as that default), a `Rate` written as its basis
/// points, a `Quantity` as its thousandths and a `Money` as `"<minor units> <currency>"` (e.g. `"52206 CNY"`). Numbers
/// are kept as given, so
/// 0 and an absent optional stay different. Faster than Foundation's `JSONEncoder` on the bulk paths because it
/// builds no `Data` and sorts only the keys of each object.
public struct CompactJSONEncoder {
    public var keepDefaults: Bool
    public init(keepDefaults: Bool = false) { self.keepDefaults = keepDefaults }

    /// The JSON text of `value`, or nil when its `encode(to:)` throws.
    public func encode<T: Encodable>(_ value: T) -> String? {
        let root = JSONNodeBox()
        let encoder = NodeEncoder(box: root, codingPath: [], compact: !keepDefaults)
        do { try value.encode(to: encoder) } catch { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(256)
        if !write(root, into: &out) { out.append(contentsOf: Array("{}".utf8)) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the node; returns false (appending nothing) when it is a default that is left out.
    private func write(_ box: JSONNodeBox, into out: inout [UInt8]) -> Bool {
        switch box.node {
        case .null:
            guard keepDefaults else { return false }
            out.append(contentsOf: [110, 117, 108, 108])
        case .bool(let b):
            guard b || keepDefaults else { return false }
            out.append(contentsOf: Array((b ? "true" : "false").utf8))
        case .number(let text):
            out.append(contentsOf: Array(text.utf8))
        case .string(let s):
            guard !s.isEmpty || keepDefaults else { return false }
            Self.quote(s, into: &out)
        case .array(let items):
            let mark = out.count
            out.append(91)
            var first = true
            for item in items {
                if !first { out.append(44) }
                // Array elements keep their place: a left-out default is written as such.
                if !write(item, into: &out) { Self.writeDefault(item, into: &out) }
                first = false
            }
            if first && !keepDefaults { out.removeSubrange(mark...); return false }
            out.append(93)
        case .object(let members):
            let mark = out.count
            out.append(123)
            var first = true
            for (key, value) in members.sorted(by: { $0.key < $1.key }) {
                let before = out.count
                if !first { out.append(44) }
                Self.quote(key, into: &out)
                out.append(58)
                if write(value, into: &out) { first = false } else { out.removeSubrange(before...) }
            }
            if first && !keepDefaults { out.removeSubrange(mark...); return false }
            out.append(125)
        }
        return true
    }

    private static func writeDefault(_ box: JSONNodeBox, into out: inout [UInt8]) {
        switch box.node {
        case .null: out.append(contentsOf: Array("null".utf8))
        case .bool: out.append(contentsOf: Array("false".utf8))
        case .string: out.append(contentsOf: [34, 34])
        case .array: out.append(contentsOf: [91, 93])
        default: out.append(contentsOf: [123, 125])
        }
    }

    /// Appends `s` as a JSON string: quote, backslash, line feed, carriage return and tab escaped by their short
    /// forms, other bytes below 0x20 as `\u00XX`, everything else (non-ASCII text too) as its UTF-8 bytes.
    public static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(34)
        var text = s
        let clean = text.withUTF8 { bytes -> Bool in
            // Nearly every text needs no escape: found by one pass over its bytes and copied at once (s32-import:
            // the loop below, a byte at a time, was most of a bulk payload's cost).
            guard let base = bytes.baseAddress else { return true }
            var i = 0
            while i < bytes.count {
                let byte = base[i]
                if byte < 32 || byte == 34 || byte == 92 { return false }
                i += 1
            }
            out.append(contentsOf: bytes)
            return true
        }
        if clean {
            out.append(34)
            return
        }
        for byte in s.utf8 {
            switch byte {
            case 34: out.append(contentsOf: [92, 34])
            case 92: out.append(contentsOf: [92, 92])
            case 10: out.append(contentsOf: [92, 110])
            case 13: out.append(contentsOf: [92, 114])
            case 9: out.append(contentsOf: [92, 116])
            case 0..<32:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [92, 117, 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: out.append(byte)
            }
        }
        out.append(34)
    }
}

/// A JSON value under construction (a reference, so nested containers can fill it in later).
final class JSONNodeBox {
    enum Node {
        case null, bool(Bool), number(String), string(String), array([JSONNodeBox]), object([String: JSONNodeBox])
    }
    var node: Node = .object([:])
}

private struct NodeEncoder: Encoder {
    let box: JSONNodeBox
    var codingPath: [any CodingKey]
    let compact: Bool
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = box.node {} else { box.node = .object([:]) }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(box: box, codingPath: codingPath, compact: compact))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        box.node = .array([])
        return UnkeyedNodeContainer(box: box, codingPath: codingPath, compact: compact)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(box: box, codingPath: codingPath, compact: compact)
    }
}

private func scalar<T: Encodable>(_ value: T, path: [any CodingKey], compact: Bool) throws -> JSONNodeBox {
    let box = JSONNodeBox()
    if compact {
        switch value {
        case let v as Money:
            box.node = .string("\(v.minorUnits) \(v.currency.code)")
            return box
        case let v as Rate:
            box.node = .number(String(v.basisPoints))
            return box
        case let v as Quantity:
            box.node = .number(String(v.thousandths))
            return box
        default: break
        }
    }
    switch value {
    case let v as String: box.node = .string(v)
    case let v as Bool: box.node = .bool(v)
    case let v as Int: box.node = .number(String(v))
    case let v as Int64: box.node = .number(String(v))
    case let v as Int32: box.node = .number(String(v))
    case let v as UInt64: box.node = .number(String(v))
    case let v as UInt: box.node = .number(String(v))
    case let v as Double: box.node = .number(v.isFinite ? "\(v)" : "null")
    default: try value.encode(to: NodeEncoder(box: box, codingPath: path, compact: compact))
    }
    return box
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONNodeBox
    var codingPath: [any CodingKey]
    let compact: Bool

    private func set(_ key: Key, _ child: JSONNodeBox) {
        guard case .object(var members) = box.node else { return }
        members[key.stringValue] = child
        box.node = .object(members)
    }

    mutating func encodeNil(forKey key: Key) throws {
        let child = JSONNodeBox()
        child.node = .null
        set(key, child)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(key, try scalar(value, path: codingPath + [key], compact: compact))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = JSONNodeBox()
        set(key, child)
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(box: child, codingPath: codingPath + [key],
                                                                    compact: compact))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = JSONNodeBox()
        child.node = .array([])
        set(key, child)
        return UnkeyedNodeContainer(box: child, codingPath: codingPath + [key], compact: compact)
    }

    mutating func superEncoder() -> any Encoder {
        let child = JSONNodeBox()
        guard case .object(var members) = box.node else { return NodeEncoder(box: child, codingPath: codingPath,
                                                                             compact: compact) }
        members["super"] = child
        box.node = .object(members)
        return NodeEncoder(box: child, codingPath: codingPath, compact: compact)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = JSONNodeBox()
        set(key, child)
        return NodeEncoder(box: child, codingPath: codingPath + [key], compact: compact)
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let box: JSONNodeBox
    var codingPath: [any CodingKey]
    let compact: Bool
    var count: Int {
        if case .array(let items) = box.node { return items.count }
        return 0
    }

    private func append(_ child: JSONNodeBox) {
        guard case .array(var items) = box.node else { return }
        items.append(child)
        box.node = .array(items)
    }

    mutating func encodeNil() throws {
        let child = JSONNodeBox()
        child.node = .null
        append(child)
    }

    mutating func encode<T: Encodable>(_ value: T) throws { append(try scalar(value, path: codingPath,
                                                                              compact: compact)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = JSONNodeBox()
        append(child)
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(box: child, codingPath: codingPath,
                                                                    compact: compact))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = JSONNodeBox()
        child.node = .array([])
        append(child)
        return UnkeyedNodeContainer(box: child, codingPath: codingPath, compact: compact)
    }

    mutating func superEncoder() -> any Encoder {
        let child = JSONNodeBox()
        append(child)
        return NodeEncoder(box: child, codingPath: codingPath, compact: compact)
    }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let box: JSONNodeBox
    var codingPath: [any CodingKey]
    let compact: Bool
    mutating func encodeNil() throws { box.node = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { box.node = try scalar(value, path: codingPath,
                                                                                  compact: compact).node }
}
