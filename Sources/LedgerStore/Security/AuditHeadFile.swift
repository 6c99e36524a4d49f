#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The chain head anchored outside the database: `<ledger>.audit-head`, mode 0600, two lines
/// `count N` and `hash H`, rewritten atomically after every write transaction that grew the log.
/// Deleting or truncating the log in the database then disagrees with this file (and with backup manifests).
public enum AuditHeadFile {
    public static func path(forLedger ledger: String) -> String { ledger + ".audit-head" }

    /// The anchored head, or nil when there is no (readable) head file.
    public static func read(ledger: String) -> AuditHead? {
        guard let text = try? String(contentsOfFile: path(forLedger: ledger), encoding: .utf8) else { return nil }
        var count: Int?
        var hash: String?
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if parts[0] == "count" { count = Int(parts[1]) }
            if parts[0] == "hash" { hash = parts[1] }
        }
        guard let count, let hash else { return nil }
        return AuditHead(count: count, hash: hash)
    }

    /// Writes `head` (temp file + rename, mode 0600). With `onlyIfNewer`, keeps a file that anchors more entries.
    static func store(_ head: AuditHead, ledger: String, onlyIfNewer: Bool = true) {
        if onlyIfNewer, let current = read(ledger: ledger), current.count >= head.count { return }
        let target = path(forLedger: ledger)
        let temp = target + ".tmp-\(getpid())"
        let text = "salesledger audit head\ncount \(head.count)\nhash \(head.hash)\n"
        let fd = open(temp, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fchmod(fd, 0o600)
        fsync(fd)
        close(fd)
        if written == bytes.count { rename(temp, target) } else { unlink(temp) }
    }
}
