import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Autosave files per running instance (issue 12, B17): `<ledger>.draft.<pid>.json`, with a lock file
/// `<ledger>.draft.<pid>.lock` the instance holds (`flock`) while it runs. A second instance never touches a live
/// instance's draft; a draft whose lock is free belongs to an instance that crashed, and is adopted (renamed to the
/// new instance's own name) so it is offered exactly once. The old single `<ledger>.draft.json` counts as crashed.
public final class DraftFiles {
    /// This instance's autosave file.
    public let path: String
    let ledgerPath: String
    let lockPath: String
    private var lockFD: Int32 = -1

    /// Claims this instance's draft name for `ledgerPath` and locks it; `pid` defaults to the process id.
    public init(ledgerPath: String, pid: Int32 = getpid()) {
        self.ledgerPath = ledgerPath
        path = "\(ledgerPath).draft.\(pid).json"
        lockPath = "\(ledgerPath).draft.\(pid).lock"
        lockFD = DraftFiles.lock(lockPath)
    }

    deinit { release() }

    /// Drops the lock and its file (normal exit). A crash leaves the lock file, but the kernel drops the lock.
    public func release() {
        guard lockFD >= 0 else { return }
        unlink(lockPath)
        close(lockFD)
        lockFD = -1
    }

    /// Moves one crashed instance's draft (lock free) to this instance's name and returns true; live instances'
    /// drafts are left alone. When this instance already has a draft, nothing is adopted.
    @discardableResult
    public func adoptCrashedDraft() -> Bool {
        guard !FileManager.default.fileExists(atPath: path) else { return false }
        for candidate in crashedDrafts() {
            if rename(candidate.draft, path) == 0 {   // atomic: two starting instances cannot both adopt it
                if let lock = candidate.lock { unlink(lock) }
                return true
            }
        }
        return false
    }

    /// Drafts beside the ledger whose owner is gone, oldest first.
    func crashedDrafts() -> [(draft: String, lock: String?)] {
        let url = URL(fileURLWithPath: ledgerPath)
        let folder = url.deletingLastPathComponent().path
        let prefix = url.lastPathComponent + ".draft."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var found: [(draft: String, lock: String?, modified: Date)] = []
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".json") {
            let draft = folder + "/" + name
            guard draft != path else { continue }
            let middle = name.dropFirst(prefix.count).dropLast(".json".count)
            var lock: String?
            if !middle.isEmpty {
                guard Int32(middle) != nil else { continue }
                let lockPath = folder + "/" + prefix + middle + ".lock"
                if FileManager.default.fileExists(atPath: lockPath) {
                    let fd = DraftFiles.lock(lockPath)
                    if fd < 0 { continue }            // held: a live instance's draft
                    close(fd)
                }
                lock = lockPath
            }
            let modified = (try? FileManager.default.attributesOfItem(atPath: draft)[.modificationDate] as? Date) ?? nil
            found.append((draft, lock, modified ?? .distantPast))
        }
        return found.sorted { $0.modified < $1.modified }.map { ($0.draft, $0.lock) }
    }

    /// Opens `path` (mode 0600) and takes an exclusive lock without waiting; -1 when another process holds it.
    static func lock(_ path: String) -> Int32 {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return -1 }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            return -1
        }
        return fd
    }
}
