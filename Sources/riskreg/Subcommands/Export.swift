import ArgumentParser
import Foundation
import RegisterLoader
import RegisterModel
import Spreadsheets
import TextLayer

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a register as a spreadsheet (CSV) that `riskreg import` reads back.",
        discussion: """
            The CSV has one row per entry under the headers `riskreg import` recognises: \
            reference, title, description, owner, the gross, current and target likelihood \
            and impact levels (`4 - likely`), the controls (the response's action), the review \
            date, the strategy and the outcome. With --mapping, the mapping that imports it \
            back is written too: the register's metadata, outcomes and scales, and how the \
            strategy and outcome columns are read. `riskreg import FILE.csv --mapping \
            MAPPING.yaml` then gives the same register for everything a spreadsheet holds; what \
            it cannot hold (direct estimates, benefits, co-production, responses' costs, \
            correlations, appetite statements, ...) is named on standard error.

            The register needs `scales` and each entry's `ratings` (as an import writes them): \
            a spreadsheet holds levels, not distributions. Text a spreadsheet would run as a \
            formula is written after a space. Files are written atomically.

            Exit codes: 0 written; 1 the register has errors, cannot be exported or a file \
            could not be written; 64 usage error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv
    }

    @Argument(help: "The register file.")
    var path: String

    @Option(help: "Output: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .csv

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the CSV to this file (default: standard output).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Also write the mapping that imports the CSV back to this file.", valueName: "file"))
    var mapping: String?

    @OptionGroup var asOfOption: AsOfOption

    func run() throws {
        try CommandFailure.refuseFolder(path, command: "export")
        let printer = DiagnosticPrinter(style: .text(colour: Output.colourOnStderr))
        let register = try RegisterFile.read(path: path, asOf: asOfOption.asOf).validRegister(
            printer: printer, refusal: "\(path): not exported: the register has errors (`riskreg validate \(path)` shows every problem)")
        let export: SpreadsheetExport.Export
        do {
            export = try SpreadsheetExport.export(register)
        } catch {
            throw CommandFailure.error(path, error.description, hint: error.hint)
        }
        for (file, text) in [(output, export.csv), (mapping, export.mapping)] {
            guard let file else { continue }
            do {
                try AtomicReplace.write(Data(text.utf8), to: file)
            } catch {
                throw CommandFailure.error(file, "\(error)", hint: "check that the folder is writable")
            }
        }
        if output == nil { Output.out(export.csv, terminator: "") }
        if let output { Output.err(UntrustedText.markedLines("wrote \(output): \(register.risks.count) \(register.risks.count == 1 ? "entry" : "entries")" + (mapping.map { ", and its mapping \($0)" } ?? ""))) }
        if !export.leftOut.isEmpty {
            Output.err(UntrustedText.markedLines("not in the spreadsheet: \(export.leftOut.joined(separator: "; "))"))
        }
    }
}
