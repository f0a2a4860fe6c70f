import RegisterLoader
import RegisterModel
import Distributions
import Testing

/// Distributions as a register writes them, read through the whole loader. The estimate's
/// `likelihood` is on line 26 (value at column 21) and its `impact` on line 27 (value at column 17).
@Suite("Distribution reading")
struct DistributionReadingTests {
    func impact(_ yaml: String, strategy: String = "reduction", benefit: String? = nil) -> LoadedRegister {
        load(Minimal.withImpact(yaml, strategy: strategy, benefit: benefit))
    }

    func likelihood(_ yaml: String) -> LoadedRegister {
        load(Minimal.withImpact("5k", likelihood: yaml))
    }

    // MARK: Amount distributions, short and long form

    @Test("every family in short and long form", arguments: [
        ("5000", Distribution.Parameters.fixed(5_000)),
        ("2.5k", .fixed(2_500)),
        ("{fixed: 5000}", .fixed(5_000)),
        ("{fixed: {value: 5k}}", .fixed(5_000)),
        ("{uniform: [1k, 5k]}", .uniform(min: 1_000, max: 5_000)),
        ("{uniform: {min: 1k, max: 5k}}", .uniform(min: 1_000, max: 5_000)),
        ("{triangular: [1k, 2k, 9k]}", .triangular(min: 1_000, mode: 2_000, max: 9_000)),
        ("{triangular: {min: 1k, mode: 2k, max: 9k}}", .triangular(min: 1_000, mode: 2_000, max: 9_000)),
        ("{triangular: [1k, 1k, 9k]}", .triangular(min: 1_000, mode: 1_000, max: 9_000)),
        ("{pert: [1k, 2.5k, 10k]}", .pert(min: 1_000, mode: 2_500, max: 10_000, shape: 4)),
        ("{pert: {min: 1k, mode: 2.5k, max: 10k}}", .pert(min: 1_000, mode: 2_500, max: 10_000, shape: 4)),
        ("{pert: {min: 1k, mode: 2.5k, max: 10k, shape: 6}}", .pert(min: 1_000, mode: 2_500, max: 10_000, shape: 6)),
        ("{normal: {mean: 10k, sd: 2k}}", .normal(mean: 10_000, sd: 2_000)),
        ("{lognormal: [1500, 30k]}", .lognormal(p5: 1_500, p95: 30_000)),
        ("{lognormal: {p5: 1.5k, p95: 30k}}", .lognormal(p5: 1_500, p95: 30_000)),
        ("{beta: [2, 5]}", .beta(alpha: 2, beta: 5, min: 0, max: 1)),
        ("{beta: {alpha: 2, beta: 5}}", .beta(alpha: 2, beta: 5, min: 0, max: 1)),
        ("{beta: {alpha: 2, beta: 5, min: 1k, max: 9k}}", .beta(alpha: 2, beta: 5, min: 1_000, max: 9_000)),
        ("{discrete: [{value: 0, p: 60%}, {value: 10k, p: 40%}]}",
         .choice(values: [0, 10_000], probabilities: [0.6, 0.4])),
        ("{discrete: [{value: 7k, p: 1}]}", .choice(values: [7_000], probabilities: [1])),
        ("\n          pert:\n            min: 1k\n            mode: 2k\n            max: 3k", .pert(min: 1_000, mode: 2_000, max: 3_000, shape: 4)),
    ])
    func family(yaml: String, expected: Distribution.Parameters) {
        let loaded = impact(yaml)
        #expect(loaded.diagnostics.map(summary) == [])
        #expect(loaded.firstEstimate?.impact.parameters == expected)
    }

    // MARK: Parameter problems

