import Foundation
import GRDB

/// The record half of `audit verify` in bounded memory (issue 10): each covered record's content against the
/// latest seal the audit log holds for it. The latest seals are kept per entity in flat arrays indexed by id —
/// one window of at most `window` ids at a time (32-byte digest, sealing entry, state: 41 bytes a record), filled
/// by one pass over the log's seals per window — instead of a dictionary of every record ever sealed. The records
/// are streamed in id order. Problems come in the order of the in-memory form: covered records entity by entity
/// (document, receipt, allocation, user) in id order, then sealed records that are gone, by entity name and id.
struct SealCheck {
    static let entities = ["document", "receipt", "allocation", "user"]
    static let maxIDSQL = ["document": "SELECT MAX(id) FROM document", "receipt": "SELECT MAX(id) FROM receipt",
                           "allocation": "SELECT MAX(id) FROM allocation", "user": "SELECT MAX(rowid) FROM app_user"]

    let db: Database
    let hasFormat: Bool
    /// Ids per window: 2^18 is 10.25 MB of arrays (2^20 was 41 MB, the biggest single allocation of the TUI's
    /// day-start backup check at 1M invoices); a ledger of 1M documents then takes 4 passes over the seals per
    /// entity instead of 1.
    var window = 1 << 18
    /// Highest id sealed per entity (from the verifier's pass over the log), so deleted records are windowed too.
    var maxSealedID: [String: Int64] = [:]

    /// One window of latest seals: ids `low..<low + count` of one entity.
    private struct Window {
        let low: Int64
        var digests: [UInt8]
        var seqs: [Int64]
        /// 0 not sealed, 1 sealed absent, 2 sealed with a digest; +4 once the record was met.
        var states: [UInt8]

        init(low: Int64, count: Int) {
            self.low = low
            digests = [UInt8](repeating: 0, count: count * 32)
            seqs = [Int64](repeating: 0, count: count)
            states = [UInt8](repeating: 0, count: count)
        }
    }

    /// Checks every covered record; `report` receives problems in order. Returns the number of covered records.
    func run(report: (String) -> Void) throws -> Int {
        var covered = 0
        var deleted: [String: [String]] = [:]
        for entity in Self.entities {
            let maxID = max(try Int64.fetchOne(db, sql: Self.maxIDSQL[entity] ?? "") ?? 0, maxSealedID[entity] ?? 0)
            var low: Int64 = 0
            while low <= maxID {
                let count = Int(min(Int64(window), maxID - low + 1))
                var w = Window(low: low, count: count)
                try fill(&w, entity: entity)
                var contents = try SealContents(entity: entity, db: db, low: low, high: low + Int64(count))
                while let id = try contents.next() {
                    covered += 1
                    let slot = Int(id - low)
                    let state = w.states[slot]
                    w.states[slot] = state | 4
                    let key = SealKey(entity: entity, id: id)
                    guard state & 3 == 2 else {
                        report("\(RecordSeal.describe(key, db: db)) is not covered by the audit chain"
                               + " (inserted outside the command layer)")
                        continue
                    }
                    if try !contents.matches(w.digests, at: slot * 32) {
                        report("\(RecordSeal.describe(key, db: db)) differs from its content sealed by audit entry"
                               + " \(w.seqs[slot])")
                    }
                }
                for slot in 0..<count where w.states[slot] == 2 && (deleted[entity]?.count ?? 0) < 50 {
                    deleted[entity, default: []].append(
                        "\(entity) \(low + Int64(slot)), sealed by audit entry \(w.seqs[slot]), was deleted")
                }
                low += Int64(count)
            }
        }
        for entity in Self.entities.sorted() { deleted[entity]?.forEach(report) }
        return covered
    }

    /// One pass over the log's seals, keeping the latest seal of each id of `entity` in the window.
    private func fill(_ w: inout Window, entity: String) throws {
        guard let code = SealBlob.codes[entity] else { return }
        let high = w.low + Int64(w.seqs.count)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT seq, seals\(hasFormat ? ", entry_format" : "") FROM audit_log ORDER BY seq
            """)
        while let row = try rows.next() {
            let seq: Int64 = row[0]
            let format: Int = hasFormat ? row[2] : AuditEntryFormat.text
            if format == AuditEntryFormat.text {
                let seals: String = row[1] ?? ""
                for line in seals.split(separator: "\n") {
                    let parts = line.split(separator: " ")
                    guard parts.count == 3, parts[0] == Substring(entity), let id = Int64(parts[1]),
                          id >= w.low, id < high else { continue }
                    let slot = Int(id - w.low)
                    w.seqs[slot] = seq
                    if parts[2] != Substring(RecordSeal.absent), let digest = Hex.decode(String(parts[2])),
                       digest.count == 32 {
                        w.digests.replaceSubrange((slot * 32)..<(slot * 32 + 32), with: digest)
                        w.states[slot] = 2
                    } else {
                        w.states[slot] = 1
                    }
                }
            } else {
                guard let data = row[1] as Data? else { continue }
                data.withUnsafeBytes { raw in
                    let blob = raw.bindMemory(to: UInt8.self)
                    // A malformed blob counts for nothing (the verifier reported it), as in `SealBlob.parse`.
                    guard SealBlob.scan(blob, { _, _, _ in }) else { return }
                    SealBlob.scan(blob) { entry, id, offset in
                        guard entry & 0x7f == code, id >= w.low, id < high else { return }
                        let slot = Int(id - w.low)
                        w.seqs[slot] = seq
                        if let offset {
                            for i in 0..<32 { w.digests[slot * 32 + i] = blob[offset + i] }
                            w.states[slot] = 2
                        } else {
                            w.states[slot] = 1
                        }
                    }
                }
            }
        }
    }
}

extension SealBlob {
    /// Calls `body` with each seal's entity code (with the absent bit), id and the offset of its 32-byte digest
    /// (nil when absent), without copying; stops at the first malformed seal and returns false there.
    @discardableResult
    static func scan(_ blob: UnsafeBufferPointer<UInt8>, _ body: (UInt8, Int64, Int?) -> Void) -> Bool {
        var i = 0
        while i < blob.count {
            let code = blob[i]
            guard names[code & 0x7f] != nil else { return false }
            i += 1
            var id: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard i < blob.count, shift < 64 else { return false }
                let byte = blob[i]
                i += 1
                id |= UInt64(byte & 0x7f) << shift
                shift += 7
                if byte & 0x80 == 0 { break }
            }
            if code & 0x80 == 0 {
                guard i + 32 <= blob.count else { return false }
                body(code, Int64(bitPattern: id), i)
                i += 32
            } else {
                body(code, Int64(bitPattern: id), nil)
            }
        }
        return true
    }
}
