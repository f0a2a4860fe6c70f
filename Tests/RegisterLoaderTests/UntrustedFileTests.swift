import Foundation
import RegisterLoader
import RegisterModel
import Testing
import _TestSupport

/// Reading a register without trusting what surrounds it: links, special files, sizes.
@Suite("Files around a register are not trusted")
struct UntrustedFileTests {
    let asOf = CalendarDate(year: 2026, month: 11, day: 30)!

    /// A git work tree (just a `.git` folder: the loader looks for it, git is not run) with a
    /// valid register, and a folder outside it holding a secret.
    final class Layout {
        let root: URL
        let repository: URL
        let outside: URL
        init() throws {
            root = try TestSupport.temporaryFolder()
            repository = root.appendingPathComponent("repo")
            outside = root.appendingPathComponent("elsewhere")
            for folder in [repository.appendingPathComponent(".git"), repository.appendingPathComponent("Registers"), outside] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            try Minimal.register().write(to: repository.appendingPathComponent("Registers/good.yaml"), atomically: true, encoding: .utf8)
            try "SECRET_TOKEN=hunter2\n".write(to: outside.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        }
        deinit { try? FileManager.default.removeItem(at: root) }

        func link(_ name: String, to target: String) throws -> String {
            let path = repository.appendingPathComponent("Registers/\(name)").path
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
            return path
        }
    }

    func single(_ loaded: LoadedRegister) throws -> Diagnostic {
        #expect(loaded.diagnostics.count == 1, "\(loaded.diagnostics)")
        return try #require(loaded.diagnostics.first)
    }

    @Test("a link leading out of the repository is refused unread", arguments: ["/proc/self/environ", "ELSEWHERE/secret.txt", "../../elsewhere/secret.txt"])
    func linkOutOfTheRepository(_ target: String) throws {
        let layout = try Layout()
        let path = try layout.link("env.yaml", to: target.replacingOccurrences(of: "ELSEWHERE", with: layout.outside.path))
        let loaded = RegisterFile.read(path: path, asOf: asOf)
        let d = try single(loaded)
        #expect(d.rule == .fileUnreadable)
        #expect(d.location == .whole(path))
        #expect(d.message == "\(path) is a symbolic link leading outside its repository (\(layout.repository.path)); it was not read")
        #expect(loaded.sourceLine(1) == nil)
        #expect(!"\(d)".contains("hunter2") && !"\(d)".contains("PATH="))
    }

    @Test("a link within the repository is followed")
    func linkWithinTheRepository() throws {
        let layout = try Layout()
        let path = try layout.link("alias.yaml", to: "good.yaml")
        let loaded = RegisterFile.read(path: path, asOf: asOf)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.register != nil)
    }

    @Test("outside git, a link may not leave the register's folder")
    func outsideGit() throws {
        let layout = try Layout()
        try FileManager.default.removeItem(at: layout.repository.appendingPathComponent(".git"))
        let path = try layout.link("up.yaml", to: "../../elsewhere/secret.txt")
        let d = try single(RegisterFile.read(path: path, asOf: asOf))
        #expect(d.message.hasSuffix("is a symbolic link leading outside its repository (\(layout.repository.path)/Registers); it was not read"))
        #expect(InputFile.repository(of: path) == layout.repository.path + "/Registers")
    }

    @Test("special files are named as what they are, and never opened")
    func specialFiles() throws {
        let layout = try Layout()
        let fifo = layout.repository.appendingPathComponent("Registers/pipe.yaml").path
        #expect(mkfifo(fifo, 0o644) == 0)
        // Opening a FIFO for reading would block until a writer came: the refusal proves it was not.
        #expect(try single(RegisterFile.read(path: fifo, asOf: asOf)).message == "\(fifo) is a FIFO (named pipe), not a regular file; it was not read")
        let zero = try single(RegisterFile.read(path: "/dev/zero", asOf: asOf))
        #expect(zero.message == "/dev/zero is a character device, not a regular file; it was not read")
        #expect(zero.rule == .fileUnreadable)
    }

    @Test("a link loop and a dangling link are told apart from a missing file")
    func loopsAndDanglingLinks() throws {
        let layout = try Layout()
        let loop = try layout.link("loop.yaml", to: "loop.yaml")
        #expect(try single(RegisterFile.read(path: loop, asOf: asOf)).message == "\(loop) is a symbolic link that leads round in a loop")
        let dangling = try layout.link("gone.yaml", to: "nothing-here.yaml")
        #expect(try single(RegisterFile.read(path: dangling, asOf: asOf)).message == "\(dangling) is a symbolic link to something that does not exist")
        let (files, problems) = RegisterFile.expand([loop, dangling])
        #expect(files.isEmpty)
        #expect(problems.map(\.message) == ["\(loop) is a symbolic link that leads round in a loop",
                                             "\(dangling) is a symbolic link to something that does not exist"])
    }

    @Test("a file over the size limit is refused from its size, before it is read")
    func sizeBeforeReading() throws {
        let layout = try Layout()
        // A 200 MB sparse file: reading it would take time and memory; its size costs nothing.
        let path = layout.repository.appendingPathComponent("Registers/huge.yaml").path
        let fd = open(path, O_CREAT | O_WRONLY, 0o644)
        #expect(ftruncate(fd, 200 << 20) == 0)
        close(fd)
        let d = try single(RegisterFile.read(path: path, asOf: asOf))
        #expect(d.rule == .yamlTooLarge)
        #expect(d.message.hasPrefix("the file is 209715200 bytes, over the limit"))
        #expect(throws: InputFile.Refusal.tooLarge(bytes: 209_715_200, limit: 1 << 20)) { try InputFile.read(path, limit: 1 << 20) }
    }

    @Test("a file that is not a register has no line quoted, and a single value is not repeated")
    func notARegisterIsNotQuoted() throws {
        let layout = try Layout()
        let path = layout.repository.appendingPathComponent("Registers/notes.yaml").path
        try "API_KEY=abc123-secret\n".write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = RegisterFile.read(path: path, asOf: asOf)
        let d = try single(loaded)
        #expect(d.message == "this file is not a riskreg register: it holds a single value, not a mapping of sections")
        #expect(loaded.sourceLine(1) == nil)
        let mapping = RegisterFile.read(bytes: Array("password: hunter2\n".utf8), file: "creds.yaml", asOf: asOf)
        #expect(mapping.sourceLine(1) == nil, "a mapping without `riskreg:` is not a register either")
        #expect(!mapping.diagnostics.contains { $0.message.contains("hunter2") })
        let register = RegisterFile.read(bytes: Array(Minimal.register().replacingOccurrences(of: "horizon: 12 months", with: "horizon: soon").utf8),
                                         file: "r.yaml", asOf: asOf)
        #expect(register.sourceLine(1) == "riskreg: 1", "a register's own lines are still quoted")
    }
}
