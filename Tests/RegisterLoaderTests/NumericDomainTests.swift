import Distributions
import RegisterLoader
import RegisterModel
import Testing

/// The numeric limits as `validate` applies them: values at each limit are accepted (those just
/// beyond are refused, one corpus file per rule), and correlations are judged as a whole.
@Suite("Numeric domains")
struct NumericDomainTests {
    func errors(_ text: String) -> [String] {
        load(text).diagnostics.filter { $0.severity == .error }.map(summary)
    }

    @Test("values at the limits are accepted", arguments: [
        ("20%", "1e15"),
        ("20%", "{uniform: [0, 1e15]}"),
        ("20%", "{lognormal: [1M, 1e9]}"),
        ("20%", "{normal: {mean: 1e15, sd: 1e15}}"),
        ("20%", "{beta: {alpha: 1e4, beta: 0.01, min: 0, max: 1e15}}"),
        ("20%", "{pert: {min: 0, mode: 1, max: 10, shape: 1e4}}"),
        ("{beta: [0.01, 1e4]}", "5k"),
        ("20%", "{pert: [0, 1e-9, 2e-9]}"),
        ("20%", "{normal: {mean: 10, sd: 1e-9}}"),
        ("20%", "0"),
    ])
    func amountAtTheLimit(likelihood: String, impact: String) {
        #expect(errors(Minimal.withImpact(impact, likelihood: likelihood)) == [])
    }

    @Test("frequencies at the limit are accepted", arguments: ["1000", "{uniform: [999, 1000]}", "{pert: [0, 1, 1000]}", "{lognormal: [1, 1000]}"])
    func frequencyAtTheLimit(frequency: String) {
        let text = Minimal.register(Minimal.risk(estimate: "      - frequency: \(frequency)\n        impact: 5k\n"))
        #expect(errors(text) == [])
    }

    @Test("a value just beyond a limit is refused with its rule", arguments: [
        ("20%", "1.1e15", "amount-range"),
        ("20%", "{lognormal: [1e9, 1e12]}", "amount-range"),
        ("20%", "{beta: {alpha: 1.1e4, beta: 1, min: 0, max: 1}}", "shape-range"),
        ("{beta: [0.009, 2]}", "5k", "shape-range"),
        ("20%", "{pert: {min: 0, mode: 1, max: 10, shape: 1.1e4}}", "shape-range"),
        ("20%", "{pert: [0, 4.9e-324, 1e-323]}", "amount-range"),
        ("20%", "{normal: {mean: 10, sd: 5e-324}}", "amount-range"),
        ("20%", "9e-10", "amount-range"),
    ])
    func beyondTheLimit(likelihood: String, impact: String, rule: String) {
        let found = load(Minimal.withImpact(impact, likelihood: likelihood)).diagnostics.filter { $0.severity == .error }
        #expect(!found.isEmpty && Set(found.map(\.rule.rawValue)) == [rule], "\(found.map(summary))")
        #expect(found.allSatisfy { $0.hint?.isEmpty == false })
    }

    @Test func sixtyFourPerspectivesAreAccepted() {
        let perspectives = "perspectives:\n" + (1...64).map { "  - {id: p\($0), title: P\($0)}\n" }.joined()
        let estimates = (1...64).map { "      - {perspective: p\($0), likelihood: 20%, impact: 5k}\n" }.joined()
        let text = Minimal.head + perspectives + "risks:\n" + Minimal.risk(estimate: estimates)
        #expect(errors(text) == [])
    }

    // MARK: Correlations as a whole

    static func correlated(_ pairs: [(String, String, Double)]) -> String {
        let risks = ["A", "B", "C", "D"].map { Minimal.risk(id: $0) }.joined()
        return Minimal.head + "risks:\n" + risks + "correlations:\n"
            + pairs.map { "  - {between: [\($0.0), \($0.1)], rank: \($0.2)}\n" }.joined()
    }

    @Test("a consistent set is accepted whatever the order", arguments: [
        [("A", "B", 0.9), ("B", "C", 0.9), ("A", "C", 0.9)],
        [("A", "C", 0.9), ("A", "B", 0.9), ("B", "C", 0.9)],
        [("B", "C", 0.9), ("A", "C", 0.9), ("A", "B", 0.9)],
    ])
    func consistentSetInAnyOrder(_ pairs: [(String, String, Double)]) {
        #expect(errors(Self.correlated(pairs)) == [])
    }

    @Test func aContradictionIsReportedOnceAtTheGroupsLastCorrelation() {
        // A–B and B–C strong with A–C left out (so 0) cannot hold.
        let found = errors(Self.correlated([("A", "B", 0.9), ("B", "C", 0.9)]))
        #expect(found.count == 1)
        #expect(found.first?.contains("correlation-matrix the correlations among `A`, `B` and `C` contradict each other") == true)
        let lines = Self.correlated([]).split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(found.first?.hasPrefix("\(lines + 1):") == true, "at the second correlation: \(found)")
    }

    @Test func aLongChainIsCheckedAsOneGroup() {
        // 150 risks in a chain of 149 correlations: one factorisation, not one per correlation.
        let risks = (0..<150).map { Minimal.risk(id: "R\($0)") }.joined()
        let pairs = (0..<149).map { "  - {between: [R\($0), R\($0 + 1)], rank: 0.45}\n" }.joined()
        #expect(errors(Minimal.head + "risks:\n" + risks + "correlations:\n" + pairs) == [])
    }
}
