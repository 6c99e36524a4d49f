/// Roles (角色). Permissions are enforced in the command layer, below any UI.
public enum UserRole: String, Sendable, Codable, CaseIterable {
    /// Enters sales and receipts.
    case clerk
    /// Also voids, credits, writes off, overrides credit holds.
    case manager
    /// Reads everything and runs audit checks; writes nothing.
    case auditor
    /// Everything, including users and restore.
    case admin

    public var canManage: Bool { self == .manager || self == .admin }
}
