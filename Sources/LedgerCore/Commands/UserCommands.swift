/// A user of the ledger and the role that decides what the command layer lets them do.
public struct LedgerUser: Hashable, Sendable, Codable {
    public var name: String
    public var role: UserRole
    public var isActive: Bool
    public init(name: String, role: UserRole, isActive: Bool = true) {
        self.name = name
        self.role = role
        self.isActive = isActive
    }
}

/// Adds a user or changes a user's role (admin only; the first user of a ledger without users is its admin).
public struct SetUser: LedgerCommand {
    public static let name = "user.set"
    public static var allowedRoles: Set<UserRole> { AccessRoles.admins }
    public var user: LedgerUser
    public init(_ user: LedgerUser) { self.user = user }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> LedgerUser {
        guard context.role == .admin else {
            throw LedgerError.permissionDenied("managing users needs the admin role (you are \(context.role.rawValue))")
        }
        var issues = IssueCollector()
        let name = user.name.trimmingSpaces()
        issues.check(!name.isEmpty, "name", "is required")
        issues.check(name.count <= 64 && !name.contains(where: { $0.isWhitespace }), "name", "must be one word of at most 64 characters")
        try issues.throwIfAny()
        let before = try tx.user(name: name)
        if before?.role == .admin && (user.role != .admin || !user.isActive), try tx.activeAdminCount() <= 1 {
            throw LedgerError.refused("\(name) is the last admin; make another admin first")
        }
        var after = user
        after.name = name
        try tx.save(after)
        context.recordChange(entity: "user", id: 0, before: before, after: after)
        return after
    }
}
