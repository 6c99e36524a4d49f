#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LedgerCore

/// File-system steps of a crash-safe backup or restore: private temp files next to the target, fsync,
/// atomic rename, SQLite sidecar files, and clean-up of temp files left by a killed process.
///
/// A temp file is named `.<final name>.partial-<pid>` in the target's folder (same file system, so the
/// rename is atomic). Nothing is ever written under the final name except by `rename(2)` of a complete,
/// verified and fsynced file.
enum BackupFiles {
    /// SQLite's sidecar files of a database file.
    static let sidecarSuffixes = ["-wal", "-shm", "-journal"]

    static func folder(of path: String) -> String { URL(fileURLWithPath: path).deletingLastPathComponent().path }
    static func name(of path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }
    static func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    /// The temp name used while writing `finalPath` in this process.
    static func partialPath(for finalPath: String) -> String {
        folder(of: finalPath) + "/." + name(of: finalPath) + ".partial-\(getpid())"
    }

    /// Whether two paths name the same file (same device and inode), or the same absolute path.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        if absolute(a) == absolute(b) { return true }
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Creates `folder` (mode 0700, with its parents) unless it is a folder already.
    /// - Throws: `LedgerError.storage` "cannot create the `what` folder …" with the cause.
    static func createPrivateFolder(_ folder: String, what: String) throws(LedgerError) {
        guard !isDirectory(folder) else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw LedgerError.storage("cannot create the \(what) folder \(folder): \(error.localizedDescription)")
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    /// Creates an empty file with mode 0600 (never following or reusing an existing file).
    static func createPrivateFile(_ path: String) throws(LedgerError) {
        unlink(path)
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .storage("cannot create \(path): \(errnoText())") }
        fchmod(fd, 0o600)
        close(fd)
    }

    /// Flushes a file's data to disk.
    static func fsyncFile(_ path: String) throws(LedgerError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .storage("cannot open \(path) to flush it: \(errnoText())") }
        defer { close(fd) }
        fchmod(fd, 0o600)
        guard fsync(fd) == 0 else { throw .storage("cannot flush \(path) to disk: \(errnoText())") }
    }

    /// Flushes a folder's entries (a rename is durable only after this).
    static func fsyncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// Atomically replaces `target` with `source` (same folder), then makes the rename durable.
    static func renameAtomically(_ source: String, to target: String) throws(LedgerError) {
        guard rename(source,
                     target) == 0 else { throw .storage("cannot rename \(source) to \(target): \(errnoText())") }
        fsyncDirectory(folder(of: target))
    }

    /// Gives `source` (a finished file in the same folder) the name `target` only if no file has it: `link(2)`, which
    /// fails on an existing name, then the temp name removed; where the file system has no hard links (a FAT USB
    /// disk), the name is claimed by an exclusive create (`O_EXCL`) and the file renamed onto its own claim. Two
    /// processes naming their backups alike in the same second therefore never replace each other's (s34-fix).
    /// Returns false, leaving `source`, when `target` exists.
    /// - Throws: `LedgerError.storage` naming the cause for any other failure.
    static func placeExclusively(_ source: String, at target: String) throws(LedgerError) -> Bool {
        if link(source, target) == 0 {
            unlink(source)
            fsyncDirectory(folder(of: target))
            return true
        }
        if errno == EEXIST { return false }
        guard errno == EPERM || errno == EOPNOTSUPP || errno == ENOSYS || errno == EMLINK else {
            throw .storage("cannot name \(source) \(target): \(errnoText())")
        }
        let claim = open(target, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if claim < 0 {
            if errno == EEXIST { return false }
            throw .storage("cannot create \(target): \(errnoText())")
        }
        close(claim)
        removeSidecars(of: target)
        try renameAtomically(source, to: target)
        return true
    }

    /// Removes `path` and its SQLite sidecars (missing files are fine).
    static func removeWithSidecars(_ path: String) {
        unlink(path)
        removeSidecars(of: path)
    }

    /// Removes `-wal`, `-shm` and `-journal` next to `path`. Needed before a new file takes the name: SQLite
    /// opens a `<name>-wal` it finds next to a database whatever the file's header says, and would replay a
    /// stale one (of the file that was replaced) into the new file.
    static func removeSidecars(of path: String) {
        for suffix in sidecarSuffixes { unlink(path + suffix) }
    }

    /// Deletes temp files of `finalName` left in `folder` by processes that no longer run (killed mid-backup).
    static func removeStalePartials(in folder: String, finalName: String) {
        let prefix = "." + finalName + ".partial-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            var rest = entry.dropFirst(prefix.count)
            for suffix in sidecarSuffixes where rest.hasSuffix(suffix) { rest = rest.dropLast(suffix.count) }
            guard let pid = Int32(rest), pid != getpid() else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH {
                unlink(folder + "/" + entry)
            }
        }
    }

    /// Size in bytes, or nil when there is no regular file at `path`.
    static func regularFileSize(_ path: String) -> Int64? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(st.st_size)
    }

    /// The first `count` bytes of a file.
    static func head(_ path: String, count: Int) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: count)).map { Array($0) }
    }
}
