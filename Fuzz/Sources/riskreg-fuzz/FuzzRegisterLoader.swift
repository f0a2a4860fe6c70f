import RegisterLoader
import RegisterModel
import Reporting
import Scoring
import YAMLNodes

/// Loads `bytes` as a register and checks what must hold for any input at all: diagnostics or a
/// register, never a crash, a hang or unbounded memory, and positions that make sense. A register
/// that loads is also scored (a few hundred trials) and rendered in all four report forms, since
/// whatever `validate` accepts must score and render with finite figures.
func checkRegisterLoader(_ bytes: [UInt8]) {
    let asOf = CalendarDate(year: 2026, month: 11, day: 30)!
    let loaded = RegisterFile.read(bytes: bytes, file: "fuzz.yaml", asOf: asOf)
    // Every diagnostic points at a line that exists, so its line can be quoted (when the file is
    // a register; others are never quoted). An input with no lines at all is reported at 1:1.
    let lines = SourceLines(SourceLines.withoutByteOrderMark(bytes))
    for diagnostic in loaded.diagnostics {
        precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
        precondition(diagnostic.location.line <= max(1, lines.count), "a diagnostic points past the end of the input")
    }
    precondition(loaded.register == nil || !loaded.diagnostics.hasErrors)
    if let register = loaded.register { checkScoring(register, asOf: asOf) }
}

/// Scores a register that validated and renders it every way: no error, and no figure that is
/// not finite in the JSON (`JSONEncoder` refuses infinities and NaN).
func checkScoring(_ register: Register, asOf: CalendarDate) {
    let score: RegisterScore
    do {
        score = try Scorer.score(register, options: ScoringOptions(seed: 1, trials: 300, jobs: 1, asOf: asOf))
    } catch {
        preconditionFailure("a register that validated could not be scored: \(error)")
    }
    do {
        try RegisterScore.writeJSON([score], asArray: false) { _ in }
    } catch {
        preconditionFailure("the score of a register that validated does not encode as JSON: \(error)")
    }
    let templates = ReportTemplates.builtIn()
    for format in [ReportOptions.Format.markdown, .html] {
        for audience in [ReportOptions.Audience.board, .community] {
            let options = ReportOptions(format: format, audience: audience, libyamlVersion: "fuzz", command: "riskreg report")
            do {
                let scored = audience == .board
                    ? score : try Scorer.score(Report.registerToScore(register, options: options),
                                               options: ScoringOptions(seed: 1, trials: 300, jobs: 1, asOf: asOf))
                _ = try Report.render(register: register, score: scored, options: options, templates: templates)
            } catch {
                preconditionFailure("a register that validated does not render (\(format), \(audience)): \(error)")
            }
        }
    }
}

#if FUZZING
/// libFuzzer's entry point; libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegisterLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    checkRegisterLoader(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
import Foundation

/// Without the fuzzer: replays the inputs named on the command line (such as a `crash-*` file a
/// fuzzing run left behind) through the same checks, to reproduce and debug a finding.
@main
struct ReplayFuzzInputs {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            checkRegisterLoader([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
            print("ok \(path)")
        }
    }
}
#endif
