import Foundation

/// Standard output and error, and whether each is a terminal.
///
/// Every write goes through ``write(_:to:)``, which checks what the system says: a full disk, a
/// closed pipe or `/dev/full` is a clear error and exit status 1, never a crash and never a
/// silently empty file with status 0. (FileHandle's `write(_:)` traps on any failure.)
enum Output {
    static func out(_ text: String, terminator: String = "\n") {
        write(Array((text + terminator).utf8), to: STDOUT_FILENO)
    }

    /// Writes bytes as they are, with a final line break: large JSON need not become a String.
    static func out(_ data: Data) {
        write(Array(data) + [0x0A], to: STDOUT_FILENO)
    }

    /// Standard output through a 64 KiB buffer, for output written in many small pieces.
    final class BufferedOut {
        private var buffer: [UInt8] = []

        init() { buffer.reserveCapacity(Self.capacity) }

        private static let capacity = 1 << 16

        func write(_ text: String) {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= Self.capacity { flush() }
        }

        func flush() {
            guard !buffer.isEmpty else { return }
            Output.write(buffer, to: STDOUT_FILENO)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    static func err(_ text: String) {
        write(Array((text + "\n").utf8), to: STDERR_FILENO)
    }

    /// Writes to standard error without a line break (the progress bar).
    static func errPart(_ text: String) {
        write(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Writes every byte, or ends the process with status 1 and a message saying why.
    ///
    /// A failed write leaves the output incomplete, so there is nothing sensible to go on with:
    /// the temporary file of an atomic write in progress is removed, the reason is printed on
    /// standard error (when standard error itself failed, there is nowhere to print it), and
    /// the process exits 1.
    static func write(_ bytes: [UInt8], to fd: Int32) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                fail(fd, reason: String(cString: strerror(errno)))
            }
            offset += n
        }
    }

    private static func fail(_ fd: Int32, reason: String) -> Never {
        AtomicReplace.removeTemporaryFile()
        if fd != STDERR_FILENO {
            let name = fd == STDOUT_FILENO ? "standard output" : "file descriptor \(fd)"
            let message = Array("riskreg: error: cannot write to \(name): \(reason)\n".utf8)
            _ = message.withUnsafeBytes { Foundation.write(STDERR_FILENO, $0.baseAddress!, $0.count) }
        }
        exit(1)
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    static var colourOnStderr: Bool {
        stderrIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
