/// Abandons an interrupted chunked bulk load (issue 10): deletes its `BulkLoadMarker`, so the ledger no longer
/// offers to resume it and a load with other options may run. What the load committed stays as it is: its chunks
/// are posted invoices, credit notes, receipts and allocations sealed by audit entries, and posted records are never
/// deleted (void them, or start a new ledger). Managers and admins. Outcome: the marker that was removed.
/// - Throws: `LedgerError.refused` when no load of that name is interrupted in the ledger.
public struct AbandonBulkLoad: LedgerCommand {
    public static let name = "bulk_load.abandon"
    public static var allowedRoles: Set<UserRole> { AccessRoles.managers }
    /// The load's name (`SampleGenerator.loadName`).
    public var load: String
    public init(load: String) { self.load = load }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> BulkLoadMarker {
        guard let marker = try tx.bulkLoadMarker(name: load) else {
            throw LedgerError.refused("no interrupted \(load) in this ledger: nothing to abandon")
        }
        try tx.deleteBulkLoadMarker(name: load)
        context.recordChange(entity: "bulk_load", id: 0, before: marker, after: BulkLoadMarker?.none)
        return marker
    }
}

extension BulkLoadMarker: AuditOutcomeSummary {
    public var auditSummary: String {
        "abandoned \(name) (\(parameters)) after \(invoicesDone) invoices and \(receiptsDone) receipts"
    }
}
