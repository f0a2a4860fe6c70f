/// Shares of trials read from a run's series without keeping or summarising them: for callers
/// that need a few chances out of a plan with many configurations (the response levers read one
/// exceedance per option of a plan of dozens), where ``Engine/run(_:options:progress:)`` would
/// keep and sort every series.
extension Engine {
    /// One share of trials to count in one series.
    public struct ShareRequest: Sendable, Hashable {
        /// Which trials count.
        public enum Event: Sendable, Hashable {
            /// The loss is above the value: as ``OutcomeSummary/Exceedance/probability``.
            case above(Double)
            /// The loss is below zero: as ``OutcomeSummary/probabilityNetBenefit``.
            case belowZero
        }

        /// A view (by index) or, after the views, a portfolio (the plan's views count first).
        public var configuration: Int
        /// The residual series (with responses) rather than the inherent one; a plan without
        /// responses has one series for both.
        public var residual: Bool
        /// The outcome, by index.
        public var outcome: Int
        public var event: Event

        public init(configuration: Int, residual: Bool, outcome: Int, event: Event) {
            self.configuration = configuration
            self.residual = residual
            self.outcome = outcome
            self.event = event
        }
    }

    /// One series of a run: a configuration (views first, then portfolios), a treatment and an
    /// outcome.
    public struct SeriesRequest: Sendable, Hashable {
        public var configuration: Int
        /// The residual series (with responses) rather than the inherent one.
        public var residual: Bool
        public var outcome: Int

        public init(configuration: Int, residual: Bool, outcome: Int) {
            self.configuration = configuration
            self.residual = residual
            self.outcome = outcome
        }
    }

    /// As ``shares(_:options:requests:)``, and also the summaries of a few series, which are
    /// kept (8 bytes a trial each) and summarised as ``run(_:options:progress:)`` summarises
    /// them, without thresholds: the same percentiles, expected shortfall, mean and spread, bit
    /// for bit. Only the series counted or summarised are added into.
    ///
    /// - Precondition: as for ``shares(_:options:requests:)``, and every summary names a
    ///   configuration and outcome of the plan.
    public static func shares(
        _ plan: SimulationPlan, options: RunOptions, requests: [ShareRequest], summaries: [SeriesRequest]
    ) -> (shares: [Statistic], summaries: [OutcomeSummary]) {
        count(plan, options: options, requests: requests, summaries: summaries)
    }

    /// Runs `plan` for exactly `options.trials` trials and returns each request's share of
    /// trials, with its batch-means standard error: bit for bit the statistic ``run(_:options:progress:)``
    /// reports for the same series (its value is the count over the trials, its error comes from
    /// the same batches), since both count the same per-trial values.
    ///
    /// No series is kept: each block's series are counted as the block is simulated, so memory
    /// is one block of every series per worker, and nothing is sorted. Counts are whole numbers
    /// added in block order, so the result is the same for any number of jobs.
    ///
    /// - Precondition: `options.precision` is nil (a run to a precision decides its length from
    ///   its summaries) and every request names a configuration and outcome of the plan.
    public static func shares(_ plan: SimulationPlan, options: RunOptions, requests: [ShareRequest]) -> [Statistic] {
        count(plan, options: options, requests: requests, summaries: []).shares
    }

    private static func count(
        _ plan: SimulationPlan, options: RunOptions, requests: [ShareRequest], summaries wanted: [SeriesRequest]
    ) -> (shares: [Statistic], summaries: [OutcomeSummary]) {
        precondition(options.precision == nil, "shares are counted over a fixed number of trials")
        let blockSize = min(max(options.blockSize, 64), 1 << 20)
        let configurations = plan.views.count + plan.portfolios.count
        for r in requests {
            precondition((0..<configurations).contains(r.configuration) && (0..<plan.outcomeCount).contains(r.outcome),
                         "request \(r) is outside the plan")
        }
        for r in wanted {
            precondition((0..<configurations).contains(r.configuration) && (0..<plan.outcomeCount).contains(r.outcome),
                         "summary \(r) is outside the plan")
        }
        // Only the series read are added into.
        let read = requests.map { CompiledPlan.SeriesID(config: $0.configuration, state: $0.residual ? 1 : 0, slot: $0.outcome) }
            + wanted.map { CompiledPlan.SeriesID(config: $0.configuration, state: $0.residual ? 1 : 0, slot: $0.outcome) }
        let compiled = CompiledPlan(plan, blockSize: blockSize, reading: read)
        let trials = max(2, options.trials)
        let series = read.prefix(requests.count).map { compiled.series(config: $0.config, state: $0.state, slot: $0.slot) }
        let summarised = read.dropFirst(requests.count).map { compiled.series(config: $0.config, state: $0.state, slot: $0.slot) }
        // The batches the summaries use, so that the errors are theirs.
        let summariser = Summariser(
            batches: options.batches, histogramBins: options.histogramBins, exceedancePoints: options.exceedancePoints,
            jobs: 1, grain: compiled.batchGrain)
        let bounds = summariser.bounds(trials)
        let batches = bounds.count - 1
        let events = requests.map(\.event)
        let runner = BlockRunner(compiled: compiled, store: nil, seed: options.seed, blockSize: blockSize, jobs: max(1, options.jobs))
        let counts = SendableBox(Array(repeating: 0.0, count: requests.count * batches))
        // The summarised series, each block copied to its place (blocks never overlap).
        let kept = summarised.map { _ in UnsafeMutableBufferPointer<Double>.allocate(capacity: trials) }
        defer { for k in kept { k.deallocate() } }
        nonisolated(unsafe) let keptBases = kept.map { $0.baseAddress! }
        runner.run(trials: trials, consume: { start, count, block in
            for (k, s) in summarised.enumerated() { (keptBases[k] + start).update(from: block(s), count: count) }
            var partial = Array(repeating: 0.0, count: series.count * batches)
            var first = 0
            while bounds[first + 1] <= start { first += 1 }
            for (i, s) in series.enumerated() {
                let values = block(s)
                var batch = first, j = 0
                while j < count {
                    let end = min(count, bounds[batch + 1] - start)
                    var c = 0
                    switch events[i] {
                    case .above(let x): for k in j..<end where values[k] > x { c += 1 }
                    case .belowZero: for k in j..<end where values[k] < 0 { c += 1 }
                    }
                    partial[i * batches + batch] += Double(c)
                    j = end
                    batch += 1
                }
            }
            return partial
        }, merge: { partial, _ in
            for k in partial.indices { counts.value[k] += partial[k] }
        })
        let sizes = (0..<batches).map { bounds[$0 + 1] - bounds[$0] }
        let shares = requests.indices.map { i in
            let row = counts.value[(i * batches)..<((i + 1) * batches)]
            let shares = zip(row, sizes).map { $0 / Double($1) }
            return Statistic(value: row.reduce(0, +) / Double(trials), standardError: Summariser.batchMeansError(shares, sizes: sizes))
        }
        var full = summariser
        full.jobs = max(1, options.jobs)
        return (shares, kept.map { full.summarise($0, thresholds: []) })
    }
}
