#if canImport(Glibc)
import Glibc
#endif

/// How the process hands memory back to the operating system: glibc's allocator keeps freed
/// memory for reuse, which is right for most programs and wrong for the large, short-lived
/// blocks scoring a big register makes. The call is glibc's (looked up at run time, as its
/// Swift module does not declare it); elsewhere it does nothing.
///
/// What it buys is measured by `Benchmarks/memory-check`, which CI runs: on model R with 10,000
/// risks, `score` peaks about 2.5 MiB lower with it (63.7–64.0 MiB against 66.0–66.6 MiB at
/// 200,000 trials; 69.1 against 71.4 MiB at 10⁶), and the check's budget sits between the two.
enum MemoryRelease {
    /// Large blocks (per-block sums for thousands of risks, a megabyte each) go straight to the
    /// system and back. By default glibc raises this threshold after the first such block is
    /// freed and then keeps later ones in each worker thread's heap, so a run would end up
    /// holding several of them per thread.
    static func returnLargeBlocksOnFree() {
        typealias Option = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3 // M_MMAP_THRESHOLD in <malloc.h>
        _ = glibc("mallopt", as: Option.self)?(mmapThreshold, 256 << 10)
    }

    /// The C function `name` of the running C library, when it is glibc and has one.
    private static func glibc<Function>(_ name: String, as type: Function.Type) -> Function? {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
        #else
        return nil
        #endif
    }
}
