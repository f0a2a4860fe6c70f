import ArgumentParser
import Foundation
import RegisterLoader
import RegisterModel
import Reporting
import Scoring
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

            A register whose strategy mix departs from the reference in docs/strategy-mix.md (more \
            than three entries in four portfolio or reduction, or no enablement entry) gets a note \
            saying so. A note is neither an error nor a warning: it never fails validation, even \
            with --strict, and --count-warnings leaves it out.

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
                files: loaded.map {
                    .init(file: $0.file, valid: !$0.diagnostics.contains { $0.severity == .error || strict },
                          strategyMix: $0.register.map { MixNote(StrategyMix($0.risks.map(\.strategy))) })
                },
                diagnostics: all)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.out(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .github:
            for d in all { Output.out(DiagnosticPrinter(style: .github).render(d)) }
            for file in loaded {
                guard let lines = Self.mixNote(file) else { continue }
                let text = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                Output.out(UntrustedText.markedLines("::notice file=\(file.file)::\(text)"))
            }
        case .text:
            let printer = DiagnosticPrinter(style: .text(colour: Output.colourOnStderr))
            for d in missing { Output.err(printer.render(d)) }
            let hideWarnings = countWarnings && !strict
            for file in loaded {
                for d in file.diagnostics where !(hideWarnings && d.severity == .warning) {
                    Output.err(printer.render(d, sourceLine: file.sourceLine))
                }
                if !hideWarnings, let lines = Self.mixNote(file) {
                    Output.err(UntrustedText.markedLines(([file.file + ": note: [strategy mix] the mix departs from the reference in docs/strategy-mix.md (a prompt for the board, not a problem)"] + lines.map { "  " + $0 })
                        .joined(separator: "\n")))
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

    /// The strategy-mix note for a register whose mix departs from the reference; nil for one
    /// within it, or a file that did not load.
    static func mixNote(_ file: LoadedRegister) -> [String]? {
        guard let register = file.register else { return nil }
        let mix = StrategyMix(register.risks.map(\.strategy))
        guard mix.leansOnFirstTwo || mix.lacksEnablement else { return nil }
        return ScoreTable.strategyMixLines(mix, phrases: .english)
    }

    /// A file's strategy mix, in the `--format json` document.
    struct MixNote: Encodable {
        var portfolio: Int
        var reduction: Int
        var resilience: Int
        var enablement: Int
        /// The share of portfolio and reduction entries, and the most the reference accepts.
        var firstTwoShare: Double
        var reference: Double
        var leansOnFirstTwo: Bool
        var lacksEnablement: Bool

        init(_ mix: StrategyMix) {
            portfolio = mix.count(.portfolio)
            reduction = mix.count(.reduction)
            resilience = mix.count(.resilience)
            enablement = mix.count(.enablement)
            firstTwoShare = mix.firstTwoShare
            reference = StrategyMix.referenceShare
            leansOnFirstTwo = mix.leansOnFirstTwo
            lacksEnablement = mix.lacksEnablement
        }
    }

    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    /// The `--format json` document.
    struct Report: Encodable {
        struct File: Encodable {
            var file: String
            var valid: Bool
            /// The register's strategy mix against the reference (absent when it did not load).
            var strategyMix: MixNote?
        }

        var asOf: String
        var valid: Bool
        var errors: Int
        var warnings: Int
        var files: [File]
        var diagnostics: [Diagnostic]
    }
}
