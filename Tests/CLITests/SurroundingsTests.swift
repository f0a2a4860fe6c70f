import Foundation
import Testing
import _TestSupport

/// A riskreg process started in the background, so a test can act while it runs.
final class RunningRiskreg: @unchecked Sendable {
    let process = Process()
    private let outPipe = Pipe(), errPipe = Pipe()
    private var outData = Data(), errData = Data()
    private let readers = DispatchGroup()

    /// Starts riskreg with `arguments` in `folder`; `strace` injects faults first (see ``Strace``).
    init(_ arguments: [String], in folder: URL, strace: [String] = [], environment: [String: String] = [:]) throws {
        let riskreg = TestSupport.productsFolder.appendingPathComponent("riskreg").path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Signals the test runner ignores would be ignored by riskreg too: start from the defaults.
        process.arguments = ["--default-signal=HUP,INT,TERM"] + (strace.isEmpty ? [riskreg] + arguments
            : ["strace", "-f", "-qq", "-o", "/dev/null"] + strace + [riskreg] + arguments)
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        for (pipe, isOut) in [(outPipe, true), (errPipe, false)] {
            readers.enter()
            Thread { [self] in
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                if isOut { outData = data } else { errData = data }
                readers.leave()
            }.start()
        }
    }

    func wait() -> (status: Int32, stdout: String, stderr: String) {
        process.waitUntilExit()
        readers.wait()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}

/// strace injects a delay or a signal at a chosen system call, so a test can catch riskreg at
/// an exact point of a write without a hook in riskreg itself. `fsync` is called once per
/// written file, after the temporary file is complete and before it takes the target's name.
enum Strace {
    static let available: Bool = {
        guard let result = try? TestSupport.run(URL(fileURLWithPath: "/usr/bin/env"), ["strace", "-qq", "-o", "/dev/null", "true"],
                                                in: URL(fileURLWithPath: "/")) else { return false }
        return result.status == 0
    }()

    /// Holds riskreg for `seconds` as it flushes the temporary file.
    static func delayAtFlush(_ seconds: Double) -> [String] {
        ["-e", "trace=fsync", "-e", "inject=fsync:delay_enter=\(Int(seconds * 1_000_000)):when=1"]
    }

    /// Sends riskreg `signal` as it flushes the temporary file, half-way through a write.
    static func signalAtFlush(_ signal: String) -> [String] {
        ["-e", "trace=fsync", "-e", "inject=fsync:signal=\(signal):when=1"]
    }
}

@Suite("Surroundings that are not trusted, through the real binary")
struct SurroundingsTests {
    static let asOf = ["--as-of", "2026-11-30"]
    static let fast = ["--trials", "500", "--as-of", "2026-11-30"]
    static let escape = "\u{1B}", bell = "\u{07}", override = "\u{202E}"

    static func hasTerminalControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" || $0 == "\u{9B}" }
    }

    /// A repository with a valid committed register and a secret outside it.
    final class Setting {
        let repository: TemporaryRepository
        let outside: URL
        let secret = "TOP-SECRET-7f3a: do not print"
        init() throws {
            repository = try TemporaryRepository()
            try repository.commit("Registers/good.yaml", TestRegister.standard.text, message: "Add a register")
            outside = try TestSupport.temporaryFolder()
            try "\(secret)\nmore: lines\n".write(to: outside.appendingPathComponent("secret.yaml"), atomically: true, encoding: .utf8)
        }
        deinit { try? FileManager.default.removeItem(at: outside) }

        func link(_ relative: String, to target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: repository.path(relative), withDestinationPath: target)
        }

