import ArgumentParser
import LedgerAudit
import LedgerCore
import LedgerReports
import LedgerStore

/// `audit log`: who did what and when, with before and after values; filterable and exportable to CSV.
struct AuditLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Browse the audit log: who did what, when, with before and after values.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "From date (UTC day of the entry).") var from: String?
    @Option(help: "To date (UTC day of the entry).") var to: String?
    @Option(help: "Only this user's entries (--user is the global acting user).") var actor: String?
    @Option(help: "Only this command, or a prefix: invoice, invoice.void, audit.run …") var command: String?
    @Option(help: "Only entries touching this document (invoice, credit note or receipt number).") var document: String?
    @Option(help: "table, csv or json") var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openLedger()
        let today = service.clock.today()
        var issues = IssueCollector()
        var filter = AuditLogFilter(
            from: parseDate(from, "from", today, &issues), to: parseDate(to, "to", today, &issues),
            actor: actor, command: command)
        var target: (id: Int64, number: String, isReceipt: Bool)?
        if let document {
            if let invoice = try store.invoiceDocument(number: document) {
                target = (invoice.id, invoice.displayNumber, false)
            } else if let receipt = try store.receipt(number: document) {
                target = (receipt.id, receipt.displayNumber, true)
            } else {
                issues.add("document", "no document numbered \(document)")
            }
        }
        try issues.throwIfAny()
        if let target { filter.mentions = AuditLogFilter.Mention(id: target.id, number: target.number) }
        // The text table names the first records of an entry and counts the rest; CSV and JSON keep them all.
        let shown = format == .table ? AuditLogRow.recordsShown : nil, chinese = global.isChinese
        // Streamed (issue 10): the log holds several entries per invoice; the text table reads it twice.
        let table = listTable("audit-log", [("seq", .count), ("time", .text), ("user", .text), ("command", .text),
                                            ("records", .text), ("changes", .text)], [])
        try printStreamedReport(table, format) { emit in
            try store.forEachAuditLogEntry(filter: filter) { entry in
                guard let row = AuditLogView.row(entry, document: target) else { return }
                try emit([.count(Int(row.seq)), .text(row.timestampUTC), .text(row.actor), .text(row.command),
                          .text(row.recordsCell(limit: shown, chinese: chinese)),
                          .text(row.changes.joined(separator: "; "))])
            }
        }
    }
}
