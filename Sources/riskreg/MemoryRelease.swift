#if canImport(Glibc)
import Glibc
#endif

/// Hands memory the program has freed back to the operating system.
enum MemoryRelease {
    /// Reading a large register builds a YAML node tree several times the file's size and frees
    /// it once the register is decoded. glibc's allocator keeps freed pages for reuse, and the
    /// tree's pages, scattered among the register's own, would otherwise stay counted against
    /// the process for the whole simulation. `malloc_trim` (looked up at run time: it is
    /// glibc's, not in its Swift module) returns every whole free page. Elsewhere, a no-op.
    static func returnFreedPages() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(symbol, to: Trim.self)(0)
        }
        #endif
    }
}
