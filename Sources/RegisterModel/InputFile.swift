import Foundation

/// Reads an input file (a register, a spreadsheet, a mapping, a template) without trusting what
/// surrounds it.
///
/// A register folder can come from a stranger's pull request, and CI prints whatever riskreg
/// says about it in a public log. So before a byte is read:
/// - the path must lead, after every symbolic link is followed, to a place inside its
///   *repository* (``repository(of:)``): a link to `/proc/self/environ`, `~/.ssh/id_rsa` or a
///   file in another checkout is refused without being opened;
/// - what it leads to must be a regular file: a FIFO would block, `/dev/zero` never ends, and a
///   device may act on being opened;
/// - its size must be within the caller's cap, taken from the file's metadata, so a 200 MB file
///   costs nothing to refuse. The file is then read to at most the cap, in case it grows.
///
/// Each refusal says what the path is (missing, a link loop, a dangling link, a FIFO, ...) rather
/// than one catch-all "cannot read".
public enum InputFile {
    /// Why a file was not read.
    public enum Refusal: Error, Sendable, Equatable {
        case missing
        case linkLoop
        case danglingLink
        case permissionDenied
        case outsideRepository(repository: String)
        case notRegular(kind: String)
        case folder
        case tooLarge(bytes: Int, limit: Int)
        case readFailed(reason: String)

        /// One sentence about `path`, quoting nothing from inside the file.
        public func message(_ path: String) -> String {
            switch self {
            case .missing: return "\(path) does not exist"
            case .linkLoop: return "\(path) is a symbolic link that leads round in a loop"
            case .danglingLink: return "\(path) is a symbolic link to something that does not exist"
            case .permissionDenied: return "cannot read \(path): permission denied"
            case .outsideRepository(let repository):
                return "\(path) is a symbolic link leading outside its repository (\(repository)); it was not read"
            case .notRegular(let kind): return "\(path) is \(kind), not a regular file; it was not read"
            case .folder: return "\(path) is a folder, not a file"
            case .tooLarge(let bytes, let limit):
                return "\(path) is \(bytes) bytes, over the limit of \(InputFile.describe(limit)) (\(limit) bytes); it was not read"
            case .readFailed(let reason): return "cannot read \(path): \(reason)"
            }
        }

        /// How to fix it.
        public var hint: String {
            switch self {
            case .missing: return "check the path"
            case .linkLoop, .danglingLink: return "point the link at a file, or replace it with the file itself"
            case .permissionDenied: return "check that the file is readable"
            case .outsideRepository:
                return "riskreg follows links only within the repository (the git work tree, or outside git the folder that holds the file); copy the file in instead"
            case .notRegular: return "give a file saved on disk"
            case .folder: return "give a file"
            case .tooLarge: return "check that this is the file you meant; docs/ci.md lists every size limit"
            case .readFailed: return "check the file and the disk"
            }
        }
    }

    /// Reads the file at `path`, following links only within its repository.
    ///
    /// - Parameters:
    ///   - limit: the most bytes accepted; a larger file is refused before it is opened.
    ///   - repository: the folder links may not leave; by default ``repository(of:)``.
    public static func read(_ path: String, limit: Int, repository: String? = nil) throws(Refusal) -> [UInt8] {
        let resolved = try check(path, repository: repository)
        let fd = open(resolved, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw refusal(errno) }
        defer { close(fd) }
        // The file was checked by name; check what was opened, in case it was swapped meanwhile.
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw refusal(errno) }
        try checkKind(info)
        guard Int(info.st_size) <= limit else { throw .tooLarge(bytes: Int(info.st_size), limit: limit) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= limit else { throw .tooLarge(bytes: count, limit: limit) }
                bytes.append(contentsOf: repeatElement(0, count: min(max(count, 4096), limit + 1 - count)))
            }
            let n = bytes.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .readFailed(reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            count += n
        }
        guard count <= limit else { throw .tooLarge(bytes: count, limit: limit) }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Checks `path` without opening it and returns the real path it leads to.
    public static func check(_ path: String, repository: String? = nil) throws(Refusal) -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw refusal(errno) }
        guard let real = realPath(path) else {
            let error = errno
            throw error == ENOENT ? .danglingLink : refusal(error)
        }
        let boundary = repository ?? Self.repository(of: path)
        let realBoundary = realPath(boundary) ?? boundary
        guard real == realBoundary || real.hasPrefix(realBoundary.hasSuffix("/") ? realBoundary : realBoundary + "/") else {
            throw .outsideRepository(repository: boundary)
        }
        guard stat(real, &info) == 0 else { throw refusal(errno) }
        try checkKind(info)
        return real
    }

    /// The repository a path belongs to: the nearest folder at or above the path's own folder
    /// (as written, before links are followed) that holds `.git`; outside git, the path's own
    /// folder. Symbolic links may not lead out of it.
    public static func repository(of path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        let folder = absolute.deletingLastPathComponent()
        var current = folder
        while true {
            var info = stat()
            if lstat(current.appendingPathComponent(".git").path, &info) == 0 { return current.path }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path || current.path == "/" { return folder.path }
            current = parent
        }
    }

    /// `limit` in words: "8 MiB", "512 KiB".
    public static func describe(_ limit: Int) -> String {
        if limit >= 1 << 20, limit % (1 << 20) == 0 { return "\(limit >> 20) MiB" }
        if limit >= 1 << 10, limit % (1 << 10) == 0 { return "\(limit >> 10) KiB" }
        return "\(limit) bytes"
    }

    private static func checkKind(_ info: stat) throws(Refusal) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw .folder
        case S_IFIFO: throw .notRegular(kind: "a FIFO (named pipe)")
        case S_IFCHR: throw .notRegular(kind: "a character device")
        case S_IFBLK: throw .notRegular(kind: "a block device")
        case S_IFSOCK: throw .notRegular(kind: "a socket")
        default: throw .notRegular(kind: "a special file")
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    public static func refusal(_ error: Int32) -> Refusal {
        switch error {
        case ENOENT, ENOTDIR: return .missing
        case ELOOP: return .linkLoop
        case EACCES, EPERM: return .permissionDenied
        case EISDIR: return .folder
        default: return .readFailed(reason: String(cString: strerror(error)))
        }
    }
}
