import Foundation
import LedgerCore

extension Strings {
    /// The status line after the start-up daily backup failed with `error` (the error's description, English,
    /// `storage error: ` dropped): the cause's first clause in the UI language and where the whole error is (the
    /// audit log's `ledger.backup_failed` entry), so it fits 80 columns (s35-fix: "salesledger: daily backup failed:
    /// ledger file damaged: restore …" was cut at 80 columns, in English under --lang zh).
    /// `Daily backup failed: ledger file damaged (details: F11 audit log)`.
    public func dailyBackupFailed(_ error: String) -> String {
        var text = error
        for prefix in ["salesledger: ", "storage error: "] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
        }
        let cause = Self.firstClause(core(text))
        return t("Daily backup failed: \(cause) (details: F11 audit log)", "每日备份失败：\(cause)（详情见 F11 审计日志）")
    }

    /// `text` up to its first `:`, `;` or ` (` (and their full-width forms), trimmed: `ledger file damaged`.
    static func firstClause(_ text: String) -> String {
        var end = text.endIndex
        for mark in [":", ";", " (", "：", "；", "（"] {
            if let found = text.range(of: mark), found.lowerBound < end { end = found.lowerBound }
        }
        let clause = text[..<end].trimmingCharacters(in: .whitespaces)
        return clause.isEmpty ? text : clause
    }
}
