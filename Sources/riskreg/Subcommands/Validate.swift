import ArgumentParser
import Foundation
import RegisterLoader
import RegisterModel
import TextLayer

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check register files and report every problem in one run.",
        discussion: """
            Each problem is printed as `path:line:col: error: [rule] message`, then the line it \
            is on with a caret under the place, then a hint with the fix where there is one. \
            Rules are listed in docs/register-format.md.

            Warnings (a review date in the past, an enablement entry with no benefit, ...) do not \
            fail validation unless --strict is given.

            Exit codes: 0 every file is valid; 1 problems were found (errors, or warnings with \
            --strict); 64 usage error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// For people: diagnostics with the source line and a caret, on standard error.
        case text
        /// For scripts: one JSON document on standard output.
        case json
        /// GitHub Actions annotations on standard output, so pull requests show errors in place.
        case github
    }

    @Argument(help: "Register files or folders of them (default: Registers/).")
    var paths: [String] = []

    @Option(help: "How to print problems: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Print errors in full but warnings only as a count (text output; the pre-commit hook's default). With --strict, warnings are printed in full, since they fail.")
    var countWarnings = false

    @OptionGroup var asOfOption: AsOfOption

    func run() throws {
        let asOf = asOfOption.asOf
        let (files, missing) = RegisterFile.expand(paths.isEmpty ? ["Registers/"] : paths)
        let loaded = files.map { RegisterFile.read(path: $0, asOf: asOf) }
        let all = missing + loaded.flatMap(\.diagnostics)
        let errors = all.filter { $0.severity == .error }.count
        let warnings = all.count - errors
        let failed = errors > 0 || (strict && warnings > 0)

        switch format {
        case .json:
            let report = Report(
                asOf: asOf.description, valid: !failed, errors: errors, warnings: warnings,
                files: loaded.map { .init(file: $0.file, valid: !$0.diagnostics.contains { $0.severity == .error || strict }) },
                diagnostics: all)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.out(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .github:
            for d in all { Output.out(DiagnosticPrinter(style: .github).render(d)) }
        case .text:
            let printer = DiagnosticPrinter(style: .text(colour: Output.colourOnStderr))
            for d in missing { Output.err(printer.render(d)) }
            let hideWarnings = countWarnings && !strict
            for file in loaded {
                for d in file.diagnostics where !(hideWarnings && d.severity == .warning) {
                    Output.err(printer.render(d, sourceLine: file.sourceLine))
                }
            }
            let noun = files.count == 1 ? "file" : "files"
            var summary = "\(files.count) \(noun) checked as of \(asOf): \(Self.count(errors, "error")), \(Self.count(warnings, "warning"))"
            if hideWarnings, warnings > 0 {
                summary += " (not shown; `riskreg validate \(paths.isEmpty ? "Registers/" : paths.joined(separator: " "))` lists them)"
            }
            Output.err(UntrustedText.markedLines(summary))
        }
        if failed { throw ExitCode.failure }
    }

    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    /// The `--format json` document.
    struct Report: Encodable {
        struct File: Encodable {
            var file: String
            var valid: Bool
        }

        var asOf: String
        var valid: Bool
        var errors: Int
        var warnings: Int
        var files: [File]
        var diagnostics: [Diagnostic]
    }
}
