/// Turns raw input into events: the one place where control bytes, Escape, and bracketed paste
/// (`ESC [200~ … ESC [201~`) are decoded. Pure and synchronous, so it is tested without a terminal.
///
/// After an `ESC` the decoder waits (`isPending == true`); the backend then reads with a short
/// timeout and feeds `.timeout` when nothing followed, which yields a lone Escape with no lag
/// beyond that timeout.
public struct InputDecoder: Sendable {
    private var pending: [Unicode.Scalar] = []
    private var paste: [Unicode.Scalar]? = nil

    private static let pasteStart = Array("\u{1B}[200~".unicodeScalars)
    private static let pasteEnd = Array("\u{1B}[201~".unicodeScalars)

    public init() {}

    /// Whether an Escape sequence is partly read and more input (or a timeout) is awaited.
    public var isPending: Bool { !pending.isEmpty || paste != nil }

    /// Feeds one raw input and returns the events it completes (often zero or one).
    public mutating func feed(_ input: RawInput) -> [Event] {
        switch input {
        case .resize(let size):
            return flushPending() + [.resize(size)]
        case .key(let key):
            if paste != nil { return [] }
            return flushPending() + [.key(key)]
        case .timeout:
            if paste != nil { return [] }
            return flushPending()
        case .scalar(let scalar):
            return feed(scalar)
        }
    }

    private mutating func feed(_ scalar: Unicode.Scalar) -> [Event] {
        if paste != nil {
            // Appended in place (tryout s19: a copy per scalar made a 10,000-character paste take a minute).
            paste?.append(scalar)
            guard let text = paste, text.count >= Self.pasteEnd.count,
                  text[(text.count - Self.pasteEnd.count)...].elementsEqual(Self.pasteEnd) else { return [] }
            paste = nil
            return [.paste(String(String.UnicodeScalarView(text.dropLast(Self.pasteEnd.count))).replacingCRLF())]
        }
        if !pending.isEmpty {
            pending.append(scalar)
            if pending == Self.pasteStart {
                pending = []
                paste = []
                return []
            }
            if Self.pasteStart.starts(with: pending) { return [] }
            // Not a paste: ESC followed by something else — Escape, then the rest as typed.
            let rest = pending.dropFirst()
            pending = []
            var events: [Event] = [.key(.escape)]
            for s in rest { events += decodeSingle(s) }
            return events
        }
        if scalar.value == 0x1B {
            pending = [scalar]
            return []
        }
        return decodeSingle(scalar)
    }

    private mutating func flushPending() -> [Event] {
        guard !pending.isEmpty else { return [] }
        let rest = pending.dropFirst()
        pending = []
        var events: [Event] = [.key(.escape)]
        for s in rest { events += decodeSingle(s) }
        return events
    }

    /// Decodes a scalar that is not part of an escape sequence.
    public static func decode(_ scalar: Unicode.Scalar) -> Key? {
        switch scalar.value {
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x08, 0x7F: return .backspace
        case 0x1B: return .escape
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(scalar.value + 0x60) ?? "?"))
        case 0x00, 0x1C...0x1F, 0x80...0x9F: return nil
        default: return .char(Character(scalar))
        }
    }

    private func decodeSingle(_ scalar: Unicode.Scalar) -> [Event] {
        guard let key = Self.decode(scalar) else { return [] }
        return [.key(key)]
    }
}

extension String {
    /// CR LF and lone CR become LF.
    func replacingCRLF() -> String {
        var out = ""
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" { out.unicodeScalars.append("\n"); previousCR = true; continue }
            if scalar == "\n", previousCR { previousCR = false; continue }
            previousCR = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
