import Distributions
import MonteCarlo
import RegisterModel

/// Scores a validated register: compiles it, runs the engine, and reads the results back in the
/// register's terms.
public enum Scorer {
    /// - Parameter progress: called from worker threads with the fraction of trials done, for a
    ///   progress bar; the results do not depend on it.
    public static func score(
        _ register: Register, options: ScoringOptions, progress: (@Sendable (Double) -> Void)? = nil
    ) throws(ScoringError) -> RegisterScore {
        try check(register)
        let perspectiveIDs = register.perspectives.map(\.id)
        if let p = options.perspective, !perspectiveIDs.contains(p) {
            throw .unknownPerspective(p, known: perspectiveIDs)
        }
        if let p = options.portfolio, !register.portfolios.contains(where: { $0.id == p }) {
            throw .unknownPortfolio(p, known: register.portfolios.map(\.id))
        }
        let headlinePortfolio = register.portfolios.first { $0.id == (options.portfolio ?? register.portfolios.first?.id) }
        // The headline figures are the headline option's: its entries, its shares of split
        // entries and the responses it chooses. The option comparison reads the register as
        // written.
        let scored = headlinePortfolio.map { register.reshaped(by: $0) } ?? register
        let views: [String?]
        if let p = options.perspective {
            views = [p]
        } else if perspectiveIDs.count == 1 {
            views = [perspectiveIDs[0]]
        } else {
            views = options.headlineOnly ? [nil] : perspectiveIDs + [nil]
        }
        // Without the comparison, portfolios are compiled only for their entries' own figures.
        let compared = options.headlineOnly ? [] : register.portfolios
        let headline = views.count - 1

        // The headline option's own cost counts in the headline figures, as it counts in that
        // option's figures in the comparison.
        let main = try PlanCompiler.compile(
            scored, activities: headlinePortfolio.map { Set($0.members) }, views: views, portfolios: [],
            headlineOption: headlinePortfolio)
        // Memory does not grow with trials beyond the engine's series limit (the series are then
        // streamed, not kept), so only the trial limit bounds a run.
        let limit = NumericLimits.maximumTrials
        if options.trials > limit { throw .tooManyTrials(options.trials, limit: limit) }
        let run = RunOptions(
            seed: options.seed, trials: options.trials, jobs: options.jobs,
            precision: options.precision.map { PrecisionTarget(relativeHalfWidth: $0, maxTrials: min(options.maxTrials, limit)) })
        // With portfolios, the comparison needs every activity under the headline view. One run
        // serves both where it can: the other portfolios' activities are simulated with the
        // rest but count only in the portfolios (figures bit-identical to two runs, since every
        // risk's streams are its own and each series adds the same risks in the same order).
        // Otherwise a second run of its own, as below.
        if let merged = try mergedRun(register, main: main, headline: headlinePortfolio, views: views, compared: compared, run: run,
                                      progress: progress) {
            var score = ResultReader(
                register: scored, options: options, compiled: main, result: merged.main, headline: headline,
                portfolio: headlinePortfolio?.id, comparison: merged.comparison).score()
            Self.addCoproduction(to: &score, register: scored)
            score.translations = RegisterScore.translations(of: scored)
            try addResponseLevers(&score, scored, options: options, compiled: main, headline: headline,
                                  run: run.fixed(trials: merged.main.trials))
            try addOptionPerspectives(&score, register, options: options, compared: compared, run: run.fixed(trials: merged.main.trials))
            try addEqualWeights(&score, register, options: options)
            try addWithoutEachPerspective(&score, register, options: options)
            return score
        }
        let share = register.portfolios.isEmpty ? 1.0 : 0.5
        let mainProgress: (@Sendable (Double) -> Void)? = progress.map { report in { @Sendable in report($0 * share) } }
        let result = Engine.run(main.plan, options: run, progress: mainProgress)
        // The later runs (comparison, levers) run exactly the headline run's trials.
        let fixedTrials = run.fixed(trials: result.trials)

        // Portfolios are compared in a run of their own that holds every activity, under the
        // headline view only; the shared risks' streams are keyed by id, so they draw the same
        // numbers as in the main run.
        var comparison: (CompiledRegister, SimulationResult)?
        let mainIDs = Set(main.risks.map(\.id))
        if !register.portfolios.isEmpty && (!compared.isEmpty || register.risks.contains { !mainIDs.contains($0.id) }) {
            let all = try PlanCompiler.compile(register, activities: nil, views: [views[headline]], portfolios: compared)
            let secondProgress: (@Sendable (Double) -> Void)? = progress.map { report in { @Sendable in report(0.5 + $0 / 2) } }
            comparison = (all, Engine.run(all.plan, options: fixedTrials, progress: secondProgress))
        }
        var score = ResultReader(
            register: scored, options: options, compiled: main, result: result, headline: headline,
            portfolio: headlinePortfolio?.id, comparison: comparison).score()
        Self.addCoproduction(to: &score, register: scored)
        score.translations = RegisterScore.translations(of: scored)
        try addResponseLevers(&score, scored, options: options, compiled: main, headline: headline, run: fixedTrials)
        try addOptionPerspectives(&score, register, options: options, compared: compared, run: fixedTrials)
        try addEqualWeights(&score, register, options: options)
        try addWithoutEachPerspective(&score, register, options: options)
        return score
    }

