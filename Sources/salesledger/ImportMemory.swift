#if os(Linux)
import CMalloc
#endif

/// The allocator setting of an import (s33-import, issue 10: ≤ 200 MB at a million rows). The import reads its file
/// and its staged rows and packs its audit entries on helper threads; glibc gives each new thread an allocator arena
/// of its own, whose freed memory stays resident, which measured 6–8 MB above the one-thread import's peak at 100k
/// rows (and put 1M rows over 200 MB). One arena for the process keeps the peak where it was (+2 MB at 100k); the
/// threads allocate little, so sharing its lock costs nothing measurable.
enum ImportMemory {
    /// Makes every thread created from now on allocate from the main arena (Linux; elsewhere nothing).
    static func oneArena() {
        #if os(Linux)
        _ = mallopt(M_ARENA_MAX, 1)
        #endif
    }
}
