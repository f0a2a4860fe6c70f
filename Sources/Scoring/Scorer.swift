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
        let views: [String?]
        if let p = options.perspective {
            views = [p]
        } else if perspectiveIDs.count == 1 {
            views = [perspectiveIDs[0]]
        } else {
            views = perspectiveIDs + [nil]
        }
        let headline = views.count - 1

        let main = try PlanCompiler.compile(
            register, activities: headlinePortfolio.map { Set($0.risks) }, views: views, portfolios: [])
        // Bounded memory: the per-trial series must fit the budget, and a precision target stops
        // adding trials where they would no longer fit.
        let affordable = affordableTrials(main.plan)
        if options.trials > affordable { throw .tooManyTrials(options.trials, limit: affordable) }
        let run = RunOptions(
            seed: options.seed, trials: options.trials, jobs: options.jobs,
            precision: options.precision.map { PrecisionTarget(relativeHalfWidth: $0, maxTrials: min(options.maxTrials, affordable)) })
        // With portfolios there is a second, comparison run: give each run half the bar.
        let share = register.portfolios.isEmpty ? 1.0 : 0.5
        let mainProgress: (@Sendable (Double) -> Void)? = progress.map { report in { @Sendable in report($0 * share) } }
        let result = Engine.run(main.plan, options: run, progress: mainProgress)

        // Portfolios are compared in a run of their own that holds every activity, under the
        // headline view only; the shared risks' streams are keyed by id, so they draw the same
        // numbers as in the main run.
        var comparison: (CompiledRegister, SimulationResult)?
        if !register.portfolios.isEmpty {
            let all = try PlanCompiler.compile(register, activities: nil, views: [views[headline]], portfolios: register.portfolios)
            let limit = affordableTrials(all.plan)
            if result.trials > limit { throw .tooManyTrials(result.trials, limit: limit) }
            var fixedTrials = run
            fixedTrials.precision = nil
            fixedTrials.trials = result.trials
            let secondProgress: (@Sendable (Double) -> Void)? = progress.map { report in { @Sendable in report(0.5 + $0 / 2) } }
            comparison = (all, Engine.run(all.plan, options: fixedTrials, progress: secondProgress))
        }
        var score = ResultReader(register: register, options: options, compiled: main, result: result, headline: headline,
                                 portfolio: headlinePortfolio?.id, comparison: comparison).score()
        if options.responseLevers {
            var fixedTrials = run
            fixedTrials.precision = nil
            fixedTrials.trials = result.trials
            try ResponseLevers.add(to: &score, register: register, compiled: main, headline: headline, options: fixedTrials)
        }
        return score
    }
}
