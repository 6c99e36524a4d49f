import Dispatch

/// A value computed on another thread while the caller goes on (s33-import: a bulk audit entry's lines are built
/// and deflated while the writer reads the records' seals back). The work must touch no database connection and
/// nothing the caller changes meanwhile: it gets only `Sendable` values. `wait` blocks until the value is there;
/// call it exactly once, also on the caller's error paths, so no work outlives the caller's data.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the worker before `done` is signalled, read once after `wait` returns: the semaphore orders
    // the two accesses.
    private var value: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.value = work()
            self.done.signal()
        }
    }

    /// The value, once the work has finished.
    func wait() -> Value {
        done.wait()
        guard let value else { preconditionFailure("BackgroundWork: no value after the signal") }
        return value
    }
}
