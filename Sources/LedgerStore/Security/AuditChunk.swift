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
    static func append(_ entries: [AuditDraft], db: Database, key: SymmetricKey?) throws {
        guard let first = entries.first, let last = entries.last else { return }
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
        let payload = Deflate.pack(text)
        let outcome = "\(entries.count) commands: "
            + counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        let previous = try AuditAppender.lastHashBytes(db)
        let seals = try AuditAppender.pendingSeals(db)
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

    /// The commands of a bulk entry's payload blob as (command, payload, changes, outcome), or nil when the blob
    /// cannot be read.
    /// With `mentions`, only the lines whose text holds its id as a whole number or its number in quotes
    /// (`AuditMentionScan`): the others are not split.
    static func lines(_ blob: [UInt8], mentions: AuditLogFilter.Mention? = nil)
        -> [(command: String, payload: String, changes: String, outcome: String)]?
    {
        guard let text = Deflate.unpack(blob) else { return nil }
        let lines = mentions.map { AuditMentionScan.lines(in: text, mentioning: $0) }
            ?? text.split(separator: 10, omittingEmptySubsequences: true)
        var result: [(String, String, String, String)] = []
        for line in lines {
            let fields = line.split(separator: 9, maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4 else { return nil }
            func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
            result.append((string(fields[0]), string(fields[1]), string(fields[2]), unescape(string(fields[3]))))
        }
        return result
    }

    static func escape(_ text: String) -> String {
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
