import LedgerCore

extension Strings {
    /// A refusal (`LedgerError.permissionDenied`, "permission denied: …") in Chinese, whole: the operation's name
    /// (`commandName`), the roles it needs and the user's role (`roleName`); nil for any other message or in the
    /// English UI. Used by `core`, so the screens and the CLI say it alike (s34-fix3, tryout defect 2: the refusal
    /// stayed English after its 无权操作 prefix).
    func refusalZH(_ message: String) -> String? {
        guard zh, let refusal = message.wholeMatch(of: /^permission denied: (.*)$/) else { return nil }
        let body = String(refusal.1)
        if let m = body.wholeMatch(of: /^(\S+) needs the (.+) role \(you are (\w+)\)$/) {
            return "无权操作：\(operationZH(String(m.1)))需要\(rolesZH(String(m.2)))角色（您是\(roleZH(String(m.3)))）"
        }
        if let m = body.wholeMatch(of: /^login as (\S+) failed \((\d+) failed attempts?\)$/) {
            return "无权操作：\(m.1) 登录失败（已失败 \(m.2) 次）"
        }
        if let m = body.wholeMatch(of: /^managing users needs the admin role \(you are (\w+)\)$/) {
            return "无权操作：管理用户需要管理员角色（您是\(roleZH(String(m.1)))）"
        }
        if let m = body.wholeMatch(of: /^restoring a backup needs the admin role \(you are (\w+)\)$/) {
            return "无权操作：恢复备份需要管理员角色（您是\(roleZH(String(m.1)))）"
        }
        if let m = body.wholeMatch(of: /^\S+: only an admin may set another user's password \(you are (\w+)\)$/) {
            return "无权操作：只有管理员可以设置其他用户的密码（您是\(roleZH(String(m.1)))）"
        }
        return nil
    }

    /// An operation's machine name (`invoice.void`) as people say it (作废销售单); unknown names unchanged.
    private func operationZH(_ name: String) -> String {
        let named = commandName(name)
        return named == name ? name + " " : named
    }

    /// `manager or admin` → 经理或管理员.
    private func rolesZH(_ list: String) -> String {
        list.components(separatedBy: " or ").map(roleZH).joined(separator: "或")
    }

    private func roleZH(_ raw: String) -> String { UserRole(rawValue: raw).map(roleName) ?? raw }
}
