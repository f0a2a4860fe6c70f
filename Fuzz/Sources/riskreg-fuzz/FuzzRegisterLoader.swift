import RegisterLoader
import RegisterModel

/// Loads `bytes` as a register and checks what must hold for any input at all: diagnostics or a
/// register, never a crash, a hang or unbounded memory, and positions that make sense.
func checkRegisterLoader(_ bytes: [UInt8]) {
    let asOf = CalendarDate(year: 2026, month: 11, day: 30)!
    let loaded = RegisterFile.read(bytes: bytes, file: "fuzz.yaml", asOf: asOf)
    for diagnostic in loaded.diagnostics {
        precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
        // Every diagnostic points at a line that exists, so its line can be quoted.
        precondition(loaded.sourceLine(diagnostic.location.line) != nil, "a diagnostic points past the end of the input")
    }
    precondition(loaded.register == nil || !loaded.diagnostics.hasErrors)
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
