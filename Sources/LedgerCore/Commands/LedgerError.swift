/// One problem with one input field. `path` names the field as a form or file would: `customer`,
/// `lines[2].quantity`, `row 14, column amount`.
public struct FieldIssue: Hashable, Sendable, Codable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): \(message)" }
}

/// Why a command or query failed. Validation failures carry every field issue at once.
public enum LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Input is invalid; nothing was written.
    case validation([FieldIssue])
    /// A credit-control check failed; a manager may override with a reason.
    case creditHold([String])
    /// The actor's role may not run this command.
    case permissionDenied(String)
    /// A record that the command refers to does not exist.
    case notFound(String)
    /// The ledger refuses a state change (e.g. voiding an invoice that has allocations).
    case refused(String)
    /// The store failed (locked, corrupt, disk full …).
    case storage(String)

    public var description: String {
        switch self {
        case let .validation(issues): return issues.map(\.description).joined(separator: "\n")
        case let .creditHold(reasons):
            return "credit check: " + reasons.joined(separator: "; ") + " (a manager may override with a reason)"
        case let .permissionDenied(message): return "permission denied: \(message)"
        case let .notFound(message): return "not found: \(message)"
        case let .refused(message): return message
        case let .storage(message): return "storage error: \(message)"
        }
    }

    /// The field issues of a validation failure, else empty.
    public var fieldIssues: [FieldIssue] {
        if case let .validation(issues) = self { return issues }
        return []
    }
}

/// Collects field issues, then throws them all at once.
public struct IssueCollector: Sendable {
    public private(set) var issues: [FieldIssue] = []
    public init() {}
    public mutating func add(_ path: String, _ message: String) { issues.append(FieldIssue(path, message)) }
    public mutating func check(_ condition: Bool, _ path: String, _ message: @autoclosure () -> String) {
        if !condition { add(path, message()) }
    }
    /// Throws `LedgerError.validation` when any issue was added.
    public func throwIfAny() throws(LedgerError) {
        if !issues.isEmpty { throw .validation(issues) }
    }
}
