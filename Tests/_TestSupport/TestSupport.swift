import Foundation

/// Paths and process helpers shared by riskreg's test targets.
public enum TestSupport {
    /// The package's root folder, found from this file's own path.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func path(_ relative: String) -> String {
        packageRoot.appendingPathComponent(relative).path
    }

    /// The folder the test runner was built into, which also holds the `riskreg` executable.
    public static var productsFolder: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        // On some platforms the runner sits inside a bundle: climb to the folder holding it.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("riskreg").path),
              folder.pathComponents.count > 1, folder.lastPathComponent != ".build" {
            folder.deleteLastPathComponent()
        }
        return folder
    }

    /// What a finished process printed and how it exited.
    public struct ProcessResult: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs the real `riskreg` binary with `arguments`, in `directory` (default: the package root).
    public static func riskreg(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
        try run(productsFolder.appendingPathComponent("riskreg"), arguments, in: directory ?? packageRoot, environment: environment)
    }

    /// Runs `executable` to completion with colour off, reading its output as it goes.
    ///
    /// - Parameter removing: environment variables to leave out of the child's environment.
    public static func run(
        _ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:],
        removing: [String] = []
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for key in removing { env[key] = nil }
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        // Read both pipes while the process runs, so a full pipe cannot stall it.
        nonisolated(unsafe) var errData = Data()
        let errReader = Thread { errData = errPipe.fileHandleForReading.readDataToEndOfFile() }
        errReader.start()
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errReader.isFinished { usleep(1000) }
        return ProcessResult(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder, removed by the caller when done.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("riskreg-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
