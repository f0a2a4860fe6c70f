import Foundation
import Testing
import _TestSupport

/// Registers at every numeric limit (Tests/Corpus/limits, see "Numeric limits" in
/// docs/register-format.md) validate, score and render in every form with finite figures and a
/// clean exit; the registers just beyond each limit are refused by `validate` (Tests/Corpus,
/// checked by the corpus tests).
@Suite("Registers at the numeric limits, through the real binary")
struct LimitsCommandTests {
    static let folder = "Tests/Corpus/limits"
    static let names: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.path(folder))) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    static let outputs: [[String]] = [
        ["score", "--format", "json"], ["score", "--format", "csv"], ["score", "--format", "table"],
        ["report", "--format", "markdown", "--audience", "board"], ["report", "--format", "markdown", "--audience", "community"],
        ["report", "--format", "html", "--audience", "board"], ["report", "--format", "html", "--audience", "community"],
    ]

    @Test func theCorpusHoldsARegisterForEachLimit() {
        #expect(Self.names.count >= 8)
    }

    @Test("validates without errors", arguments: names)
    func validates(_ name: String) throws {
        let result = try TestSupport.riskreg(["validate", "--as-of", "2026-11-30", "\(Self.folder)/\(name)"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test("scores and renders in every form with finite figures", arguments: names, outputs)
    func rendersFinite(_ name: String, _ output: [String]) throws {
        let result = try TestSupport.riskreg(output + ["--trials", "400", "--as-of", "2026-11-30", "\(Self.folder)/\(name)"])
        #expect(result.status == 0, "\(output.joined(separator: " ")) exited \(result.status): \(result.stderr.prefix(300))")
        #expect(!result.stdout.isEmpty)
        let words = Set(result.stdout.lowercased().split { !$0.isLetter }.map(String.init))
        #expect(words.isDisjoint(with: ["inf", "infinity", "nan"]), "a figure that is not finite in \(output.joined(separator: " "))")
        if output.contains("json") {
            #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil, "the JSON does not parse")
        }
    }

    @Test func maxTrialsIsBounded() throws {
        let result = try TestSupport.riskreg(["score", "--precision", "0.0001", "--max-trials", "1000000000", "\(Self.folder)/tiny.yaml"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--max-trials must be at most 100,000,000"))
    }
}
