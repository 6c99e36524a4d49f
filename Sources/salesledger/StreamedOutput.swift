import Foundation

/// An export's output written as it goes: to standard output, or to a private temporary file beside `path` (mode
/// 0600) that `commit` renames onto `path`, so a failed export leaves no half-written file. Text is buffered and
/// written in blocks of about 1 MB.
final class StreamedOutput {
    private let path: String?
    private let temporary: String?
    private let handle: FileHandle
    private var buffer = Data()
    private var failure: Error?
    private var committed = false

    /// - Throws: `UserError` when the temporary file cannot be created.
    init(path: String?) throws {
        self.path = path
        guard let path else {
            temporary = nil
            handle = .standardOutput
            return
        }
        let directory = (path as NSString).deletingLastPathComponent
        let name = ".\((path as NSString).lastPathComponent).\(getpid()).partial"
        let temp = directory.isEmpty ? name : directory + "/" + name
        guard FileManager.default.createFile(atPath: temp, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: temp) else {
            throw UserError("output: cannot write \(path)")
        }
        temporary = temp
        self.handle = handle
    }

    deinit {
        if let temporary, !committed {
            try? handle.close()
            unlink(temporary)
        }
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    func write(_ data: Data) {
        buffer.append(data)
        if buffer.count >= 1 << 20 { flush() }
    }

    private func flush() {
        guard failure == nil, !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch { failure = error }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Throws the first write error (disk full, closed pipe), so a long export stops early.
    func check() throws {
        if let failure {
            throw UserError("output: cannot write \(path ?? "standard output"): \(failure.localizedDescription)")
        }
    }

    /// Writes what is buffered and, for a file, moves it into place. - Throws: `UserError` on any write error.
    func commit() throws {
        flush()
        try check()
        guard let path, let temporary else { return }
        try? handle.close()
        guard rename(temporary, path) == 0 else {
            throw UserError("output: cannot write \(path): \(String(cString: strerror(errno)))")
        }
        committed = true
    }
}