    /// The id of the verdicts judged with every perspective's weight the same.
    public static let equalWeightsID = "equal-weights"

    /// Every statement judged with every perspective counting the same, when asked for and the
    /// register's perspectives do not all have the same weight: a run of the headline view alone
    /// of the same register with each weight set to 1, on the same seed and the headline run's
    /// trials. Its verdicts are the register's statements in the same order.
    private static func addEqualWeights(_ score: inout RegisterScore, _ register: Register, options: ScoringOptions) throws(ScoringError) {
        guard options.equalWeights, options.perspective == nil, !options.headlineOnly,
              Set(register.perspectives.map(\.weight)).count > 1 else { return }
        var equal = register
        for k in equal.perspectives.indices { equal.perspectives[k].weight = 1 }
        let other = try Self.score(equal, options: headlineAlone(options, trials: score.run.trials))
        for k in score.appetite.indices where other.appetite.indices.contains(k) {
            let v = other.appetite[k]
            score.appetite[k].equalWeights = .init(id: equalWeightsID, probability: v.probability,
                                                   withinAppetite: v.withinAppetite, decisive: v.decisive)
        }
    }

    /// `options` for a run of the headline view alone, on `trials` trials with no precision
    /// target and none of the extra runs: the run the extra views of a register are made from.
    private static func headlineAlone(_ options: ScoringOptions, trials: Int) -> ScoringOptions {
        var run = options
        run.equalWeights = false
        run.withoutEachPerspective = false
        run.responseLevers = false
        run.headlineOnly = true
        run.precision = nil
        run.trials = trials
        return run
    }

    /// Every statement and every outcome's average with each perspective's estimates left out in
    /// turn, when asked for and the headline pools two or more perspectives: for each
    /// perspective that gave estimates and counts (weight above 0), a run of the headline view
    /// alone of the same register with that perspective's weight set to 0, on the same seed and
    /// the headline run's trials. A weight of 0 is the pool without it (``PlanCompiler``): an
    /// entry it estimated with others takes theirs, and an entry only it estimated keeps its
    /// estimates, since leaving those out would leave the entry with none.
    private static func addWithoutEachPerspective(_ score: inout RegisterScore, _ register: Register,
                                                  options: ScoringOptions) throws(ScoringError) {
        guard options.withoutEachPerspective, options.perspective == nil, !options.headlineOnly,
              register.perspectives.count > 1 else { return }
        let run = headlineAlone(options, trials: score.run.trials)
        for k in score.appetite.indices { score.appetite[k].withoutPerspectives = [] }
        for k in score.outcomes.indices { score.outcomes[k].withoutPerspectives = [] }
        for p in register.perspectives where p.weight > 0
            && register.risks.contains(where: { $0.estimates.contains { $0.perspective == p.id } }) {
            var without = register
            for k in without.perspectives.indices where without.perspectives[k].id == p.id { without.perspectives[k].weight = 0 }
            let other = try Self.score(without, options: run)
            for k in score.appetite.indices where other.appetite.indices.contains(k) {
                let v = other.appetite[k]
                score.appetite[k].withoutPerspectives?.append(
                    .init(id: p.id, probability: v.probability, withinAppetite: v.withinAppetite, decisive: v.decisive))
            }
            for k in score.outcomes.indices {
                guard let o = other.outcomes.first(where: { $0.id == score.outcomes[k].id }) else { continue }
                score.outcomes[k].withoutPerspectives?.append(.init(perspective: p.id, mean: o.residual.mean))
            }
        }
    }

    /// Each option's chances on each perspective's estimates, asked for with the response
    /// levers (the board report's decision page), with `run` fixed to the headline run's trials.
    private static func addOptionPerspectives(
        _ score: inout RegisterScore, _ register: Register, options: ScoringOptions, compared: [Portfolio], run: RunOptions
    ) throws(ScoringError) {
        guard options.responseLevers else { return }
        try OptionPerspectives.add(to: &score, register: register, compared: compared, options: run)
    }

