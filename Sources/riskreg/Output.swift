import Foundation

/// Standard output and error, and whether each is a terminal.
enum Output {
    static func out(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((text + terminator).utf8))
    }

    /// Writes bytes as they are, with a final line break: large JSON need not become a String.
    static func out(_ data: Data) {
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
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
            FileHandle.standardOutput.write(Data(buffer))
            buffer.removeAll(keepingCapacity: true)
        }
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    static var colourOnStderr: Bool {
        stderrIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
