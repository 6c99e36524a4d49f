import ArgumentParser

extension AuditCommand {
    /// The periodic audit's subcommands (issue 14), kept here so Main.swift's list stays one line.
    static let periodicAudit: [any ParsableCommand.Type] = [AuditCheckCommand.self, AuditLogCommand.self, AuditConfirmCommand.self]
}