    @Test("a family's own rules", arguments: [
        ("{uniform: [5k, 5k]}", "27:18 error distribution-parameters uniform impact needs min below max (found min 5000, max 5000)"),
        ("{triangular: [1k, 500, 2k]}", "27:18 error distribution-parameters triangular impact needs min ≤ mode ≤ max with min below max (found 1000, 500, 2000)"),
        ("{triangular: [1k, 1k, 1k]}", "27:18 error distribution-parameters triangular impact needs min ≤ mode ≤ max with min below max (found 1000, 1000, 1000)"),
        ("{pert: {min: 1, mode: 2, max: 3, shape: 0}}", "27:18 error distribution-parameters pert impact needs a positive shape (found 0)"),
        ("{normal: {mean: 10k, sd: 0}}", "27:18 error distribution-parameters normal impact needs a positive sd (found 0)"),
        ("{lognormal: [0, 5k]}", "27:18 error distribution-parameters lognormal impact needs a positive 5th percentile (found 0)"),
        ("{lognormal: [5k, 1k]}", "27:18 error distribution-parameters lognormal impact needs p5 below p95 (found 5000 and 1000)"),
        ("{beta: [0, 2]}", "27:18 error distribution-parameters beta impact needs positive alpha and beta (found 0 and 2)"),
        ("{beta: {alpha: 2, beta: 2, min: 5, max: 5}}", "27:18 error distribution-parameters beta impact needs min below max (found 5 and 5)"),
        ("{uniform: [1, 2, 3]}", "27:27 error distribution-parameters uniform impact takes 2 values [min, max], found 3"),
        ("{pert: {min: 1k, max: 5k}}", "27:24 error missing-field pert impact is missing the required field `mode`"),
        ("{uniform: {min: 1, max: 2, mode: 3}}", "27:44 error unknown-field unknown field `mode` in uniform impact"),
        ("{pert: 5}", "27:24 error wrong-type pert impact needs its parameters, not `5`"),
        ("{}", "27:17 error wrong-type impact should name one distribution family, found none"),
        ("[1, 2]", "27:17 error wrong-type impact should be a number or a distribution, not a list"),
        ("{pret: [1, 2, 3]}", "27:18 error invalid-value `pret` is not a distribution family"),
        ("{uniform: [-1k, 5k]}", "27:18 error negative-amount impact cannot be negative (its lowest value is -1000)"),
        ("-5", "27:17 error negative-amount impact cannot be negative (its lowest value is -5)"),
        ("{uniform: [1k, lots]}", "27:32 error invalid-number uniform impact max `lots` is not a number"),
        ("{discrete: []}", "27:28 error empty-list discrete impact is empty"),
        ("{discrete: [{value: 1}]}", "27:29 error missing-field a discrete impact choice is missing the required field `p`"),
        ("{discrete: [{value: 0, p: 70%}, {value: 1, p: 40%}]}", "27:28 error distribution-parameters discrete impact probabilities add up to 1.1, not 1"),
    ])
    func parameterProblems(yaml: String, expected: String) {
        let loaded = impact(yaml)
        #expect(summaries(loaded) == [expected])
        #expect(loaded.register == nil)
    }

    @Test("a short form with the wrong count says how to give the optional parameters")
    func countHint() {
        let loaded = impact("{beta: [1, 2, 3]}")
        #expect(summaries(loaded) == ["27:24 error distribution-parameters beta impact takes 2 values [alpha, beta], found 3"])
        #expect(loaded.diagnostics.first?.hint == "for `min` and `max` use the long form `{alpha: ..., beta: ..., min: ..., max: ...}`")
    }

    @Test("normal has no short form, and the hint shows the long one")
    func normalShortForm() {
        let loaded = impact("{normal: [1k, 2k]}")
        #expect(summaries(loaded) == ["27:26 error wrong-type normal impact is written as a mapping, not a list"])
        #expect(loaded.diagnostics.first?.hint == "write `{mean: ..., sd: ...}` so each value is named")
    }

    @Test("a normal impact that is often negative is a warning, and the register still loads")
    func normalNegativeWarning() {
        let loaded = impact("{normal: {mean: 1k, sd: 2k}}")
        #expect(summaries(loaded) == ["27:18 warning negative-amount normal impact is negative 31% of the time"])
        #expect(loaded.firstEstimate?.impact.parameters == .normal(mean: 1_000, sd: 2_000))
        // Rarely negative: no warning.
        #expect(summaries(impact("{normal: {mean: 10k, sd: 2k}}")) == [])
    }

    // MARK: Likelihoods

