import LedgerCore

/// Which stored audit entries belong to a bulk load (sample data, historical imports), fed in log order: the rule
/// of the old whole-ledger `AuditData.index()` (now the tests' reference): an `invoice.post` with a load reason
/// starts a load for its actor and UTC day; that actor's credit notes, receipts and allocations of the same day
/// belong to it; any other `invoice.post` of the actor ends it; an entry is a load when any of its commands is.
struct BulkLoadDetector {
    private var loadDay: [String: String] = [:]

    /// Feeds the commands of one stored entry (one sequence number); true when the entry is part of a bulk load.
    /// Once the entry is known to be a load, only each actor's last `invoice.post` can still matter (it leaves the
    /// state for the entries after), so a bulk entry of a load reads two payloads, not one per invoice.
    mutating func feed(_ commands: [AuditLogEntry]) -> Bool {
        var load = false
        var lastPost: [String: Int] = [:]
        for (index, entry) in commands.enumerated() {
            switch entry.command {
            case "invoice.post":
                if load {
                    lastPost[entry.actor] = index
                } else if post(entry) {
                    load = true
                }
            case "credit_note.issue", "credit_note.issue_lines", "receipt.record", "allocation.create",
                "allocation.reverse":
                if !load, loadDay[entry.actor] == String(entry.timestampUTC.prefix(10)) { load = true }
            default:
                break
            }
        }
        for index in lastPost.values { _ = post(commands[index]) }
        return load
    }

    /// Applies an `invoice.post`; true when it starts (or continues) a load.
    private mutating func post(_ entry: AuditLogEntry) -> Bool {
        if let reason = AuditJSONScan.stringField(entry, "creditOverrideReason"),
            AuditFormat.loadReasons.contains(reason)
        {
            loadDay[entry.actor] = String(entry.timestampUTC.prefix(10))
            return true
        }
        loadDay[entry.actor] = nil
        return false
    }
}
