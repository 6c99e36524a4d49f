import LedgerCore

extension AppContext {
    /// Runs a screen's store query. On failure nothing is hidden: the cause is kept (`readFailure`) and the app
    /// shows it on the status line in place of an empty list; the screen gets nil.
    public func read<T>(_ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch {
            readFailure = describe(error)
            return nil
        }
    }

    /// `read` for a query whose answer is optional (`customer(code:)`): nil when absent or failed.
    public func read<T>(_ body: () throws -> T?) -> T? {
        do {
            return try body()
        } catch {
            readFailure = describe(error)
            return nil
        }
    }

    /// The failure of the last screen query and clears it (the app moves it to the screen's error line).
    public func takeReadFailure() -> String? {
        defer { readFailure = nil }
        return readFailure
    }

    /// A store error in the UI language: the cause (ledger locked by another program, file damaged, missing,
    /// disk full, read-only) and what to do, from the store's wording (`LedgerError.storage`).
    public func describe(_ error: any Error) -> String { describe(message: "\(error)") }

    /// `describe` for an error message already in text (screens report command failures as text).
    public func describe(message: String) -> String {
        var text = message
        let causes = [
            ("the ledger is busy", "账本正被其他程序写入：请等它完成后重试"),
            ("ledger file damaged", "账本文件已损坏：请用 salesledger restore 文件 --yes 恢复备份"),
            ("ledger file missing or unreadable", "账本文件不存在或无法读取：请检查路径和权限"),
            ("the disk is full", "磁盘已满：请释放空间后重试"),
            ("ledger is read-only", "账本为只读：请检查文件权限"),
        ]
        guard let (english, chinese) = causes.first(where: { text.contains($0.0) }) else { return strings.core(text) }
        if let start = text.range(of: english) { text = String(text[start.lowerBound...]) }   // cause first
        guard strings.zh, let detail = text.firstIndex(of: "(") else { return text }
        return chinese + " " + text[detail...]
    }
}
