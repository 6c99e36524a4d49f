/// What a long write is, for other programs waiting for the ledger's write lock (issue 10): set around a batch
/// (`WriteJob.$current.withValue("import by alice") { … }`), the store writes it into the lock-holder note beside
/// the ledger, and a waiting writer says `ledger busy (import by alice in progress), waiting…` instead of a bare
/// lock error. Nil for ordinary writes.
public enum WriteJob {
    @TaskLocal public static var current: String?
}
