import ArgumentParser
import LedgerCore
import LedgerReports
import LedgerStore
import SalesLedgerApp

extension UserRole: ExpressibleByArgument {}

/// `user list|set`: who may use the ledger and with which role (clerk, manager, auditor, admin).
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Users and roles.",
        discussion: "While a ledger has no users, everyone acts as admin. Once users exist, --user (or $USER) must "
                    + "name an active user, whose role the command layer enforces.",
        subcommands: [List.self, Set.self, Passwd.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users and roles.")
        @OptionGroup var global: GlobalOptions
        @Option var format: OutputFormat = .table
        func run() throws {
            let (store, service) = try global.openExistingLedger()
            try service.authorize(.userList)
            let words = global.words(format)
            printReport(listTable("users", [("name", .text), ("role", .text), ("active", .text)],
                                  try store.users().map { u in
                                      [.text(u.name), .text(words?.roleName(u.role) ?? u.role.rawValue),
                                       .text(words?.yesNo(u.isActive) ?? (u.isActive ? "yes" : "no"))]
                                  }),
                        format)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user or change a role (admin only).")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        @Option(help: "clerk, manager, auditor or admin") var role: UserRole
        @Flag(help: "Deactivate the user.") var inactive = false
        func run() throws {
            let (_, service) = try global.openLedger()
            let user = try service.run(SetUser(LedgerUser(name: name, role: role, isActive: !inactive)))
            let words = global.words(.table) ?? Strings(.en)
            print(global.isChinese ? "用户 \(user.name)：\(words.roleName(user.role))\(user.isActive ? "" : "（停用）")"
                  : "user \(user.name): \(user.role.rawValue)\(user.isActive ? "" : " (inactive)")")
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set your own password, or (admin) reset another user's.",
            discussion: "The new password is asked twice on the terminal, or read from --new-password-fd N.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user (default: yourself).") var name: String?
        @Option(help: "Read the new password from this file descriptor.") var newPasswordFd: Int32?
        func run() throws {
            let (_, service) = try global.openLedger()
            let target = name ?? service.actor
            if target != service.actor { try service.authorize(.resetPassword, detail: target) }
            let password = try Authentication.readSecret(
                prompt: CLIChinese.isOn ? "\(target) 的新密码：" : "new password for \(target): ", fd: newPasswordFd)
            if newPasswordFd == nil {
                let again = try Authentication.readSecret(prompt: CLIChinese.isOn ? "再输入一次：" : "again: ", fd: nil)
                guard again == password else { throw UserError("the two passwords differ; nothing was changed") }
            }
            guard password.count >= 8 else { throw UserError("password: at least 8 characters") }
            print(try service.run(SetPassword(userName: target, passwordHash: try PasswordHash.make(password))))
        }
    }
}
