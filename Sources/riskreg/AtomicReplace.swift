import Foundation

/// Writes a file so that a reader sees the old contents or the new, never a torn mix: the bytes
/// go to a temporary file in the same folder, which is flushed to disk and renamed over the
/// target; the folder is then flushed so the rename itself survives a crash. The previous
/// file's permissions are kept. A symbolic link is never written through: replacing the link
/// would surprise whoever made it, and following it could overwrite a file elsewhere.
enum AtomicReplace {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// - Parameter halfWritten: called once the first half of the bytes is in the temporary
    ///   file, so that tests can see what a reader, or a crash, would leave at that moment.
    static func write(_ data: Data, to path: String, halfWritten: () -> Void = {}) throws(Failure) {
        var info = stat()
        var mode: mode_t = 0o644
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFLNK {
                throw Failure(description: "\(path) is a symbolic link; riskreg does not write through links (give the link's target instead)")
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                throw Failure(description: "\(path) is a folder; give a file name")
            }
            mode = info.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array((folder as NSString).appendingPathComponent(".\(url.lastPathComponent).riskreg-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(description: "cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var closed = false
        func fail(_ what: String) -> Failure {
            let reason = String(cString: strerror(errno))
            if !closed { close(fd) }
            unlink(temporary)
            return Failure(description: "cannot write \(path): \(what): \(reason)")
        }
        let ok = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            let half = raw.count / 2
            while offset < raw.count {
                let limit = offset < half ? half : raw.count
                let n = Foundation.write(fd, raw.baseAddress! + offset, limit - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
                if offset == half { halfWritten() }
            }
            return true
        }
        guard ok else { throw fail("writing") }
        guard fchmod(fd, mode) == 0 else { throw fail("setting permissions") }
        guard fsync(fd) == 0 else { throw fail("flushing") }
        close(fd)
        closed = true
        guard rename(temporary, path) == 0 else { throw fail("renaming into place") }
        let dirfd = open(folder, O_RDONLY | O_DIRECTORY)
        if dirfd >= 0 {
            fsync(dirfd)
            close(dirfd)
        }
    }
}
