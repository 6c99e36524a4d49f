#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LedgerCore

/// A ledger file or folder that others may read or write (issue 13): files should be 0600, folders 0700.
public struct LoosePermission: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    /// The permission bits found (e.g. 0o644).
    public var mode: Int
    /// 0o600 for files, 0o700 for folders.
    public var expected: Int
    public var isFolder: Bool

    public var description: String {
        "\(path) is \(Self.octal(mode)) (should be \(Self.octal(expected)): "
            + (mode & 0o022 != 0 ? "others can change it" : "others can read it") + ")"
    }

    public static func octal(_ mode: Int) -> String { "0" + String(mode, radix: 8) }
}

/// Checks and tightens the modes of a ledger's files: the ledger, its `-wal`, `-shm` and `-journal` (SQLite
/// creates them with the ledger's own mode, so a 0666 ledger gets 0666 sidecars), the audit head file, autosaved
/// drafts and their locks, kept pre-restore copies, the backup folder with this ledger's backups and manifests,
/// and the ledger's folder. Only files and folders owned by the current user are looked at (nobody else's can be
/// changed); a shared sticky folder such as /tmp, the home folder and `/` are left alone (a ledger kept directly in
/// them does not make them private).
public enum FilePermissions {
    /// Everything looser than 0600 (files) or 0700 (folders), in a stable order.
    public static func check(ledger: String, backupFolder: String? = nil) -> [LoosePermission] {
        candidates(ledger: ledger, backupFolder: backupFolder).compactMap { path, isFolder in
            var st = stat()
            guard lstat(path, &st) == 0, st.st_uid == geteuid() else { return nil }
            let kind = st.st_mode & S_IFMT
            guard isFolder ? kind == S_IFDIR : kind == S_IFREG else { return nil }
            if isFolder && st.st_mode & S_ISVTX != 0 { return nil }
            let mode = Int(st.st_mode & 0o7777)
            guard mode & 0o077 != 0 else { return nil }
            return LoosePermission(path: path, mode: mode, expected: isFolder ? 0o700 : 0o600, isFolder: isFolder)
        }
    }

    /// Tightens every loose file to 0600 and folder to 0700 (`init --fix-permissions`). Returns what was
    /// changed; throws naming the first path that could not be changed.
    @discardableResult
    public static func fix(ledger: String, backupFolder: String? = nil) throws -> [LoosePermission] {
        let loose = check(ledger: ledger, backupFolder: backupFolder)
        for item in loose where chmod(item.path, mode_t(item.expected)) != 0 {
            throw LedgerError.storage("cannot change the mode of \(item.path): \(String(cString: strerror(errno)))")
        }
        return loose
    }

    /// (path, is a folder) of every file and folder that belongs to the ledger.
    static func candidates(ledger: String, backupFolder: String?) -> [(String, Bool)] {
        let ledger = URL(fileURLWithPath: ledger).standardizedFileURL.path
        let folder = URL(fileURLWithPath: ledger).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: ledger).lastPathComponent
        let backups = backupFolder.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? folder + "/backups"
        let home = URL(fileURLWithPath: NSHomeDirectory()).standardizedFileURL.path
        var list: [(String, Bool)] = [folder == home || folder == "/" ? nil : (folder, true),
                                      (ledger, false)].compactMap { $0 }
        list += ["-wal", "-shm", "-journal", ".audit-head"].map { (ledger + $0, false) }
        let fm = FileManager.default
        for entry in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        where entry.hasPrefix(name + ".draft.") || entry.hasPrefix(name + ".before-restore-") {
            list.append((folder + "/" + entry, false))
        }
        list.append((backups, true))
        let stem = SQLiteLedgerStore.ledgerStem(ofLedger: ledger)
        for entry in ((try? fm.contentsOfDirectory(atPath: backups)) ?? []).sorted() {
            let backup = entry.hasSuffix(".manifest") ? String(entry.dropLast(".manifest".count)) : entry
            if SQLiteLedgerStore.day(ofDailyBackupFileName: backup, ledgerStem: stem) != nil {
                list.append((backups + "/" + entry, false))
            }
        }
        return list
    }

    /// The warning printed (CLI, stderr) or shown (TUI status line) when `loose` is not empty.
    public static func warning(_ loose: [LoosePermission], ledger: String) -> String? {
        guard let first = loose.first else { return nil }
        let more = loose.count > 1 ? " (and \(loose.count - 1) more)" : ""
        return "loose file permissions: \(first)\(more); fix: salesledger init --fix-permissions --db \(ledger)"
    }
}