        func riskreg(_ arguments: [String], environment: [String: String] = [:]) throws -> TestSupport.ProcessResult {
            try TestSupport.riskreg(arguments, in: repository.root, environment: environment)
        }
    }

    // MARK: Symbolic links

    @Test func aLinkToTheEnvironmentIsRefusedUnread() throws {
        let setting = try Setting()
        try setting.link("Registers/env.yaml", to: "/proc/self/environ")
        let canary = ["RISKREG_CANARY": "canary-83f1c2"]
        for format in ["text", "github", "json"] {
            let result = try setting.riskreg(["validate", "Registers/", "--format", format] + Self.asOf, environment: canary)
            #expect(result.status == 1)
            #expect(!(result.stdout + result.stderr).contains("canary-83f1c2"), "\(format)")
            #expect((result.stdout + result.stderr).contains("Registers/env.yaml is a symbolic link leading outside its repository"), "\(format)")
        }
    }

    @Test func aLinkToAFileOutsideIsNeverQuoted() throws {
        let setting = try Setting()
        try setting.link("Registers/leak.yaml", to: setting.outside.appendingPathComponent("secret.yaml").path)
        try setting.repository.git("add", "Registers/leak.yaml")
        try setting.repository.git("commit", "--quiet", "-m", "Add a link")
        let runs = [
            ["validate", "Registers/leak.yaml"] + Self.asOf,
            ["validate", "--format", "github", "Registers/"] + Self.asOf,
            ["score", "Registers/leak.yaml"] + Self.fast,
            ["report", "Registers/leak.yaml"] + Self.fast,
            ["diff", "Registers/leak.yaml", "--since", "HEAD"] + Self.fast,
            ["diff", "Registers/leak.yaml", "--since", "HEAD", "--to", "HEAD"] + Self.fast,
        ]
        for arguments in runs {
            let result = try setting.riskreg(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(!(result.stdout + result.stderr).contains("TOP-SECRET"), "\(arguments): \(result.stdout)\(result.stderr)")
            #expect((result.stdout + result.stderr).contains("symbolic link"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func aLinkWithinTheRepositoryIsFollowed() throws {
        let setting = try Setting()
        try setting.link("Registers/same.yaml", to: "good.yaml")
        let result = try setting.riskreg(["validate", "Registers/same.yaml"] + Self.asOf)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func specialFilesLoopsAndDanglingLinksAreNamedForWhatTheyAre() throws {
        let setting = try Setting()
        #expect(mkfifo(setting.repository.path("Registers/pipe.yaml"), 0o644) == 0)
        try setting.link("Registers/loop.yaml", to: "loop.yaml")
        try setting.link("Registers/gone.yaml", to: "nothing.yaml")
        let result = try setting.riskreg(["validate", "Registers/pipe.yaml", "Registers/loop.yaml", "Registers/gone.yaml", "/dev/zero"] + Self.asOf)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Registers/pipe.yaml: error: [file-unreadable] Registers/pipe.yaml is a FIFO (named pipe), not a regular file"))
        #expect(result.stderr.contains("Registers/loop.yaml is a symbolic link that leads round in a loop"))
        #expect(result.stderr.contains("Registers/gone.yaml is a symbolic link to something that does not exist"))
        #expect(result.stderr.contains("/dev/zero is a character device, not a regular file"))
        #expect(!result.stderr.contains("permission"))
    }

    // MARK: The terminal

    static let hostileRegister: String = {
        var entry = TestRegister.Entry(id: "A")
        entry.outcome = #""\e]0;owned\a\e[2J\u202Eevil\x9B31m""#
        return TestRegister(risks: [entry]).text
    }()

    @Test func validateMessagesCarryNoTerminalControls() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.hostileRegister.write(to: folder.appendingPathComponent("r.yaml"), atomically: true, encoding: .utf8)
        for format in ["text", "github", "json"] {
            let result = try TestSupport.riskreg(["validate", "r.yaml", "--format", format] + Self.asOf, in: folder)
            #expect(result.status == 1)
            #expect((result.stdout + result.stderr).contains("invalid-id"), "\(result.stdout)\(result.stderr)")
            #expect(!Self.hasTerminalControls(result.stdout + result.stderr), "\(format)")
            #expect((result.stdout + result.stderr).contains("\u{FFFD}]0;owned\u{FFFD}\u{FFFD}[2J\u{FFFD}evil"), "\(format): shown, not hidden")
        }
    }

    @Test func fileNamesCarryNoTerminalControls() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A pull request can name a file as it likes; this one is also not a valid register.
        let name = "bad\u{1B}]0;owned\u{07}\u{202E}.yaml"
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Registers"), withIntermediateDirectories: true)
        try "riskreg: 1\n".write(to: folder.appendingPathComponent("Registers/\(name)"), atomically: true, encoding: .utf8)
        for arguments in [["validate", "Registers/"], ["score", "Registers/", "--trials", "500"], ["report", "Registers/\(name)", "--trials", "500"]] {
            let result = try TestSupport.riskreg(arguments + Self.asOf, in: folder)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains("Registers/bad\u{FFFD}]0;owned\u{FFFD}\u{FFFD}.yaml"), "\(arguments): \(result.stderr)")
            #expect(!Self.hasTerminalControls(result.stdout + result.stderr), "\(arguments)")
        }
    }

    @Test func importErrorsCarryNoTerminalControls() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = "Risk ID,Risk title,Owner,Likelihood,Impact\nR1,Flooding,Waste,\u{1B}[2J\u{07}\u{202E}often,3\n"
        try csv.write(to: folder.appendingPathComponent("risks.csv"), atomically: true, encoding: .utf8)
        let result = try TestSupport.riskreg(["import", "risks.csv", "-o", "r.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("risks.csv:2:4: error:"), "\(result.stderr)")
        #expect(!Self.hasTerminalControls(result.stderr))
    }

    // MARK: Special files and races

    @Test func outputIsNeverAFIFO() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = folder.appendingPathComponent("out.md").path
        #expect(mkfifo(pipe, 0o644) == 0)
        let result = try TestSupport.riskreg(["report", TestSupport.path("Registers/community-safety-leiden.yaml"), "-o", pipe] + Self.fast)
        #expect(result.status == 1)
        #expect(result.stderr.contains("out.md is a FIFO (named pipe), not a regular file; riskreg writes only regular files"), "\(result.stderr)")
        var info = stat()
        #expect(lstat(pipe, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO, "the FIFO is still there")
    }

    @Test(.enabled(if: Strace.available, "needs strace"))
    func importNeverReplacesARegisterThatAppearsWhileItRuns() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ImportCommandTests.csv.write(to: folder.appendingPathComponent("risks.csv"), atomically: true, encoding: .utf8)
        let running = try RunningRiskreg(["import", "risks.csv", "-o", "register.yaml"], in: folder, strace: Strace.delayAtFlush(2))
        // Once the temporary file exists, riskreg has checked for register.yaml and is held at
        // the flush: an officer saves their own register meanwhile.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).contains(where: { $0.hasPrefix(".register.yaml.riskreg-") }) {
            usleep(2_000)
        }
        try "the officer's own register\n".write(to: folder.appendingPathComponent("register.yaml"), atomically: false, encoding: .utf8)
        let result = running.wait()
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("register.yaml already exists"))
        #expect(try String(contentsOf: folder.appendingPathComponent("register.yaml"), encoding: .utf8) == "the officer's own register\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["register.yaml", "risks.csv"])
    }

    @Test(.enabled(if: Strace.available, "needs strace"))
    func twoInitsOnOnePathOneWins() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Both are held at the flush, so both have found no register.yaml before either writes.
        let runs = try (0..<2).map { _ in try RunningRiskreg(["init", "register.yaml"] + Self.asOf, in: folder, strace: Strace.delayAtFlush(1.5)) }
        let results = runs.map { $0.wait() }
        #expect(results.map(\.status).sorted() == [0, 1], "\(results.map(\.stderr))")
        #expect(results.contains { $0.stderr.contains("register.yaml already exists") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["register.yaml"])
    }

    // MARK: Writes that fail

    /// Runs riskreg with standard output on `/dev/full`, where every write fails with ENOSPC.
    static func toFullDevice(_ arguments: [String]) throws -> (status: Int32, reason: Process.TerminationReason, stderr: String) {
        let process = Process()
        process.executableURL = TestSupport.productsFolder.appendingPathComponent("riskreg")
        process.arguments = arguments
        process.currentDirectoryURL = TestSupport.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        process.environment = env
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        process.standardOutput = full
        let errPipe = Pipe()
        process.standardError = errPipe
        try process.run()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason, String(decoding: err, as: UTF8.self))
    }

    static let register = "Registers/community-safety-leiden.yaml"

    @Test(arguments: [
        ["validate", register, "--format", "json"] + asOf,
        ["score", register] + fast,
        ["score", register, "--format", "json"] + fast,
        ["score", register, "--format", "csv"] + fast,
        ["report", register] + fast,
        ["diff", register, "--since", "HEAD"] + fast,
        ["schema"],
    ])
    func aFullStandardOutputIsAnError(_ arguments: [String]) throws {
        let (status, reason, stderr) = try Self.toFullDevice(arguments)
        #expect(reason == .exit, "\(arguments): ended by a signal")
        #expect(status == 1, "\(arguments)")
        #expect(stderr.contains("riskreg: error: cannot write to standard output: No space left on device"), "\(arguments): \(stderr)")
    }

    @Test(.enabled(if: Strace.available, "needs strace"), arguments: ["SIGINT", "SIGTERM", "SIGHUP"])
    func anInterruptedWriteLeavesNoTemporaryFile(_ signal: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.md")
        try "the previous report\n".write(to: file, atomically: true, encoding: .utf8)
        let running = try RunningRiskreg(["report", TestSupport.path(Self.register), "-o", file.path] + Self.fast, in: folder,
                                         strace: Strace.signalAtFlush(signal))
        let result = running.wait()
        #expect(result.status != 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == "the previous report\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.md"], "no .report.md.riskreg-XXXXXX left")
    }

    @Test(.enabled(if: Strace.available, "needs strace"))
    func killedMidWriteLeavesTheOldFileWholeAndTheNextRunCleansUp() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.md")
        let old = "# The previous report\n" + String(repeating: "unchanged line\n", count: 1000)
        try old.write(to: file, atomically: true, encoding: .utf8)
        // SIGKILL cannot be caught: the temporary file stays, and the report is the old one, whole.
        let killed = try RunningRiskreg(["report", TestSupport.path(Self.register), "-o", file.path] + Self.fast, in: folder,
                                        strace: Strace.signalAtFlush("SIGKILL")).wait()
        #expect(killed.status != 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == old)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "report.md" }
        #expect(leftovers.count == 1 && leftovers[0].hasPrefix(".report.md.riskreg-"))
        // A leftover is removed by the next write once it is an hour old; a recent one, which
        // could be another run's write in progress, is left alone.
        let stale = folder.appendingPathComponent(leftovers[0]).path
        let recent = folder.appendingPathComponent(".report.md.riskreg-AbC123").path
        try "in progress".write(toFile: recent, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-7200)], ofItemAtPath: stale)
        let next = try TestSupport.riskreg(["report", Self.register, "-o", file.path] + Self.fast)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".report.md.riskreg-AbC123", "report.md"])
    }

    // MARK: Sizes

    @Test func aSpreadsheetOverTheLimitIsRefusedBeforeItIsRead() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.csv").path
        let fd = open(path, O_CREAT | O_WRONLY, 0o644)
        #expect(ftruncate(fd, 200 << 20) == 0)  // 200 MB, sparse: free to make, slow to read
        close(fd)
        let started = Date()
        let result = try TestSupport.riskreg(["import", "big.csv", "-o", "r.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("big.csv is 209715200 bytes, over the limit of 512 KiB (524288 bytes); it was not read"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 60, "refused without reading (a generous bound: this is not a timing test)")
    }

    @Test func aSpreadsheetWithTooManyRowsIsRefusedBeforeItIsParsed() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Small in bytes, but 4,001 risks would make a register over 8 MiB's worth of entries.
        let rows = (1...4_001).map { "R\($0),T,O,1,1\n" }.joined()
        try ("Risk ID,Risk title,Owner,Likelihood,Impact\n" + rows).write(to: folder.appendingPathComponent("many.csv"), atomically: true, encoding: .utf8)
        let result = try TestSupport.riskreg(["import", "many.csv", "-o", "r.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("many.csv:1:1: error: [file-unreadable] many.csv has 4002 lines, over the limit of 4000 rows below the header"), "\(result.stderr)")
        #expect(!result.stderr.contains("import-invalid-result"))
    }

    @Test func aLargeBlobAtARevisionIsRefusedFromItsSize() throws {
        let setting = try Setting()
        try setting.repository.commit("Registers/good.yaml", "riskreg: 1\n# " + String(repeating: "x", count: 9 << 20) + "\n", message: "Pad")
        try setting.repository.write("Registers/good.yaml", TestRegister.standard.text)
        let result = try setting.riskreg(["diff", "Registers/good.yaml", "--since", "HEAD"] + Self.fast)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Registers/good.yaml is 9437198 bytes at revision `HEAD`, over the limit of 8388608 bytes; it was not read"), "\(result.stderr)")
    }

    @Test func scalesFromFollowsNoLinkOutOfTheRepository() throws {
        let setting = try Setting()
        try FileManager.default.copyItem(atPath: TestSupport.path("Registers/community-safety-leiden.yaml"),
                                         toPath: setting.outside.appendingPathComponent("corporate.yaml").path)
        try setting.link("corporate.yaml", to: setting.outside.appendingPathComponent("corporate.yaml").path)
        try setting.repository.write("risks.csv", ImportCommandTests.csv)
        try setting.repository.write("mapping.yaml", "scales-from: corporate.yaml\n")
        let result = try setting.riskreg(["import", "risks.csv", "--mapping", "mapping.yaml", "-o", "r.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("mapping.yaml:1:14: error: [file-unreadable] cannot read the register `corporate.yaml` named by `scales-from`: corporate.yaml is a symbolic link leading outside its repository"), "\(result.stderr)")
    }

    // MARK: Templates

    static func templatesCopy() throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        let copy = folder.appendingPathComponent("my-templates")
        try FileManager.default.copyItem(atPath: TestSupport.path("Templates"), toPath: copy.path)
        return folder
    }

    @Test func aTemplatesFolderInTheWorkingDirectoryIsNotUsedUnlessNamed() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        try "PLANTED {{register.title}}\n".write(to: folder.appendingPathComponent("Templates/report-board.md.mustache"), atomically: true, encoding: .utf8)
        let plain = try TestSupport.riskreg(["report", TestSupport.path(Self.register)] + Self.fast, in: folder)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!plain.stdout.contains("PLANTED") && plain.stdout.contains("## For decision"))
        #expect(!plain.stderr.contains("using templates"))
        let named = try TestSupport.riskreg(["report", TestSupport.path(Self.register), "--templates", "Templates"] + Self.fast, in: folder)
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stdout.hasPrefix("PLANTED"))
        #expect(named.stderr.contains("using templates from Templates: report-board.md.mustache"))
    }

    @Test func aTemplateLinkOutOfTheFolderIsRefused() throws {
        let folder = try Self.templatesCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = folder.appendingPathComponent("secret.txt")
        try "TOP-SECRET-css".write(to: secret, atomically: true, encoding: .utf8)
        let style = folder.appendingPathComponent("my-templates/style.css").path
        try FileManager.default.removeItem(atPath: style)
        try FileManager.default.createSymbolicLink(atPath: style, withDestinationPath: secret.path)
        let result = try TestSupport.riskreg(["report", Self.register, "--format", "html", "--templates", folder.appendingPathComponent("my-templates").path] + Self.fast)
        #expect(result.status == 1)
        #expect(!result.stdout.contains("TOP-SECRET"))
        #expect(result.stderr.contains("style.css is a symbolic link leading outside the templates folder"), "\(result.stderr)")
    }

    /// Edits to html-head.mustache that a report must not survive, with the reason given.
    static let unsafeHeads: [(String, String, String)] = [
        ("<body>", "<body><script>alert(1)</script>", "it contains a <script> element"),
        ("<body>", "<body><SCRIPT src=x></SCRIPT>", "it contains a <script> element"),
        ("<header>", "<header onmouseover=\"alert(1)\">", "the <header> element has an event handler (onmouseover)"),
        ("<body>", "<body><a href=\" jav&#x61;script:alert(1)\">x</a>", "the <a> element's href is a javascript: URL"),
        ("<body>", "<body><iframe srcdoc=x></iframe>", "it contains a <iframe> element"),
        ("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url=https://example.org\">", "it has <meta http-equiv=\"refresh\">"),
        ("img-src 'none'; ", "", "its Content Security Policy is not riskreg's"),
        ("http-equiv=\"Content-Security-Policy\"", "name=\"nothing\"", "the Content Security Policy is missing, or comes after the <style> element"),
        ("<!DOCTYPE html>", "<!DOCTYPE html><link rel=stylesheet href=https://example.org/x.css>", "it contains a <link> element"),
    ]

    @Test(arguments: unsafeHeads)
    func anHTMLReportKeepsItsPolicyAndNoScriptWhateverTheTemplateSays(_ edit: (String, String, String)) throws {
        let folder = try Self.templatesCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = folder.appendingPathComponent("my-templates/html-head.mustache")
        let text = try String(contentsOf: head, encoding: .utf8)
        #expect(text.contains(edit.0))
        try text.replacingOccurrences(of: edit.0, with: edit.1).write(to: head, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("report.html")
        let result = try TestSupport.riskreg(["report", Self.register, "--format", "html", "-o", out.path,
                                              "--templates", folder.appendingPathComponent("my-templates").path] + Self.fast)
        #expect(result.status == 1)
        #expect(result.stderr.contains("report-board.html.mustache:1:1: error: [template] the HTML report was not written: \(edit.2)"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aSelfRecursivePartialIsAnErrorNotACrash() throws {
        let folder = try Self.templatesCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("my-templates")
        try "{{#risks}}{{> md-loop-b}}{{/risks}}\n".write(to: templates.appendingPathComponent("md-loop-a.mustache"), atomically: true, encoding: .utf8)
        try "x\n{{> md-loop-a}}\n".write(to: templates.appendingPathComponent("md-loop-b.mustache"), atomically: true, encoding: .utf8)
        try "{{> md-loop-a}}\n".write(to: templates.appendingPathComponent("report-board.md.mustache"), atomically: true, encoding: .utf8)
        let result = try TestSupport.riskreg(["report", Self.register, "--templates", templates.path] + Self.fast)
        #expect(result.status == 1)
        #expect(result.stderr.contains("md-loop-b.mustache:2:1: error: [template] the partial `md-loop-a` includes itself through this one, which would never end"), "\(result.stderr)")
    }

    @Test func aTemplateOverTheSizeLimitIsRefused() throws {
        let folder = try Self.templatesCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("my-templates")
        try String(repeating: "{{register.title}}\n", count: 10_000).write(to: templates.appendingPathComponent("md-big.mustache"), atomically: true, encoding: .utf8)
        let result = try TestSupport.riskreg(["report", Self.register, "--templates", templates.path] + Self.fast)
        #expect(result.status == 1)
        #expect(result.stderr.contains("md-big.mustache is 190000 bytes, over the limit of 128 KiB"), "\(result.stderr)")
    }

    // MARK: Smaller

    @Test func initAtTheEndOfTimeIsAUsageError() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TestSupport.riskreg(["init", "--as-of", "9999-12-31"], in: folder)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--as-of must be 9999-09-30 or earlier for init"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let last = try TestSupport.riskreg(["init", "--as-of", "9999-09-30"], in: folder)
        #expect(last.status == 0, "\(last.stderr)")
    }
}
