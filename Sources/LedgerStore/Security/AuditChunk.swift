import Crypto
import Foundation
import GRDB
import LedgerCore

/// Bulk audit entries (issue 10, entry formats 4 and 5): one entry for a chunk of a bulk load's commands.
///
/// The entry's `command` is `bulk`, its `outcome` a one-line summary, `changes` empty; its `payload` is a BLOB,
/// `Deflate.pack` of the chunk's lines, one per command in order:
/// `command TAB payload-JSON TAB changes-JSON TAB outcome LF` (JSON never holds a raw tab or line feed; the outcome
/// has `\`, tab and line feed escaped as `\\`, `\t`, `\n`). The hash is the compact one (`AuditChain.compactHash`)
/// over the stored blob, so any edit of a line — or of the blob — breaks it; the seal blob seals every record the
/// chunk wrote, exactly as a single command's entry does.
enum AuditChunk {
    static let command = "bulk"

    /// Appends `entries` as one bulk entry (timestamp of the last, actor and business date of the first).
    /// The lines are built and deflated on another thread while this one reads the chunk's seals back through `db`
    /// (s33-import): the two do not depend on each other, and both must be done before the entry is hashed.
    static func append(_ entries: [AuditDraft], db: Database, key: SymmetricKey?) throws {
        guard let first = entries.first, let last = entries.last else { return }
        let packing = BackgroundWork { packed(entries) }
        let previous: [UInt8], seals: [UInt8]
        do {
            previous = try AuditAppender.lastHashBytes(db)
            seals = try AuditAppender.pendingSeals(db)
        } catch {
            _ = packing.wait()
            throw error
        }
        let (payload, outcome) = packing.wait()
        let hash = AuditChain.compactHash(previous: previous, timestamp: last.timestampUTC, actor: first.actor,
                                          command: command, payload: payload, changes: "", outcome: outcome,
                                          businessDate: first.businessDate, seals: seals, key: key)
        try db.cachedStatement(sql: """
            INSERT INTO audit_log (timestamp_utc, actor, command, payload, changes, outcome, prev_hash, hash,
                                   business_date, seals, entry_format)
            VALUES (?,?,?,?,'',?,X'',?,?,?,?)
            """).execute(arguments: [last.timestampUTC, first.actor, command, Data(payload), outcome, Data(hash),
                                     first.businessDate, Data(seals),
                                     key == nil ? AuditEntryFormat.bulk : AuditEntryFormat.bulkKeyed])
    }

    /// The entry's payload blob (`Deflate.pack` of one line per command) and its one-line outcome summary.
    static func packed(_ entries: [AuditDraft]) -> (payload: [UInt8], outcome: String) {
        var text: [UInt8] = []
        text.reserveCapacity(entries.count * 320)
        var counts: [String: Int] = [:]
        for entry in entries {
            text.append(contentsOf: entry.command.utf8)
            text.append(9)
            text.append(contentsOf: entry.payload.utf8)
            text.append(9)
            text.append(contentsOf: AuditChangesJSON.encode(entry.changes).utf8)
            text.append(9)
            text.append(contentsOf: escape(entry.outcome).utf8)
            text.append(10)
            counts[entry.command, default: 0] += 1
        }
        let outcome = "\(entries.count) commands: "
            + counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        return (Deflate.pack(text), outcome)
    }

    /// The commands of a bulk entry's payload blob as (command, payload, changes, outcome), or nil when the blob
    /// cannot be read.
    /// With `mentions`, only the lines whose text holds its id as a whole number or its number in quotes
    /// (`AuditMentionScan`): the others are not split.
    static func lines(_ blob: [UInt8], mentions: AuditLogFilter.Mention? = nil)
        -> [(command: String, payload: String, changes: String, outcome: String)]?
    {
        guard let text = Deflate.unpack(blob) else { return nil }
        var result: [(String, String, String, String)] = []
        if let mentions {
            for line in AuditMentionScan.lines(in: text, mentioning: mentions) {
                guard let entry = line.withUnsafeBufferPointer(fields) else { return nil }
                result.append(entry)
            }
            return result
        }
        // Lines cut with memchr rather than `split` (issue 10: `report process` and the audit log read every bulk
        // entry of a million-invoice load; `split` and its slices were half of `report process`'s time).
        return text.withUnsafeBufferPointer { all -> [(String, String, String, String)]? in
            var start = 0
            while start < all.count {
                let end = index(of: 10, in: all, from: start)
                if end > start {
                    guard let entry = fields(UnsafeBufferPointer(rebasing: all[start ..< end])) else { return nil }
                    result.append(entry)
                }
                start = end + 1
            }
            return result
        }
    }

    /// The index of the first `byte` in `buffer` at or after `from`, or `buffer.count` when there is none.
    private static func index(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        guard from < buffer.count, let base = buffer.baseAddress,
              let found = memchr(base + from, Int32(byte), buffer.count - from) else { return buffer.count }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// One line's command, payload, changes and outcome (unescaped): the line cut at its first three tabs (the
    /// outcome keeps any later ones); nil with fewer than three.
    private static func fields(_ line: UnsafeBufferPointer<UInt8>) -> (String, String, String, String)? {
        let first = index(of: 9, in: line, from: 0)
        let second = index(of: 9, in: line, from: first + 1)
        let third = index(of: 9, in: line, from: second + 1)
        guard third < line.count else { return nil }
        func string(_ from: Int, _ to: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: line[from ..< to]), as: UTF8.self)
        }
        return (string(0, first), string(first + 1, second), string(second + 1, third),
                unescape(string(third + 1, line.count)))
    }

    static func escape(_ text: String) -> String {
        // Without a backslash, tab or line feed byte no character can be one of the four (a tab or line feed is a
        // character of its own, or the line feed of CR LF): the text is kept without reading its characters.
        var bytes = text
        let plain = bytes.withUTF8 { utf8 -> Bool in
            guard let base = utf8.baseAddress else { return true }
            var i = 0
            while i < utf8.count {
                let byte = base[i]
                if byte == 92 || byte == 9 || byte == 10 { return false }
                i += 1
            }
            return true
        }
        if plain { return text }
        guard text.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\r\n", with: "\\r\\n")
            .replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var out = ""
        var escaped = false
        for ch in text {
            if escaped {
                switch ch {
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "r": out.append("\r")
                default: out.append(ch)
                }
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
