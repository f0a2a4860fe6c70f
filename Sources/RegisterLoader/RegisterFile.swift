import Foundation
import RegisterModel
import TextLayer
import YAMLNodes

/// A register file as read: its text, the register (when it has no errors) and every problem.
public struct LoadedRegister: Sendable {
    /// The path as the user gave it.
    public let file: String
    /// The register, or nil when any diagnostic is an error.
    public let register: Register?
    /// Every problem found, sorted by position.
    public let diagnostics: [Diagnostic]
    private let lines: SourceLines?

    init(file: String, register: Register?, diagnostics: [Diagnostic], source: [UInt8]?) {
        self.file = file
        self.register = register
        // Messages and hints quote register text: cleaned here, once, for every output (text,
        // GitHub annotations, JSON), as reports clean it.
        self.diagnostics = diagnostics.map { d in
            var d = d
            d.message = UntrustedText.marked(d.message)
            d.hint = d.hint.map(UntrustedText.marked)
            return d
        }
        lines = source.flatMap { RegisterFile.looksLikeARegister($0) ? SourceLines($0) : nil }
    }

    /// The text of a 1-based line, counted as libyaml counts lines, to quote the line a
    /// diagnostic points at; nil past the end, when the file could not be read, or when it is
    /// not a register (``RegisterFile/looksLikeARegister(_:)``): a file reached by mistake, or
    /// by a link, may hold secrets, and CI logs are public.
    public func sourceLine(_ number: Int) -> String? {
        lines?.line(number)
    }
}

/// Reads register files and the folders that hold them.
public enum RegisterFile {
    /// The version of the system libyaml that reads registers (`0.2.5`), for reports to print.
    public static var libyamlVersion: String { LibYAML.version }

    /// Reads and validates the register at `path`.
    ///
    /// - Parameter asOf: the day review dates are compared with; it is an input so that results
    ///   do not change from one day to the next unless the caller asks.
    public static func read(path: String, asOf: CalendarDate) -> LoadedRegister {
        // Links leading out of the repository, special files and files over the size limit are
        // refused without being read.
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path, limit: YAMLLimits().maxBytes)
        } catch {
            let diagnostic: Diagnostic
            if case .tooLarge(let size, _) = error {
                let problem = YAMLComposer.tooLarge(byteCount: size)
                diagnostic = .error(Diagnostic.Rule(problem.rule), problem.message, at: .whole(path), hint: problem.hint)
            } else {
                diagnostic = .error(.fileUnreadable, error.message(path), at: .whole(path), hint: error.hint)
            }
            return LoadedRegister(file: path, register: nil, diagnostics: [diagnostic], source: nil)
        }
        return read(bytes: bytes, file: path, asOf: asOf)
    }

    /// Reads and validates a register from its bytes; `file` names it in diagnostics.
    public static func read(bytes: [UInt8], file: String, asOf: CalendarDate) -> LoadedRegister {
        let (register, found) = decode(bytes, file: file, asOf: asOf)
        // A node shared through an alias is read once per use; its problems are reported once.
        var seen = Set<Diagnostic>()
        let diagnostics = found.sortedByPosition().filter { seen.insert($0).inserted }
        return LoadedRegister(
            file: file, register: diagnostics.hasErrors ? nil : register, diagnostics: diagnostics, source: bytes)
    }

    /// Composes and decodes a register. The node tree lives only inside this call: it is the
    /// largest thing a read holds, so it is freed before the diagnostics are sorted and the
    /// file's lines are indexed for quoting.
    private static func decode(_ bytes: [UInt8], file: String, asOf: CalendarDate) -> (Register?, [Diagnostic]) {
        var document = YAMLComposer.compose(bytes)
        // A root that is not a mapping is not a register. A single value there is the whole
        // file as one scalar, which may be anything (a link to a secret), so it is not quoted.
        if let root = document.root, root.mapping == nil {
            let holds = root.scalar == nil ? root.kindDescription : "a single value"
            return (nil, [.error(.formatVersion, "this file is not a riskreg register: it holds \(holds), not a mapping of sections",
                                 at: .init(file: file, line: root.mark.line, column: root.mark.column),
                                 hint: "a register starts with `riskreg: 1`, then `register:`, `outcomes:` and `risks:`")])
        }
        var diagnostics = document.problems.map { problem in
            Diagnostic.error(Diagnostic.Rule(problem.rule), problem.message,
                             at: .init(file: file, line: problem.mark.line, column: problem.mark.column),
                             hint: problem.hint)
        }
        var register: Register?
        // The decoder is handed the only reference to the root, so it can free what it has read.
        if let root = document.root.take() {
            var decoder = RegisterDecoder(file: file, asOf: asOf)
            register = decoder.decode(consume root)
            var found = decoder.reader.diagnostics
            // Read from a copy with tab indentation replaced: point at the file as written.
            if let tabs = document.tabIndentation {
                for i in found.indices where tabs.isRepaired(line: found[i].location.line) {
                    let mark = tabs.original(YAMLMark(line: found[i].location.line, column: found[i].location.column))
                    found[i].location.column = mark.column
                }
            }
            diagnostics += found
        }
        return (register, diagnostics)
    }

    /// Whether `bytes` are UTF-8 text with a top-level `riskreg:` key, as every register has.
    /// Only such files have their lines quoted in diagnostics: an error never shows a line of
    /// a file that is not a register.
    public static func looksLikeARegister(_ bytes: [UInt8]) -> Bool {
        let body = SourceLines.withoutByteOrderMark(bytes)
        guard String(validating: body, as: UTF8.self) != nil else { return false }
        let key = Array("riskreg:".utf8)
        if body.starts(with: key) { return true }
        var index = body.startIndex
        while let newline = body[index...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
            index = newline + 1
            if body[index...].starts(with: key) { return true }
        }
        return false
    }

    /// The register files named by `paths`: files as given, and in folders every `.yaml` or
    /// `.yml` file below them (hidden folders skipped), in sorted order so output is stable.
    ///
    /// - Returns: the files, and for each path that does not exist a diagnostic.
    public static func expand(_ paths: [String]) -> (files: [String], problems: [Diagnostic]) {
        var files: [String] = []
        var problems: [Diagnostic] = []
        let manager = FileManager.default
        for path in paths {
            // What the path is, told apart: missing, a link loop, a dangling link. Special files
            // and links out of the repository are refused when they are read.
            var info = stat()
            let refusal: InputFile.Refusal? =
                lstat(path, &info) != 0 ? InputFile.refusal(errno)
                : stat(path, &info) != 0 ? (errno == ENOENT ? .danglingLink : InputFile.refusal(errno)) : nil
            if let refusal {
                problems.append(.error(.fileUnreadable, refusal.message(path), at: .whole(path),
                                       hint: refusal == .missing ? "give a register file or a folder of them, such as `Registers/`" : refusal.hint))
                continue
            }
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                files.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            var found: [String] = []
            if let walker = manager.enumerator(atPath: path) {
                while let relative = walker.nextObject() as? String {
                    let name = (relative as NSString).lastPathComponent
                    if name.hasPrefix(".") {
                        walker.skipDescendants()
                        continue
                    }
                    if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                        found.append(base + "/" + relative)
                    }
                }
            }
            if found.isEmpty {
                problems.append(.error(.fileUnreadable, "\(path) holds no `.yaml` or `.yml` files",
                                       at: .whole(path)))
            }
            files += found.sorted()
        }
        return (files, problems)
    }
}
