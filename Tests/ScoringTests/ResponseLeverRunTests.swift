import Foundation
import MonteCarlo
import RegisterLoader
import RegisterModel
@testable import Scoring
import Testing
import _TestSupport

/// The response levers and bad-year values come from one run in which each examined response is
/// a variant of its entry per reliability, each in an option of its own (``ResponseLevers``).
/// Their definition is a run of the headline view with only that response's reliability
/// changed: these tests run that definition and expect the same figures, bit for bit.
@Suite("Response levers: one run gives each lever's own run's figures")
struct ResponseLeverRunTests {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 30)!

    /// The lever's chance by its definition: the headline plan's headline view alone, with the
    /// entry's reliability (on every plan risk of the entry) set to `reliability`, run and
    /// summarised in full.
    static func definition(
        _ compiled: CompiledRegister, headline: Int, entry: Int, reliability: Double, statement: Int, register: Register,
        options: RunOptions
    ) throws -> Statistic {
        let source = compiled.appetiteThresholds[statement]
        let summary = try run(compiled, headline: headline, entry: entry, reliability: reliability, options: options)
            .views[0].outcomes[source.outcome].residual
        // Read as every verdict reads a chance (``RegisterScore/AppetiteVerdict/chance(_:trials:complement:)``).
        guard let k = source.threshold else { return RegisterScore.AppetiteVerdict.chance(summary.probabilityNetBenefit, trials: options.trials) }
        let exceed = summary.exceedances[k].probability
        if case .netBenefitAbove = register.appetite[statement].limit {
            return RegisterScore.AppetiteVerdict.chance(exceed, trials: options.trials, complement: true)
        }
        return RegisterScore.AppetiteVerdict.chance(exceed, trials: options.trials)
    }

    /// The headline plan's headline view alone, with the entry's reliability changed.
    static func run(_ compiled: CompiledRegister, headline: Int, entry: Int, reliability: Double, options: RunOptions) throws -> SimulationResult {
        let plan = compiled.plan
        var risks = plan.risks
        for k in risks.indices where k == entry || risks[k].occurrenceKey == plan.risks[entry].key {
            risks[k].response?.reliability = reliability
        }
        let variant = try SimulationPlan(
            outcomeCount: plan.outcomeCount, totalOutcomes: plan.totalOutcomes, risks: risks,
            views: [plan.views[headline]], portfolios: [], primaryView: 0, correlations: plan.correlations,
            thresholds: plan.thresholds, totalThresholds: plan.totalThresholds, deliverers: plan.deliverers)
        return Engine.run(variant, options: options)
    }

    @Test(arguments: ["adult-social-care-positive-risk", "community-safety-leiden", "ward-7-patient-partnership"])
    func leversEqualTheirDefinition(name: String) throws {
        let loaded = RegisterFile.read(path: TestSupport.path("Registers/\(name).yaml"), asOf: Self.asOf)
        let register = try #require(loaded.register)
        var options = ScoringOptions(seed: 4, trials: 6_000, jobs: 2, asOf: Self.asOf)
        options.responseLevers = true
        let score = try Scorer.score(register, options: options)
        options.jobs = 1
        #expect(try Scorer.score(register, options: options).appetite.map(\.responses) == score.appetite.map(\.responses),
                "the levers do not depend on the number of jobs")

        // The headline plan, as the scorer compiles it.
        let headlinePortfolio = register.portfolios.first
        let scored = headlinePortfolio.map { register.reshaped(by: $0) } ?? register
        let views: [String?] = register.perspectives.count == 1 ? [register.perspectives[0].id] : register.perspectives.map(\.id) + [nil]
        let compiled = try PlanCompiler.compile(
            scored, activities: headlinePortfolio.map { Set($0.members) }, views: views, portfolios: [],
            headlineOption: headlinePortfolio)
        let run = RunOptions(seed: 4, trials: score.run.trials, jobs: 2)
        var checked = 0
        for (index, verdict) in score.appetite.enumerated() {
            for lever in verdict.responses {
                let entry = try #require(compiled.risks.firstIndex { $0.id == lever.risk })
                let delivered = try Self.definition(compiled, headline: views.count - 1, entry: entry, reliability: 1,
                                                    statement: index, register: scored, options: run)
                let notDelivered = try Self.definition(compiled, headline: views.count - 1, entry: entry, reliability: 0,
                                                       statement: index, register: scored, options: run)
                #expect(lever.ifDelivered == delivered, "\(lever.risk) on \(verdict.outcome), always delivered")
                #expect(lever.ifNotDelivered == notDelivered, "\(lever.risk) on \(verdict.outcome), never delivered")
                checked += 1
            }
        }
        // Leiden's verdicts are within appetite on every perspective's estimates, with room to
        // spare, so it has no levers; its bad-year values are still checked below.
        #expect(checked > 0 || name == "community-safety-leiden", "\(name) has levers to check")

        var tails = 0
        // Bad-year values: the outcome's P95 and ES95 with the response never delivered, by
        // their definition (the same run as a never-delivered lever), against the headline's.
        for risk in score.risks {
            guard let tail = risk.response?.badYearValue else { continue }
            let entry = try #require(compiled.risks.firstIndex { $0.id == risk.id })
            let o = try #require(register.outcomes.firstIndex { $0.id == risk.outcome })
            let without = try Self.run(compiled, headline: views.count - 1, entry: entry, reliability: 0, options: run)
                .views[0].outcomes[o].residual
            let headline = score.outcomes[o].residual
            #expect(tail.p95 == without.percentile(0.95)!.value - headline.percentile(0.95)!.value, "\(risk.id)")
            #expect(tail.es95 == without.expectedShortfall95.value - headline.expectedShortfall95.value, "\(risk.id)")
            tails += 1
        }
        #expect(tails > 0, "\(name) has bad-year values to check")
    }

    /// Three entries on the `care` outcome both stop tests share: an activity with a response
    /// (A), a portfolio activity (B) and a hazard to reduce (C).
    static let careEntries = """
        \(OptionScoringTests.entry("A", strategy: "enablement", outcome: "care", occurrence: "frequency: 2", impact: "{pert: [0.5, 1, 3]}",
                                   extra: "    response: {action: Check, cost: 1k, reliability: 80%, reduces-impact-by: 30%}"))
        \(OptionScoringTests.entry("B", strategy: "portfolio", outcome: "care", occurrence: "likelihood: 60%", impact: "{uniform: [1, 4]}"))
        \(OptionScoringTests.entry("C", strategy: "reduction", outcome: "care", occurrence: "frequency: 1", impact: "{triangular: [0.5, 1, 2]}"))
        """

    /// The appetite verdicts of `register` scored with entry `id` deleted and no levers: what
    /// a stop's figures must equal.
    static func verdicts(_ register: Register, without id: String) throws -> [RegisterScore.AppetiteVerdict] {
        var without = register
        without.risks.removeAll { $0.id == id }
        var plain = ScorerTests.options(trials: 20_000)
        plain.responseLevers = false
        return try Scorer.score(without, options: plain).appetite
    }

    /// Stopping an activity is defined as the headline without the entry: for each activity
    /// (an enablement or portfolio entry) a statement outside appetite examines, the chance equals that of the register scored with
    /// the entry deleted (no correlations here, so deleting it moves no other draw), bit for bit,
    /// and does not depend on the number of jobs.
    @Test func aStoppedActivityHasTheChanceOfTheRegisterWithoutIt() throws {
        let body = """
            appetite:
              - {outcome: care, statement: At most 1 in 20 above 4 incidents., loss-exceeds: 4, at-most: 5%}
            risks:
            \(Self.careEntries)
            \(OptionScoringTests.entry("D", strategy: "reduction", occurrence: "likelihood: 50%", impact: "{uniform: [1k, 4k]}"))
            """
        let register = try OptionScoringTests.register(body)
        var options = ScorerTests.options(trials: 20_000)
        options.responseLevers = true
        let score = try Scorer.score(register, options: options)
        let verdict = score.appetite[0]
        #expect(!verdict.withinAppetite)
        let stops = try #require(verdict.stops)
        #expect(Set(stops.map(\.risk)) == ["A", "B"], "the activities on the outcome (not C, a hazard to reduce, nor D on another outcome)")
        for stop in stops {
            let expected = try Self.verdicts(register, without: stop.risk)[0]
            #expect(stop.ifStopped == expected.probability, "\(stop.risk)")
            #expect(stop.withinIfStopped == expected.withinAppetite, "\(stop.risk)")
            #expect(stop.ifStopped.value < verdict.probability.value, "\(stop.risk): fewer incidents without it")
        }
        options.jobs = 1
        #expect(try Scorer.score(register, options: options).appetite[0].stops == stops, "the same for any number of jobs")
        // Statements within appetite are not examined.
        options.responseLevers = false
        #expect(try Scorer.score(register, options: options).appetite[0].stops == nil)
    }

    /// Stopping an activity is read on every other statement too, as the register without the
    /// entry gives it, bit for bit: a stop that brings one statement back can put another out
    /// (adult social care: without independent bus travel, safeguarding is within appetite but
    /// hours of independent living are not), and the board report says so.
    @Test func aStoppedActivityIsReadOnEveryStatement() throws {
        let body = """
            appetite:
              - {outcome: care, statement: At most 1 in 20 above 4 incidents., loss-exceeds: 4, at-most: 5%}
              - {outcome: budget, statement: At most 1 in 10 above 3k., loss-exceeds: 3k, at-most: 10%}
              - {outcome: care, statement: At most 1 in 2 above 1 incident., loss-exceeds: 1, at-most: 50%}
            risks:
            \(Self.careEntries)
            \(OptionScoringTests.entry("D", strategy: "portfolio", occurrence: "likelihood: 50%", impact: "{uniform: [1k, 4k]}", benefit: "{uniform: [0, 2k]}"))
            """
        let register = try OptionScoringTests.register(body)
        var options = ScorerTests.options(trials: 20_000)
        options.responseLevers = true
        let score = try Scorer.score(register, options: options)
        let stops = try #require(score.appetite[0].stops)
        #expect(!stops.isEmpty)
        for stop in stops {
            let expected = try Self.verdicts(register, without: stop.risk)
            let elsewhere = try #require(stop.elsewhere)
            #expect(elsewhere.map(\.statement) == [1, 2], "\(stop.risk): every other statement, in order")
            for other in elsewhere {
                #expect(other.ifStopped == expected[other.statement].probability, "\(stop.risk) on statement \(other.statement)")
                #expect(other.withinIfStopped == expected[other.statement].withinAppetite, "\(stop.risk) on statement \(other.statement)")
            }
        }
    }
}
