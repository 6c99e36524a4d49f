import Foundation

/// Items produced on a second thread and taken in order on the caller's (s33-import, issue 10): the import reads
/// and splits its file, or reads its staged rows back, while the caller checks or posts what was read before.
///
/// `produce` runs on a new thread and hands each item to `put`, which returns once fewer than `capacity` items wait:
/// with `capacity` 1 the producer makes the next item only when the caller has taken the last, so at most the
/// caller's item and the one being made are in memory, whatever the file's size. The caller takes them with `next`
/// in the order they were put, then gets the error `produce` threw (after every item put before it), then nil.
/// `close` stops the producer (its next `put` throws) and waits for its thread to end; the caller must call it, also
/// when it stops early (`defer`).
final class ReaderThread<Item>: @unchecked Sendable {
    typealias Put = (Item) throws -> Void

    private let capacity: Int
    // Everything below is guarded by `lock`; items cross threads only through it.
    private let lock = NSCondition()
    /// The items put and not taken yet (at most `capacity`; taking one removes it, so it is freed when taken).
    private var queue: [Item] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private var running = true

    private struct Cancelled: Error {}

    /// Starts `produce` on a new thread named `name`.
    init(name: String, capacity: Int, _ produce: @escaping @Sendable (Put) throws -> Void) {
        self.capacity = max(1, capacity)
        let thread = Thread { [self] in run(produce) }
        thread.name = name
        thread.start()
    }

    private func run(_ produce: (Put) throws -> Void) {
        var error: (any Error)?
        do { try produce(put) } catch let caught { error = caught }
        lock.lock()
        if !(error is Cancelled) { failure = error }
        finished = true
        running = false
        lock.broadcast()
        lock.unlock()
    }

    private func put(_ item: Item) throws {
        lock.lock()
        defer { lock.unlock() }
        if cancelled { throw Cancelled() }
        queue.append(item)
        lock.broadcast()
        while queue.count >= capacity && !cancelled { lock.wait() }
        if cancelled { throw Cancelled() }
    }

    /// The next item in the order they were put; nil after the last.
    /// - Throws: what `produce` threw, once every item put before the error has been taken.
    func next() throws -> Item? {
        lock.lock()
        defer { lock.unlock() }
        while queue.isEmpty && !finished { lock.wait() }
        if !queue.isEmpty {
            let item = queue.removeFirst()
            lock.broadcast()
            return item
        }
        if let failure {
            self.failure = nil
            throw failure
        }
        return nil
    }

    /// Stops the producer and waits for its thread to end; items not taken are dropped. Safe to call again.
    func close() {
        lock.lock()
        cancelled = true
        lock.broadcast()
        while running { lock.wait() }
        lock.unlock()
    }
}
