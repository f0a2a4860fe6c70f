import Foundation

/// Writes a file so that a reader sees the old contents or the new, never a torn mix: the bytes
/// go to a temporary file in the same folder (`.NAME.riskreg-XXXXXX`), which is flushed to disk
/// and renamed over the target; the folder is then flushed so the rename itself survives a
/// crash. The previous file's permissions are kept.
///
/// What is refused, before anything is written:
/// - a symbolic link: replacing the link would surprise whoever made it, and following it could
///   overwrite a file elsewhere;
/// - anything but a regular file (a folder, a FIFO, a device, a socket): replacing `/dev/null`
///   or a named pipe with a regular file would break whatever else uses it.
///
/// With ``Mode/create`` an existing file is never replaced, and that holds however the timing
/// falls: the finished temporary file is hard-linked to the target name, which fails if any file
/// has that name by then (two runs at once: one wins, the other is told the file exists). On a
/// file system without hard links, the name is claimed first with an exclusive create, then
/// replaced by the finished file.
///
/// The temporary file is removed on SIGINT, SIGTERM and SIGHUP, and on every failure. One left
/// by a crash or SIGKILL starts with a dot, so folder walks skip it, and the next write to the
/// same file removes it once it is an hour old.
enum AtomicReplace {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        /// The file exists and ``Mode/create`` was asked for.
        var exists = false
    }

    enum Mode {
        /// Replace the file if it exists.
        case replace
        /// Write a new file; fail if one exists, even if it appears while writing.
        case create
    }

    /// - Parameters:
    ///   - writeMode: whether an existing file may be replaced.
    ///   - halfWritten: called once the first half of the bytes is in the temporary file, so
    ///     that tests can see what a reader, or a crash, would leave at that moment.
    static func write(_ data: Data, to path: String, mode writeMode: Mode = .replace, halfWritten: () -> Void = {}) throws(Failure) {
        var info = stat()
        var mode: mode_t = 0o644
        if lstat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFLNK:
                throw Failure(description: "\(path) is a symbolic link; riskreg does not write through links (give the link's target instead)")
            case S_IFDIR: throw Failure(description: "\(path) is a folder; give a file name")
            default: throw Failure(description: "\(path) is \(kind(info)), not a regular file; riskreg writes only regular files")
            }
            if writeMode == .create { throw Failure(description: "\(path) already exists", exists: true) }
            mode = info.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        installSignalHandlers()
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        removeStaleTemporaryFiles(of: url.lastPathComponent, in: folder)
        var template = Array((folder as NSString).appendingPathComponent(".\(url.lastPathComponent).riskreg-XXXXXX").utf8CString)
        // The temporary file's name is recorded for the signal handler in the same breath as
        // the file is made, so no signal can fall between the two.
        let fd = withSignalsBlocked {
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            if fd >= 0 { template.withUnsafeBufferPointer { pending = strdup($0.baseAddress!) } }
            return fd
        }
        guard fd >= 0 else { throw Failure(description: "cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var closed = false
        func fail(_ what: String) -> Failure {
            let reason = String(cString: strerror(errno))
            if !closed { close(fd) }
            removeTemporaryFile()
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
        guard close(fd) == 0 else { closed = true; throw fail("closing") }
        closed = true
        switch writeMode {
        case .replace:
            guard withSignalsBlocked({ rename(temporary, path) == 0 ? { forget(); return true }() : false }) else {
                throw fail("renaming into place")
            }
        case .create:
            try createWithoutReplacing(temporary, path)
        }
        let dirfd = open(folder, O_RDONLY | O_DIRECTORY)
        if dirfd >= 0 {
            fsync(dirfd)
            close(dirfd)
        }
    }

    /// Moves the finished `temporary` to `path` only if nothing has that name.
    private static func createWithoutReplacing(_ temporary: String, _ path: String) throws(Failure) {
        if link(temporary, path) == 0 {
            withSignalsBlocked { unlink(temporary); forget() }
            return
        }
        let linkError = errno
        if linkError == EEXIST {
            removeTemporaryFile()
            throw Failure(description: "\(path) already exists (it appeared while riskreg was writing)", exists: true)
        }
        // No hard links here (some network and FAT file systems): claim the name exclusively,
        // then replace the claim, which nobody else can have made, with the finished file.
        let claim = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard claim >= 0 else {
            let exists = errno == EEXIST
            let reason = String(cString: strerror(errno))
            removeTemporaryFile()
            throw Failure(description: exists ? "\(path) already exists (it appeared while riskreg was writing)" : "cannot write \(path): \(reason)",
                          exists: exists)
        }
        close(claim)
        guard withSignalsBlocked({ rename(temporary, path) == 0 ? { forget(); return true }() : false }) else {
            let reason = String(cString: strerror(errno))
            unlink(path)
            removeTemporaryFile()
            throw Failure(description: "cannot write \(path): renaming into place: \(reason)")
        }
    }

    // MARK: The temporary file in progress

    /// The temporary file being written, for the signal handler: a C string, as a handler may
    /// only make async-signal-safe calls (`unlink`, `signal`, `raise`).
    nonisolated(unsafe) private static var pending: UnsafeMutablePointer<CChar>?

    /// Removes the temporary file being written, if any (on a failed write or a fatal error).
    static func removeTemporaryFile() {
        withSignalsBlocked {
            if let pending { unlink(pending) }
            forget()
        }
    }

    private static func forget() {
        free(pending)
        pending = nil
    }

    nonisolated(unsafe) private static var handlersInstalled = false

    private static let cleanedSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// On SIGINT, SIGTERM or SIGHUP: remove the temporary file, then die of the same signal, so
    /// the exit status says what happened. Installed when the first file is written.
    private static func installSignalHandlers() {
        guard !handlersInstalled else { return }
        handlersInstalled = true
        for signal in cleanedSignals {
            // A signal the parent chose to ignore (`nohup` ignores SIGHUP) stays ignored.
            var current = sigaction()
            sigaction(signal, nil, &current)
            if unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                if let pending = AtomicReplace.pending { unlink(pending) }
                Glibc.signal(received, SIG_DFL)
                raise(received)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    private static func withSignalsBlocked<T>(_ body: () -> T) -> T {
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        for signal in cleanedSignals { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return body()
    }

    /// Removes `.NAME.riskreg-XXXXXX` files beside `name` left by a write that was killed
    /// outright: regular files of this user, untouched for an hour (a live write is never that
    /// old, so a concurrent run's file is left alone).
    private static func removeStaleTemporaryFiles(of name: String, in folder: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let prefix = ".\(name).riskreg-"
        let now = time(nil)
        for entry in entries where entry.hasPrefix(prefix) && entry.count == prefix.count + 6 {
            let path = (folder as NSString).appendingPathComponent(entry)
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == getuid(),
                  now - info.st_mtim.tv_sec > 3600 else { continue }
            unlink(path)
        }
    }

    private static func kind(_ info: stat) -> String {
        switch info.st_mode & S_IFMT {
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }
}