    @Test("likelihoods as chances and distributions of chances", arguments: [
        ("20%", Distribution.Parameters.fixed(0.2)),
        ("0.2", .fixed(0.2)),
        ("1 in 8", .fixed(0.125)),
        ("{pert: [5%, 10%, 30%]}", .pert(min: 0.05, mode: 0.1, max: 0.3, shape: 4)),
        ("{uniform: [5%, 15%]}", .uniform(min: 0.05, max: 0.15)),
        ("{triangular: [0.1, 0.2, 1 in 2]}", .triangular(min: 0.1, mode: 0.2, max: 0.5)),
        ("{beta: [2, 10]}", .beta(alpha: 2, beta: 10, min: 0, max: 1)),
        ("{beta: {alpha: 2, beta: 8, min: 10%, max: 50%}}", .beta(alpha: 2, beta: 8, min: 0.1, max: 0.5)),
        ("{fixed: 30%}", .fixed(0.3)),
        ("{discrete: [{value: 5%, p: 70%}, {value: 25%, p: 30%}]}",
         .choice(values: [0.05, 0.25], probabilities: [0.7, 0.3])),
    ])
    func likelihoods(yaml: String, expected: Distribution.Parameters) throws {
        let want = try Distribution(validating: expected)
        let loaded = likelihood(yaml)
        #expect(loaded.diagnostics.map(summary) == [])
        #expect(loaded.firstEstimate?.occurrence == .likelihood(want))
    }

    @Test("likelihoods outside 0 to 1, and unbounded families", arguments: [
        ("120%", "26:21 error probability-range likelihood is 1.2, outside 0 to 1"),
        ("{pert: [5%, 10%, 130%]}", "26:22 error probability-range likelihood takes values from 0.05 to 1.3, outside 0 to 1"),
        ("{normal: {mean: 0.3, sd: 0.1}}", "26:22 error invalid-value a likelihood cannot be normal: a chance lies between 0 and 1"),
        ("{lognormal: [1%, 10%]}", "26:22 error invalid-value a likelihood cannot be lognormal: a chance lies between 0 and 1"),
        ("often", "26:21 error invalid-number likelihood `often` is not a probability"),
        ("{beta: [1%, 2]}", "26:29 error invalid-number beta likelihood alpha `1%` is not a number"),
    ])
    func badLikelihoods(yaml: String, expected: String) {
        #expect(summaries(likelihood(yaml)) == [expected])
    }

    // MARK: Frequencies and benefits

    @Test("frequencies", arguments: [
        ("3", Distribution.Parameters.fixed(3)),
        ("{lognormal: [1, 5]}", .lognormal(p5: 1, p95: 5)),
        ("{uniform: [1, 3]}", .uniform(min: 1, max: 3)),
    ])
    func frequencies(yaml: String, expected: Distribution.Parameters) throws {
        let want = try Distribution(validating: expected)
        let text = Minimal.register(Minimal.risk(estimate: "      - frequency: \(yaml)\n        impact: 5k\n"))
        let loaded = load(text)
        #expect(loaded.diagnostics.map(summary) == [])
        #expect(loaded.firstEstimate?.occurrence == .frequency(want))
    }

    @Test("a negative frequency")
    func negativeFrequency() {
        let loaded = load(Minimal.register(Minimal.risk(estimate: "      - frequency: -1\n        impact: 5k\n")))
        #expect(summaries(loaded) == ["26:20 error negative-amount frequency cannot be negative (its lowest value is -1)"])
    }

    @Test("a normal frequency is one error, without a warning about the same thing")
    func normalFrequency() {
        let loaded = load(Minimal.register(Minimal.risk(estimate: "      - frequency: {normal: {mean: 1, sd: 2}}\n        impact: 5k\n")))
        #expect(loaded.diagnostics.contains { summary($0) == "26:21 error invalid-value a frequency cannot be normal: it is never negative" })
        #expect(loaded.diagnostics.count == 1)
    }

    @Test("benefits are read for portfolio and enablement entries")
    func benefit() {
        let loaded = impact("5k", strategy: "enablement", benefit: "{pert: [2k, 8k, 30k]}")
        // An enablement entry with no agreement or borne-by is warned about; no error.
        #expect(loaded.diagnostics.filter { $0.severity == .error }.map(summary) == [])
        #expect(loaded.firstEstimate?.benefit?.parameters == .pert(min: 2_000, mode: 8_000, max: 30_000, shape: 4))
        let portfolio = impact("5k", strategy: "portfolio", benefit: "12k")
        #expect(portfolio.diagnostics.map(summary) == [])
        #expect(portfolio.firstEstimate?.benefit?.parameters == .fixed(12_000))
    }
}
