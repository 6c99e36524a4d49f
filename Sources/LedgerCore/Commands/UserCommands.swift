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
        issues.check(name.count <= 64 && !name.contains(where: { $0.isWhitespace }), "name",
                     "must be one word of at most 64 characters")
        try issues.throwIfAny()
        let before = try tx.user(name: name)
        if before?.role == .admin && (user.role != .admin || !user.isActive), try tx.activeAdminCount() <= 1 {
            throw LedgerError.refused("\(name) is the last admin; make another admin first")
        }
        // The first user is an admin: a ledger whose only users are clerks has no one left to manage them
        // (tryout s19: `user set alice --role clerk` on a new ledger locked its owner out).
        if before == nil, user.role != .admin || !user.isActive, try tx.activeAdminCount() == 0 {
            throw LedgerError.refused("the first user must be an active admin, or no one could manage users: "
                                      + "add yourself first (user set NAME --role admin)")
        }
        var after = user
        after.name = name
        try tx.save(after)
        context.recordChange(entity: "user", id: 0, before: before, after: after)
        return after
    }
}

/// Sets a user's password hash (computed by the caller with the store's KDF; never the password itself).
/// A user changes their own; an admin may reset anyone's. The audit payload names the user only.
public struct SetPassword: LedgerCommand {
    public static let name = "user.passwd"
    public static var allowedRoles: Set<UserRole> { AccessRoles.everyone }
    public var userName: String
    public var passwordHash: String
    public init(userName: String, passwordHash: String) {
        self.userName = userName
        self.passwordHash = passwordHash
    }

    enum CodingKeys: String, CodingKey { case userName }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(userName, forKey: .userName)
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> String {
        guard userName == context.actor || context.role == .admin else {
            throw LedgerError.permissionDenied("\(LedgerOperation.resetPassword.rawValue): only an admin may set"
                                               + " another user's password (you are \(context.role.rawValue))")
        }
        guard try tx.user(name: userName) != nil else { throw LedgerError.notFound("no user named \(userName)") }
        try tx.setPasswordHash(user: userName, hash: passwordHash)
        context.recordChange(entity: "user.password", id: 0, before: Optional<String>.none, after: userName)
        return "password of \(userName) set"
    }
}
