import Foundation
import RegisterLoader
import RegisterModel
import _TestSupport

/// The day every test judges review dates by, so results never depend on the calendar.
let fixedAsOf = CalendarDate(year: 2026, month: 11, day: 30)!

/// The repository's root, found from the test sources' own path.
let repositoryRoot: URL = TestSupport.packageRoot

let corpusFolder = repositoryRoot.appendingPathComponent("Tests/Corpus")

/// Loads register text as if it were the file `test.yaml`.
func load(_ text: String, file: String = "test.yaml") -> LoadedRegister {
    RegisterFile.read(bytes: Array(text.utf8), file: file, asOf: fixedAsOf)
}

func load(bytes: [UInt8]) -> LoadedRegister {
    RegisterFile.read(bytes: bytes, file: "test.yaml", asOf: fixedAsOf)
}

/// A diagnostic as one comparable line: `line:col severity rule message`.
func summary(_ d: Diagnostic) -> String {
    "\(d.location.line):\(d.location.column) \(d.severity.rawValue) \(d.rule) \(d.message)"
}

func summaries(_ loaded: LoadedRegister) -> [String] {
    loaded.diagnostics.map(summary)
}

/// A small valid register; `risk` replaces the risk's estimate lines and `extra` is appended.
///
/// Line numbers: the estimate list item starts on line 26; anything in `estimate` starts there.
enum Minimal {
    static let head = """
        riskreg: 1
        register:
          id: test-register
          title: Test register
          organisation: Test council
          horizon: 12 months
          currency: EUR
        outcomes:
          - id: budget
            title: Unplanned cost
            unit: money
        contributors:
          - id: residents
            name: Residents' panel
            kind: community

        """

    static func risk(id: String = "R-01", title: String = "Something goes wrong", strategy: String = "reduction",
                     estimate: String = "      - likelihood: 20%\n        impact: {pert: [1k, 5k, 20k]}\n") -> String {
        """
          - id: \(id)
            title: \(title)
            outcome: budget
            strategy: \(strategy)
            owner: Service lead
            coproduction:
              mode: co-design
              contributors: [residents]
            estimates:

        """ + estimate
    }

    /// The whole register: head, `risks:` and one risk, then `extra`.
    static func register(_ risk: String = Minimal.risk(), extra: String = "") -> String {
        head + "risks:\n" + risk + extra
    }

    /// A register whose only estimate has the given impact (written after `impact: `) and likelihood.
    static func withImpact(_ impact: String, likelihood: String = "20%", strategy: String = "reduction", benefit: String? = nil) -> String {
        var estimate = "      - likelihood: \(likelihood)\n        impact: \(impact)\n"
        if let benefit { estimate += "        benefit: \(benefit)\n" }
        return register(risk(strategy: strategy, estimate: estimate))
    }
}

extension LoadedRegister {
    /// The first estimate of the first risk, when the register loaded.
    var firstEstimate: Estimate? { register?.risks.first?.estimates.first }
}
