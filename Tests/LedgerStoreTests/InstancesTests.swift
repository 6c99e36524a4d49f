import Foundation
import Synchronization
import Testing
import LedgerCore
import LedgerStore

/// Issue 12: several programs on one ledger — other programs' writes are noticed, a held lock is waited for and
/// named, a read-only ledger reads but refuses writes.
@Suite(.serialized) struct InstancesTests {
    func tempLedger() throws -> (String, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sl-inst-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return (dir, dir + "/ledger.sqlite")
    }

    func service(_ store: SQLiteLedgerStore) -> LedgerService {
        LedgerService(store: store, clock: FixedClock(CivilDate(iso: "2026-11-29")!), actor: "t")
    }

    @Test func anotherConnectionsCommitChangesTheCounterOursDoesNot() throws {
        let (dir, path) = try tempLedger()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tui = try SQLiteLedgerStore(path: path), cli = try SQLiteLedgerStore(path: path)
        let first = try tui.externalChangeCounter()
        try service(tui).run(CreateCustomer(CustomerFields(code: "C1", name: "Own write")))
        #expect(try tui.externalChangeCounter() == first)
        try service(cli).run(CreateCustomer(CustomerFields(code: "C2", name: "Other program")))
        #expect(try tui.externalChangeCounter() != first)
    }

    @Test func aWriterWaitsForAHeldLockAndSaysWhoHoldsIt() throws {
        let (dir, path) = try tempLedger()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let holder = try SQLiteLedgerStore(path: path)
        let waiter = try SQLiteLedgerStore(path: path, busyTimeoutSeconds: 20)
        let messages = Mutex<[String]>([])
        StoreAccess.waitReporter = { message in messages.withLock { $0.append(message) } }
        defer { StoreAccess.waitReporter = nil }
        let started = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = try? holder.write { _ in started.signal(); Thread.sleep(forTimeInterval: 1.5) }
            done.signal()
        }
        started.wait()
        try service(waiter).run(CreateCustomer(CustomerFields(code: "C1", name: "Waited")))
        done.wait()
        #expect(try waiter.customer(code: "C1") != nil)
        let said = messages.withLock { $0 }
        #expect(said.count == 1)
        #expect(said.first?.hasPrefix("waiting for the ledger: pid \(ProcessInfo.processInfo.processIdentifier) (") == true,
                "\(said)")
    }

    @Test func aWriterGivesUpAfterTheLimitWithAClearMessage() throws {
        let (dir, path) = try tempLedger()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let holder = try SQLiteLedgerStore(path: path)
        let waiter = try SQLiteLedgerStore(path: path, busyTimeoutSeconds: 0.3)
        let started = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = try? holder.write { _ in started.signal(); Thread.sleep(forTimeInterval: 1.5) }
            done.signal()
        }
        started.wait()
        let error = #expect(throws: LedgerError.self) {
            try service(waiter).run(CreateCustomer(CustomerFields(code: "C1", name: "Too late")))
        }
        done.wait()
        #expect(error?.description.hasPrefix("storage error: the ledger is busy: pid ") == true, "\(String(describing: error))")
        #expect(try waiter.customer(code: "C1") == nil)
    }

    /// Issue 10: a writer waits for a named job (an import) as long as its process holds the lock, past its own
    /// limit — also after the job's note is gone while the lock is still held (the job's commit), which used to
    /// fail a wait of over a minute.
    @Test func aWriterWaitsForAJobAsLongAsItHoldsTheLock() throws {
        let (dir, path) = try tempLedger()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let holder = try SQLiteLedgerStore(path: path)
        let waiter = try SQLiteLedgerStore(path: path, busyTimeoutSeconds: 0.3)
        let messages = Mutex<[String]>([])
        StoreAccess.waitReporter = { message in messages.withLock { $0.append(message) } }
        defer { StoreAccess.waitReporter = nil }
        let started = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            WriteJob.$current.withValue("import by alice") {
                _ = try? holder.write { _ in
                    started.signal()
                    Thread.sleep(forTimeInterval: 1.0)
                    unlink(path + ".writer")  // as during a long commit: the lock is held, the note is gone
                    Thread.sleep(forTimeInterval: 1.0)
                }
            }
            done.signal()
        }
        started.wait()
        try service(waiter).run(CreateCustomer(CustomerFields(code: "C1", name: "Waited for the import")))
        done.wait()
        #expect(try waiter.customer(code: "C1") != nil)
        #expect(messages.withLock { $0 } == ["ledger busy (import by alice in progress), waiting…"])
    }

    @Test func aReadOnlyLedgerReadsButRefusesWrites() throws {
        let (dir, path) = try tempLedger()
        defer { chmod(path, 0o600); try? FileManager.default.removeItem(atPath: dir) }
        do {
            let store = try SQLiteLedgerStore(path: path)
            try service(store).run(CreateCustomer(CustomerFields(code: "C1", name: "Kept")))
        }
        #expect(chmod(path, 0o400) == 0)
        let store = try SQLiteLedgerStore(path: path)
        #expect(store.isReadOnly)
        #expect(try store.customer(code: "C1")?.name == "Kept")
        let error = #expect(throws: LedgerError.self) {
            try service(store).run(CreateCustomer(CustomerFields(code: "C2", name: "New")))
        }
        #expect(error?.description.hasPrefix("ledger is read-only") == true)
    }
}
