import Foundation
import RegisterModel
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
        self.diagnostics = diagnostics
        lines = source.map(SourceLines.init)
    }

    /// The text of a 1-based line, counted as libyaml counts lines, to quote the line a
    /// diagnostic points at; nil past the end or when the file could not be read.
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
        // A file over the size limit is refused without reading it into memory.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
           size > YAMLLimits().maxBytes {
            let problem = YAMLComposer.tooLarge(byteCount: size)
            return LoadedRegister(
                file: path, register: nil,
                diagnostics: [.error(Diagnostic.Rule(problem.rule), problem.message, at: .init(file: path, line: 1, column: 1), hint: problem.hint)],
                source: nil)
        }
        let bytes: [UInt8]
        do {
            bytes = try contents(of: path)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "it could not be read"
            return LoadedRegister(
                file: path, register: nil,
                diagnostics: [.error(.fileUnreadable, "cannot read \(path): \(reason)",
                                     at: .init(file: path, line: 1, column: 1),
                                     hint: "check the path and that the file is readable")],
                source: nil)
        }
        return read(bytes: bytes, file: path, asOf: asOf)
    }

    /// The file's bytes. The `Data` they are read into is freed on return, so only one copy of
    /// the file stays alive while it is composed and decoded.
    private static func contents(of path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
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
            diagnostics += decoder.reader.diagnostics
        }
        return (register, diagnostics)
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
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                problems.append(.error(.fileUnreadable, "\(path) does not exist", at: .init(file: path, line: 1, column: 1),
                                       hint: "give a register file or a folder of them, such as `Registers/`"))
                continue
            }
            guard isFolder.boolValue else {
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
                                       at: .init(file: path, line: 1, column: 1)))
            }
            files += found.sorted()
        }
        return (files, problems)
    }
}
