import Foundation
import LedgerStore

/// The optional HMAC key of the audit chain, kept outside the database: the file named by
/// `$SALESLEDGER_AUDIT_KEY_FILE`, else `$XDG_CONFIG_HOME/salesledger/audit.key` (or `~/.config/…`) when it
/// exists. 32 or more random bytes, stored as hex; `audit keygen` writes one (mode 0600).
enum AuditKey {
    static func path(environment: [String: String]) -> String {
        if let file = environment["SALESLEDGER_AUDIT_KEY_FILE"], !file.isEmpty { return file }
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/salesledger/audit.key" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/salesledger/audit.key"
    }

    static func load(into store: SQLiteLedgerStore, environment: [String: String]) {
        guard let text = try? String(contentsOfFile: path(environment: environment), encoding: .utf8),
              let bytes = Hex.decode(text.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count >= 32
        else { return }
        store.setAuditKey(bytes)
    }
}
