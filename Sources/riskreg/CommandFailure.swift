import ArgumentParser
import RegisterLoader
import RegisterModel
import TextLayer

/// How a subcommand stops on a problem, written once so that every command reports alike.
enum CommandFailure {
    /// Prints `file: error: message` (and the hint on the next line) to standard error and
    /// returns the exit status to throw, 1.
    static func error(_ file: String, _ message: String, hint: String? = nil) -> ExitCode {
        // The file's name and the message may carry text from a register or a file name.
        Output.err(UntrustedText.markedLines("\(file): error: \(message)" + (hint.map { "\n    hint: \($0)" } ?? "")))
        return ExitCode.failure
    }
}

extension LoadedRegister {
    /// The register when it is valid; otherwise nil, after printing every error (each with its
    /// source line) and then `refusal`, the line saying what the command will not do with it.
    ///
    /// For commands that go on to the next file; ``validRegister(printer:refusal:)`` stops.
    func validRegisterOrReport(printer: DiagnosticPrinter, refusal: String) -> Register? {
        if let register { return register }
        for d in diagnostics where d.severity == .error {
            Output.err(printer.render(d, sourceLine: sourceLine))
        }
        Output.err(UntrustedText.markedLines(refusal))
        return nil
    }

    /// The register when it is valid; otherwise prints its errors and `refusal` (as
    /// ``validRegisterOrReport(printer:refusal:)`` does) and exits with status 1.
    func validRegister(printer: DiagnosticPrinter, refusal: String) throws(ExitCode) -> Register {
        guard let register = validRegisterOrReport(printer: printer, refusal: refusal) else { throw ExitCode.failure }
        return register
    }
}
