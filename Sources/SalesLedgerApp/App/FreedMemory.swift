#if canImport(Glibc)
import Glibc
#endif

/// Gives freed heap pages back to the system (issue 10, peak RSS of the terminal UI). glibc keeps what a thread
/// freed in that thread's arena: after the day-start backup's check (a background thread) its pages stayed
/// resident for the rest of the session. Calls glibc's `malloc_trim(0)` (looked up at run time: Swift's Glibc
/// module does not export `malloc.h`); a no-op elsewhere.
public enum FreedMemory {
    public static func returnToSystem() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        // RTLD_DEFAULT is the null handle on glibc.
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
