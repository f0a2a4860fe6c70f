import ArgumentParser
import Foundation
import RegisterLoader
import Spreadsheets
import RegisterModel

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn a spreadsheet register (CSV) into a riskreg register.",
        discussion: """
            Reads a register exported from Excel or LibreOffice as CSV (UTF-8 or Windows-1252, \
            comma or semicolon, quoted fields with line breaks) with a header row and one row \
            per risk, and writes a commented register that validates and scores.

            Without --mapping, columns are found by common headers, ignoring case, spaces and \
            punctuation: "Risk ID" or "Ref", "Risk title", "Description", "Risk owner" or \
            "Owner", "Likelihood" and "Impact" (or "Gross likelihood", "Gross impact"), \
            "Residual likelihood", "Residual impact", "Target likelihood", "Target impact", \
            "Controls" or "Existing controls", "Actions", "Action owner", "Review date" or \
            "Next review". Columns whose header says "score" or "RAG" are worked out again and \
            ignored. A mapping file names other headers, the register's metadata and scales, \
            and how strategy and outcome are decided; docs/import.md describes it, and \
            docs/examples/council-mapping.yaml is a worked example.

            Levels may be typed as numbers or labels ("4", " 3 ", "4 - Likely", "likely"). A row \
            with only a note is added to the description of the risk above it. A review date of \
            "TBC" or "n/a" leaves the date for the officer to set. A reference that is not a \
            valid id is made into one, and the original kept in the description.

            What the spreadsheet cannot say (strategy, unless the mapping decides it, and \
            co-production) is listed under each risk's `needs-review`, so `riskreg validate` \
            warns until the officer has checked it.

            Every problem is printed as FILE.csv:ROW:COLUMN (ROW is the line the cell starts \
            on, COLUMN its place in the row), or FILE.yaml:LINE:COL in the mapping. Nothing is \
            written unless the whole file imports; an existing register is replaced only with \
            --force, atomically.

            Examples:
              riskreg import risks.csv -o Registers/corporate.yaml
              riskreg import docs/examples/council-register.csv \\
                  --mapping docs/examples/council-mapping.yaml -o Registers/council.yaml

            Exit codes: 0 written; 1 problems in the spreadsheet or mapping, or the register \
            exists or could not be written; 64 usage error.
            """
    )

    @Argument(help: ArgumentHelp("The spreadsheet export to read.", valueName: "file.csv"))
    var csv: String

    @Option(name: .long, help: ArgumentHelp("Which column holds what, the register's metadata and scales (YAML).", valueName: "mapping.yaml"))
    var mapping: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the register.", valueName: "register.yaml"))
    var output: String

    @Flag(help: "Replace the register at --output if it exists.")
    var force = false

    func run() throws {
        let printer = DiagnosticPrinter(style: .text(colour: Output.colourOnStderr))
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandFailure.error(output, "the folder \(folder.path) does not exist", hint: "create it first, or give another path")
        }
        var info = stat()
        if lstat(output, &info) == 0, !force {
            throw CommandFailure.error(output, "\(output) already exists", hint: "give --force to replace it, or a new path")
        }

        var problems: [Diagnostic] = []
        var mappingLines: ((Int) -> String?) = { _ in nil }
        var importMapping = ImportMapping.defaults
        if let mapping {
            let bytes: [UInt8]
            do {
                bytes = try InputFile.read(mapping, limit: Self.mappingLimit)
            } catch {
                Output.err(printer.render(.error(.fileUnreadable, error.message(mapping), at: .whole(mapping),
                                                 hint: error.hint)))
                throw ExitCode.failure
            }
            let text = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            mappingLines = { $0 >= 1 && $0 <= text.count ? text[$0 - 1] : nil }
            let read = ImportMapping.read(bytes: bytes, file: mapping)
            problems += read.diagnostics
            if let m = read.mapping { importMapping = m }
        }
        let data: [UInt8]
        do {
            data = try InputFile.read(csv, limit: Self.spreadsheetLimit)
        } catch {
            problems.append(.error(.fileUnreadable, error.message(csv), at: .whole(csv), hint: error.hint))
            report(problems, printer: printer, mappingLines: mappingLines)
            throw ExitCode.failure
        }
        // Each row becomes at least 1.2 KB of commented register: past the row limit the
        // register would pass a register's 8 MiB limit, after a long wait.
        let lines = Self.lineCount(data)
        if lines > Self.spreadsheetRowLimit + 1 {
            problems.append(.error(.fileUnreadable, "\(csv) has \(lines) lines, over the limit of \(Self.spreadsheetRowLimit) rows below the header",
                                   at: .init(file: csv, line: 1, column: 1),
                                   hint: "split the spreadsheet into several registers, by service or directorate"))
        }
        guard !problems.hasErrors else {
            report(problems, printer: printer, mappingLines: mappingLines)
            throw ExitCode.failure
        }
        let name = ((output as NSString).lastPathComponent as NSString).deletingPathExtension
        let (result, table) = SpreadsheetImport.run(bytes: data, file: csv, mapping: importMapping, registerID: name,
                                                    schemaPath: Init.schemaPath(from: folder).path)
        guard let text = result.text, let table else {
            report(result.diagnostics, printer: printer, mappingLines: mappingLines)
            throw ExitCode.failure
        }
        do {
            // Without --force, a register that appeared while the spreadsheet was read is kept.
            try AtomicReplace.write(Data(text.utf8), to: output, mode: force ? .replace : .create)
        } catch let error where error.exists {
            Output.err("\(output): error: \(error)\n    hint: give --force to replace it, or a new path; nothing was written")
            throw ExitCode.failure
        } catch {
            throw CommandFailure.error(output, "\(error)", hint: "check that the folder is writable")
        }
        let risks = result.risks == 1 ? "1 risk" : "\(result.risks) risks"
        Output.err("wrote \(output): \(risks) from \(csv) (\(table.encoding.rawValue), separated by `\(table.separator)`); \(result.needingReview) marked `needs-review`")
        if result.usedExampleScales {
            Output.err("warning: the mapping gives no `scales`, so the levels were read on the example 5 × 5 scales (docs/register-format.md#scales), not your organisation's; every entry is marked `needs-review: [estimates]`. Give your policy's bands under `scales:` (or `scales-from:`) in the mapping and import again")
        }
        Output.err("check them with `riskreg validate \(output)`, then score with `riskreg score \(output)`")
    }

    /// The largest spreadsheet export read, checked before the file is read. With
    /// ``spreadsheetRowLimit`` it keeps the register written from it within a register's 8 MiB
    /// and the import to seconds.
    static let spreadsheetLimit = 512 << 10

    /// The most rows below the header (counted as lines, so a cell with line breaks counts
    /// each of its lines).
    static let spreadsheetRowLimit = 4_000

    /// Lines in `bytes`: line feeds, and carriage returns not followed by one, plus a last line
    /// without a break.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var count = 0
        for (i, byte) in bytes.enumerated() where byte == 0x0A || (byte == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
            count += 1
        }
        if let last = bytes.last, last != 0x0A, last != 0x0D { count += 1 }
        return count
    }

    /// The largest mapping file read.
    static let mappingLimit = 1 << 20

    private func report(_ diagnostics: [Diagnostic], printer: DiagnosticPrinter, mappingLines: (Int) -> String?) {
        for d in diagnostics {
            // Mapping problems quote their line; a CSV cell's column is its place in the row, not
            // a character, so a caret under it would mislead.
            Output.err(printer.render(d, sourceLine: d.location.file == mapping ? mappingLines : { _ in nil }))
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        Output.err("\(errors) \(errors == 1 ? "error" : "errors"); nothing was written")
    }
}