    /// The response levers, when asked for, with `run` fixed to the headline run's trials.
    private static func addResponseLevers(
        _ score: inout RegisterScore, _ register: Register, options: ScoringOptions, compiled: CompiledRegister, headline: Int,
        run: RunOptions
    ) throws(ScoringError) {
        guard options.responseLevers else { return }
        // The levers and the bad-year values, in one run.
        try ResponseLevers.add(to: &score, register: register, compiled: compiled, headline: headline, options: run)
    }

    /// Adds what rests on citizens: each outcome's reliance, the entries not consulted, and the
    /// citizen time of each response. In place, so that the risks' array is changed where it
    /// lies: a copy of the score would share it, and the first change would copy every risk's
    /// score (about 9 MB for 10,000 risks).
    static func addCoproduction(to score: inout RegisterScore, register: Register) {
        score.reliance = RegisterScore.reliance(risks: score.risks, register: register)
        score.notConsulted = register.notConsulted
        score.addCitizenTime(register)
    }

    /// Scores the headline views and the portfolio comparison in one run, when that gives the
    /// same figures as two runs (a precision target, whose trials are not known in advance,
    /// runs them apart; memory is no reason to, since long runs' series are streamed, not
    /// kept): returns the results
    /// as the two runs would (the headline run's views, with the register's headline risks;
    /// the comparison's headline view with every risk, and its portfolios), or nil to run
    /// them apart.
    ///
    /// Same figures: a correlation between an activity left out of the headline and another
    /// risk would join the two in one Iman–Conover group, which reorders the other's trials
    /// differently from the headline run; then the runs stay apart. So does a contributor that
    /// steps back when a left-out activity occurs: the headline run has no such activity.
    ///
    /// - Parameter compared: the portfolios compared (none when only the entries' own figures
    ///   are wanted).
    static func mergedRun(
        _ register: Register, main headlinePlan: CompiledRegister, headline portfolio: Portfolio?, views: [String?],
        compared: [Portfolio], run: RunOptions, progress: (@Sendable (Double) -> Void)?
    ) throws(ScoringError) -> (main: SimulationResult, comparison: (CompiledRegister, SimulationResult))? {
        // A headline option that reshapes entries changes them in the headline run, so the
        // merged run's entries (as written) would not be the headline's.
        guard let portfolio, run.precision == nil, !portfolio.reshapesEntries else { return nil }
        let mainIDs = Set(register.entries(in: portfolio).map(\.id))
        let leftOut = Set(register.risks.map(\.id)).subtracting(mainIDs)
        if register.correlations.contains(where: { leftOut.contains($0.first) || leftOut.contains($0.second) }) { return nil }
        if register.contributors.contains(where: { $0.stepsBack.contains { leftOut.contains($0.risk) } }) { return nil }
        let merged = try PlanCompiler.compile(
            register, activities: nil, views: views, portfolios: compared, viewActivities: Set(portfolio.members),
            headlineOption: portfolio)
        let result = Engine.run(merged.plan, options: run, progress: progress)

        // The headline run's view of it: the plan risks it holds (entries, their effects on
        // further outcomes and harm-only copies: a subset in the same order, found by their
        // stable keys) and the correlations between them (all of them, in the same order).
        let mergedIndex = Dictionary(
            merged.plan.risks.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        let kept = headlinePlan.plan.risks.compactMap { mergedIndex[$0.key] }
        guard kept.count == headlinePlan.plan.risks.count else { return nil }
        let newIndex = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        var main = result
        main.portfolios = []
        for v in main.views.indices { main.views[v].risks = kept.map { result.views[v].risks[$0] } }
        main.correlations = result.correlations.map { c in
            var c = c
            c.first = newIndex[c.first] ?? c.first
            c.second = newIndex[c.second] ?? c.second
            return c
        }
        // The comparison's: every risk under the headline view (the last), and the portfolios.
        // Its view's outcomes hold the headline activities only; only its risks and portfolios
        // are read.
        var comparison = result
        comparison.views = [result.views[result.views.count - 1]]
        let all = try PlanCompiler.compile(register, activities: nil, views: [views[views.count - 1]], portfolios: compared)
        return (main, (all, comparison))
    }
}

extension RunOptions {
    /// These options for exactly `trials` trials, with no precision target: how the runs that
    /// follow the headline run (the portfolio comparison, the response levers) match its trials.
    func fixed(trials: Int) -> RunOptions {
        var options = self
        options.precision = nil
        options.trials = trials
        return options
    }
}
