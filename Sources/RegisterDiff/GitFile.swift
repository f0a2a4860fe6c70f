import Foundation

/// A file in a git repository, read as it was at a revision through git itself.
///
/// Revisions are read with `git show REV:path` into memory: the working tree, the index and
/// `HEAD` are never touched, so a diff can run while the register is being edited.
public struct GitFile: Sendable {
    /// The file as the user named it.
    public let path: String
    /// The path from the repository's root, with `/` separators: what `REV:path` needs.
    public let pathInRepository: String
    /// The folder git commands run in: the file's own folder, so the right repository is found
    /// even when the current folder is in another one.
    let folder: String

    /// Finds the repository that holds `path`.
    ///
    /// - Throws: ``GitError/notARepository(_:)`` when the file's folder is not inside a git
    ///   working tree, ``GitError/gitUnavailable(_:)`` when git cannot be run.
    public static func locate(_ path: String) throws(GitError) -> GitFile {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .notARepository(path)
        }
        let inside = try Git.run(["rev-parse", "--is-inside-work-tree"], in: folder)
        guard inside.status == 0, inside.text == "true" else { throw .notARepository(path) }
        let prefix = try Git.run(["rev-parse", "--show-prefix"], in: folder)
        guard prefix.status == 0 else { throw .notARepository(path) }
        return GitFile(path: path, pathInRepository: prefix.text + url.lastPathComponent, folder: folder)
    }

    /// The largest file read from a revision, as for a register on disk (8 MiB).
    public static let sizeLimit = 8 << 20

    /// The file's bytes at `revision`, or nil when the revision exists but the file did not
    /// exist in it.
    ///
    /// What the revision holds at the path is looked up first (`git ls-tree -l`: its mode, type
    /// and size), so a symbolic link, a folder or a blob over `limit` is refused before a byte
    /// of it is read.
    ///
    /// - Throws: ``GitError/unknownRevision(_:)`` when no commit is called `revision`;
    ///   ``GitError/notAFile(revision:path:)`` when the path names a folder or a submodule at
    ///   that revision; ``GitError/symbolicLink(revision:path:)``;
    ///   ``GitError/tooLarge(revision:path:bytes:limit:)``.
    public func contents(at revision: String, limit: Int = GitFile.sizeLimit) throws(GitError) -> [UInt8]? {
        // A revision starting with `-` would be read by git as an option.
        guard !revision.isEmpty, !revision.hasPrefix("-"), !revision.contains(":") else {
            throw .unknownRevision(revision)
        }
        let commit = try Git.run(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"], in: folder)
        guard commit.status == 0 else { throw .unknownRevision(revision) }
        let object = "\(revision):\(pathInRepository)"
        let listed = try Git.run(["--literal-pathspecs", "ls-tree", "-z", "--full-tree", "-l", revision, "--", pathInRepository], in: folder)
        guard listed.status == 0 else {
            throw .failed(command: "git ls-tree \(revision) -- \(pathInRepository)", message: listed.errorText)
        }
        // `MODE TYPE OBJECT SIZE<tab>PATH<NUL>`, the path unquoted; nothing when the path does
        // not exist at the revision.
        guard let entry = String(decoding: listed.output, as: UTF8.self).split(separator: "\0").first(where: { $0.hasSuffix("\t" + pathInRepository) }) else { return nil }
        let fields = entry.split(separator: "\t", maxSplits: 1)[0].split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == 4, fields[1] == "blob" else { throw .notAFile(revision: revision, path: pathInRepository) }
        guard fields[0] != "120000" else { throw .symbolicLink(revision: revision, path: pathInRepository) }
        guard let size = Int(fields[3]) else {
            throw .failed(command: "git ls-tree \(revision) -- \(pathInRepository)", message: "unexpected output")
        }
        guard size <= limit else { throw .tooLarge(revision: revision, path: pathInRepository, bytes: size, limit: limit) }
        let shown = try Git.run(["show", "--no-textconv", object], in: folder)
        guard shown.status == 0 else {
            throw .failed(command: "git show \(object)", message: shown.errorText)
        }
        return [UInt8](shown.output)
    }

    /// How a revision's copy of this file is named in diagnostics: `HEAD~1:Registers/x.yaml`.
    public func label(at revision: String) -> String {
        "\(revision):\(pathInRepository)"
    }
}

