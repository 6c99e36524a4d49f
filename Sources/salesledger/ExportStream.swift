import Foundation
import LedgerCore

/// Text written as it comes, in 64 KiB chunks, to standard output or to a file that appears whole: the text goes to
/// a temporary file beside `path` (`.<name>.partial-<pid>`, mode 0666 less the umask, as a plain write), renamed over
/// `path` by `finish()`, so a reader never sees half an export and an error leaves the old file. For exports too large
/// to hold as one string (issue 10: `export opening` at 1M).
final class ExportStream {
    private let path: String?
    private let temporary: String?
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []
    private var closed = false
    private static let chunk = 1 << 16

    /// Opens the temporary file beside `path`, or standard output when nil. - Throws: `UserError` naming `output`.
    init(path: String?) throws {
        self.path = path
        guard let path else {
            // Its own stream on a copy of descriptor 1 (nothing else is printed while an export runs).
            let fd = dup(STDOUT_FILENO)
            guard fd >= 0, let handle = fdopen(fd, "w") else {
                throw UserError("output: cannot write standard output: \(String(cString: strerror(errno)))")
            }
            temporary = nil
            file = handle
            return
        }
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0, let handle = fdopen(fd, "w") else {
            let reason = String(cString: strerror(errno))
            if fd >= 0 { close(fd); unlink(temp) }
            throw UserError("output: cannot write \(path): \(reason)")
        }
        temporary = temp
        file = handle
        buffer.reserveCapacity(Self.chunk + 4096)
    }

    /// Appends `text` (UTF-8); on standard output made terminal-safe as `print` does (`TerminalSafeOutput.lines`),
    /// but a leading byte order mark written as is (as `printReportText`). - Throws: `UserError` when the file cannot
    /// be written (disk full …).
    func write(_ text: String) throws {
        if path == nil, text.unicodeScalars.contains(where: { TextSafety.isForbidden($0) }) {
            let bom = text.hasPrefix("\u{FEFF}")
            let safe = TerminalSafeOutput.lines(String(text.dropFirst(bom ? 1 : 0)))
            buffer.append(contentsOf: ((bom ? "\u{FEFF}" : "") + safe).utf8)
        } else {
            buffer.append(contentsOf: text.utf8)
        }
        if buffer.count >= Self.chunk { try flush() }
    }

    /// Writes what is left and, for a file, renames the temporary file over `path`. - Throws: `UserError`.
    func finish() throws {
        try flush()
        guard let temporary, let path else {
            closed = true
            if fclose(file) != 0 {
                throw UserError("output: cannot write standard output: \(String(cString: strerror(errno)))")
            }
            return
        }
        closed = true
        guard fclose(file) == 0, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw UserError("output: cannot write \(path): \(reason)")
        }
    }

    /// After an error: closes and removes the temporary file (the old file at `path`, if any, is left as it was).
    func abandon() {
        guard let temporary, !closed else { return }
        closed = true
        fclose(file)
        unlink(temporary)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == buffer.count else {
            throw UserError("output: cannot write \(path ?? "standard output"): \(String(cString: strerror(errno)))")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
