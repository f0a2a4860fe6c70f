#if canImport(Glibc)
import Glibc
#endif

/// How the process hands memory back to the operating system: glibc's allocator keeps freed
/// memory for reuse, which is right for most programs and wrong for the two large, short-lived
/// things scoring a big register makes. Both calls are glibc's (looked up at run time, as its
/// Swift module does not declare them); elsewhere they do nothing.
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

    /// Reading a large register builds a YAML node tree several times the file's size and frees
    /// it once the register is decoded; its pages, scattered among the register's, would
    /// otherwise stay counted against the process for the whole simulation. `malloc_trim`
    /// returns every whole free page.
    static func returnFreedPages() {
        typealias Trim = @convention(c) (Int) -> Int32
        _ = glibc("malloc_trim", as: Trim.self)?(0)
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