/// Why a file could not be read from git.
public enum GitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// git could not be started.
    case gitUnavailable(String)
    /// The path is not inside a git working tree.
    case notARepository(String)
    /// No commit has this name.
    case unknownRevision(String)
    /// The path names a folder (a tree) at the revision.
    case notAFile(revision: String, path: String)
    /// The path is a symbolic link at the revision; links are not followed into revisions.
    case symbolicLink(revision: String, path: String)
    /// The file at the revision is larger than riskreg reads.
    case tooLarge(revision: String, path: String, bytes: Int, limit: Int)
    /// git failed in a way the cases above do not cover.
    case failed(command: String, message: String)

    public var description: String {
        switch self {
        case .gitUnavailable(let reason):
            return "git could not be run (\(reason)); riskreg diff reads earlier revisions through git"
        case .notARepository(let path):
            return "\(path) is not inside a git repository, so it has no earlier revisions to compare with"
        case .unknownRevision(let revision):
            return "revision `\(revision)` does not exist in this repository"
        case .notAFile(let revision, let path):
            return "\(path) is a folder at revision `\(revision)`, not a register file"
        case .symbolicLink(let revision, let path):
            return "\(path) is a symbolic link at revision `\(revision)`; riskreg does not follow links in earlier revisions"
        case .tooLarge(let revision, let path, let bytes, let limit):
            return "\(path) is \(bytes) bytes at revision `\(revision)`, over the limit of \(limit) bytes; it was not read"
        case .failed(let command, let message):
            return "`\(command)` failed: \(message)"
        }
    }

    /// How to fix it.
    public var hint: String {
        switch self {
        case .gitUnavailable: return "install git and make sure it is on PATH"
        case .notARepository: return "run `git init` and commit the register, or give a register inside a repository"
        case .unknownRevision: return "give a commit, branch or tag that exists, such as `HEAD~1` or `main` (see `git log --oneline`)"
        case .notAFile: return "give the path of a register file"
        case .symbolicLink: return "commit the register itself rather than a link to it"
        case .tooLarge: return "compare with a revision where the register is within the limit of a register file"
        case .failed: return "run the command yourself to see what git says"
        }
    }
}

/// Runs git as a subprocess, collecting its output in memory.
enum Git {
    struct Result {
        var status: Int32
        var output: Data
        var errorOutput: Data

        /// Standard output as text, without the final newline.
        var text: String {
            var s = String(decoding: output, as: UTF8.self)
            while s.hasSuffix("\n") || s.hasSuffix("\r") { s.removeLast() }
            return s
        }

        var errorText: String {
            String(decoding: errorOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    static func run(_ arguments: [String], in folder: String) throws(GitError) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_PAGER"] = "cat"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        // Told when git exits. `waitUntilExit()` would poll for it every 50 ms, which was most of
        // a diff's wall time (five git commands, each about a poll's length).
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw .gitUnavailable("\(error.localizedDescription)")
        }
        // Both pipes are drained while git runs, so a large file cannot fill one and stall it.
        let errReader = PipeReader(errPipe.fileHandleForReading)
        let output = outPipe.fileHandleForReading.readDataToEndOfFile()
        exited.wait()
        let errorOutput = errReader.finish()
        if process.terminationStatus == 127 {
            throw .gitUnavailable(String(decoding: errorOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return Result(status: process.terminationStatus, output: output, errorOutput: errorOutput)
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        let thread = Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
        thread.start()
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}

extension GitFile {
    /// The earlier side of a comparison: the file's bytes at `revision` (nil when the file did
    /// not exist then, so every entry counts as new) and how that side is named. What
    /// `riskreg diff --since` and `riskreg report --since` both read.
    public func side(at revision: String) throws(GitError) -> (side: RegisterComparison.Side, bytes: [UInt8]?) {
        let bytes = try contents(at: revision)
        return (RegisterComparison.Side(revision: revision, label: label(at: revision), exists: bytes != nil), bytes)
    }
}
