/// The audit drafts of a bulk load (`LedgerService.runBatch`) waiting to be written as one entry per chunk
/// (issue 10): `chunkSize` commands share one audit entry — one hash, one timestamp, one seal blob — instead of
/// one entry each. Each command keeps its own line (name, payload, changes, outcome), so the log still replays
/// command by command; the records they wrote are sealed one by one by the chunk's entry.
///
/// A chunk is written when it is full, when the actor or business date changes, and when the batch ends (inside
/// its transaction, so a load that fails or is killed leaves neither rows nor entries).
final class BulkAuditBuffer {
    /// Commands per audit entry. 1,000 keeps an entry's seal blob near 100 KB and its deflated payload small.
    static let chunkSize = 1_000
    private(set) var drafts: [AuditDraft] = []

    /// Buffers `draft`; writes the chunk through `tx` when it is full or `draft` cannot share it.
    func add(_ draft: AuditDraft, tx: any LedgerTransaction) throws {
        if let first = drafts.first, first.actor != draft.actor || first.businessDate != draft.businessDate {
            try flush(tx)
        }
        drafts.append(draft)
        if drafts.count >= Self.chunkSize { try flush(tx) }
    }

    /// Writes what is buffered unless `count` more drafts fit in the same entry: a chunk written set-based
    /// (`BatchRunner.recordReceipts`, `postInvoices`; at most `chunkSize` commands) then has all its lines in the
    /// entry that seals its records.
    func makeRoom(for count: Int, tx: any LedgerTransaction) throws {
        if drafts.count + count > Self.chunkSize { try flush(tx) }
    }

    /// Writes what is buffered (one draft as an ordinary entry, several as one bulk entry).
    func flush(_ tx: any LedgerTransaction) throws {
        guard !drafts.isEmpty else { return }
        let chunk = drafts
        drafts.removeAll(keepingCapacity: true)
        if chunk.count == 1 { try tx.appendAudit(chunk[0]) } else { try tx.appendAuditChunk(chunk) }
    }
}
