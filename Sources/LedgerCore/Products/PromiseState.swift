/// Whether a promised payment date (承诺付款日) was kept: kept when every invoice the contact concerns (dated on
/// or
/// before the promise) was settled by the promised date, broken when the date has passed with one still open, else
/// pending. The same rule the reminders use to count broken promises.
public enum PromiseState: String, Sendable {
    case kept, broken, pending

    /// Nil when the contact has no promise.
    public static func of(_ contact: ContactLogEntry, snapshot: ReceivablesSnapshot,
                          today: CivilDate) -> PromiseState? {
        guard let promised = contact.promisedDate else { return nil }
        let invoices = snapshot.documents.filter { $0.kind == .invoice && $0.date <= promised && contact.concerns($0) }
        let openOnPromise = invoices.contains { snapshot.openBalance(of: $0, asOf: promised) > 0 }
        if !openOnPromise { return .kept }
        return promised < today ? .broken : .pending
    }

    public func name(chinese: Bool) -> String {
        switch self {
        case .kept: return chinese ? "已兑现" : "kept"
        case .broken: return chinese ? "未兑现" : "broken"
        case .pending: return chinese ? "待兑现" : "pending"
        }
    }
}
