/// When a chunked bulk load (`LedgerService.runChunked`, issue 10) commits: after `commandsPerCommit` commands
/// since the last commit, at a point the load chooses (`BatchRunner.commitIfDue`), so a chunk always ends between
/// two whole units of the load (an invoice with its credit note, a receipt).
final class ChunkCommitter {
    let commandsPerCommit: Int
    private(set) var commandsSinceCommit = 0
    private let commit: () throws -> Void

    /// `commit` writes the buffered audit entries and commits the store's transaction.
    init(commandsPerCommit: Int, commit: @escaping () throws -> Void) {
        self.commandsPerCommit = max(1, commandsPerCommit)
        self.commit = commit
    }

    func countCommands(_ count: Int = 1) { commandsSinceCommit += count }

    /// How many more commands fill the chunk (0 when it is full).
    var commandsUntilDue: Int { max(0, commandsPerCommit - commandsSinceCommit) }

    /// Runs `beforeCommit` (the load's marker) and commits when the chunk is full; returns whether it committed.
    func commitIfDue(_ beforeCommit: () throws -> Void) throws -> Bool {
        guard commandsSinceCommit >= commandsPerCommit else { return false }
        try beforeCommit()
        try commit()
        commandsSinceCommit = 0
        return true
    }
}
