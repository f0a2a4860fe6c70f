import ArgumentParser
import Foundation
import RegisterLoader
import RegisterModel

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented starter register to begin from.",
        discussion: """
            The starter register validates and scores as it is, and shows every main part of \
            the format by example, with comments: outcomes in money and in hours, appetite \
            statements, contributors, perspectives, reduction and resilience entries with \
            responses, and an enablement entry in comments. Its id comes from the file's name \
            (Registers/ward-7.yaml gives ward-7); its review dates start from --as-of \
            (default today).

            Its first line points editors at the JSON Schema: at a schema/register.schema.json \
            or register.schema.json found in the register's folder or above it, otherwise at \
            register.schema.json beside it (write that with `riskreg schema`).

            An existing file is never overwritten; the file is written atomically.

            Exit codes: 0 written; 1 the file exists or could not be written; 64 usage error.
            """
    )

    @Argument(help: "Where to write the register.")
    var path: String = "register.yaml"

    @OptionGroup var asOfOption: AsOfOption

    /// The latest `--as-of` whose three-month review date is still a date riskreg can write.
    static let latestAsOf = CalendarDate(year: 9999, month: 9, day: 30)!

    func validate() throws {
        if asOfOption.asOf > Self.latestAsOf {
            throw ValidationError("--as-of must be \(Self.latestAsOf) or earlier for init: the starter's next review is three months later, and dates end in 9999")
        }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandFailure.error(path, "the folder \(folder.path) does not exist", hint: "create it first, or give another path")
        }
        let (schema, found) = Self.schemaPath(from: folder)
        let text = StarterRegister.text(schemaPath: schema, today: asOfOption.asOf, id: StarterRegister.id(forFile: path))
        // Refused before writing, and again, atomically, when the finished file takes its name:
        // a file that appears meanwhile (another `init` on the same path) is never replaced.
        var info = stat()
        if lstat(path, &info) == 0 {
            throw CommandFailure.error(path, "\(path) already exists", hint: Self.neverOverwrites)
        }
        do {
            try AtomicReplace.write(Data(text.utf8), to: path, mode: .create)
        } catch let error where error.exists {
            throw CommandFailure.error(path, "\(error)", hint: Self.neverOverwrites)
        } catch {
            throw CommandFailure.error(path, "\(error)", hint: "check that the folder is writable")
        }
        Output.err("wrote \(path); check it with `riskreg validate \(path)` and score it with `riskreg score \(path)`")
        if !found {
            Output.err("for editor completion, write the schema beside it: riskreg schema > \(folder.appendingPathComponent("register.schema.json").relativePath(from: FileManager.default.currentDirectoryPath))")
        }
    }

    static let neverOverwrites = "riskreg init never overwrites a file; give a new path, such as Registers/my-service.yaml"

    /// The schema's path relative to `folder`: the nearest `register.schema.json` or
    /// `schema/register.schema.json` in the folder or above it, or `register.schema.json`.
    static func schemaPath(from folder: URL) -> (path: String, found: Bool) {
        var current = folder.standardizedFileURL
        var up = ""
        for _ in 0..<8 {
            for candidate in ["register.schema.json", "schema/register.schema.json"] {
                if FileManager.default.fileExists(atPath: current.appendingPathComponent(candidate).path) {
                    return (up + candidate, true)
                }
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
            up += "../"
        }
        return ("register.schema.json", false)
    }
}

private extension URL {
    /// This path relative to `base` when it lies below it, else as it is.
    func relativePath(from base: String) -> String {
        let full = standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
    }
}
