#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the run's series and sums into a ``SimulationResult``.
struct ResultBuilder {
    let compiled: CompiledPlan
    let store: SeriesStore
    let stats: BlockStats
    let trials: Int
    let summariser: Summariser

    func build(seed: UInt64, blockSize: Int, blocks: Int, precisionMet: Bool?) -> SimulationResult {
        let plan = compiled.plan
        // Paired portfolio differences need trial order, so they come before any sorting.
        let differences = portfolioDifferences()

        func summaries(config: Int) -> (outcomes: [InherentAndResidual<OutcomeSummary>], total: InherentAndResidual<OutcomeSummary>?) {
            var outcomeStates: [[OutcomeSummary]] = Array(repeating: [], count: compiled.outcomeCount)
            var totalStates: [OutcomeSummary] = []
            for s in 0..<compiled.stateCount {
                for o in 0..<compiled.outcomeCount {
                    var thresholds = plan.thresholds[o]
                    let aliased = compiled.totalSlot == .alias(o)
                    if aliased { thresholds += plan.totalThresholds }
                    let buffer = store.buffer(compiled.series(config: config, state: s, slot: o), count: trials)
                    let summary = summariser.summarise(buffer, thresholds: thresholds)
                    if aliased {
                        var own = summary, total = summary
                        own.exceedances = Array(summary.exceedances.prefix(plan.thresholds[o].count))
                        total.exceedances = Array(summary.exceedances.suffix(plan.totalThresholds.count))
                        outcomeStates[o].append(own)
                        totalStates.append(total)
                    } else {
                        outcomeStates[o].append(summary)
                    }
                }
                if compiled.totalSlot == .separate {
                    let buffer = store.buffer(compiled.series(config: config, state: s, slot: compiled.outcomeCount), count: trials)
                    totalStates.append(summariser.summarise(buffer, thresholds: plan.totalThresholds))
                }
            }
            let pair = { (list: [OutcomeSummary]) in InherentAndResidual(inherent: list[0], residual: list[list.count - 1]) }
            return (outcomeStates.map(pair), totalStates.isEmpty ? nil : pair(totalStates))
        }

        let analytics = RiskAnalytics(plan: plan)
        var views: [ViewResult] = []
        for (v, view) in plan.views.enumerated() {
            let (outcomes, total) = summaries(config: v)
            let risks = plan.risks.indices.map { riskResult($0, view: v, analytics: analytics) }
            views.append(ViewResult(name: view.name, outcomes: outcomes, total: total, risks: risks))
        }
        var portfolios: [PortfolioResult] = []
        for (p, portfolio) in plan.portfolios.enumerated() {
            let (outcomes, total) = summaries(config: compiled.viewCount + p)
            portfolios.append(PortfolioResult(
                name: portfolio.name, outcomes: outcomes, total: total,
                differenceFromFirst: differences[p].outcomes,
                totalDifferenceFromFirst: differences[p].total))
        }
        let correlations = plan.correlations.enumerated().map { i, c in
            AchievedCorrelation(
                first: c.first, second: c.second, target: c.spearman,
                achieved: (0..<compiled.viewCount).map { stats.spearman[i * compiled.viewCount + $0] / Double(trials) })
        }
        return SimulationResult(
            seed: seed, trials: trials, blockSize: blockSize, blocks: blocks, precisionMet: precisionMet,
            views: views, portfolios: portfolios, correlations: correlations)
    }

    private func portfolioDifferences() -> [(outcomes: [InherentAndResidual<PairedDifference>], total: InherentAndResidual<PairedDifference>?)] {
        let plan = compiled.plan
        guard !plan.portfolios.isEmpty else { return [] }
        let first = compiled.viewCount
        func difference(_ config: Int, _ state: Int, _ slot: Int) -> PairedDifference {
            let a = store.buffer(compiled.series(config: config, state: state, slot: slot), count: trials)
            let b = store.buffer(compiled.series(config: first, state: state, slot: slot), count: trials)
            var sum = 0.0, better = 0, worse = 0
            for t in 0..<trials {
                let d = a[t] - b[t]
                sum += d
                if d < 0 { better += 1 } else if d > 0 { worse += 1 }
            }
            let mean = sum / Double(trials)
            var ss = 0.0
            for t in 0..<trials { let d = a[t] - b[t] - mean; ss += d * d }
            let sd = trials > 1 ? (ss / Double(trials - 1)).squareRoot() : 0
            return PairedDifference(
                mean: Statistic(value: mean, standardError: sd / Double(trials).squareRoot()),
                probabilityBetter: Double(better) / Double(trials), probabilityWorse: Double(worse) / Double(trials))
        }
        return plan.portfolios.indices.map { p in
            let config = first + p
            let states = compiled.stateCount
            let outcomes = (0..<compiled.outcomeCount).map { o in
                InherentAndResidual(inherent: difference(config, 0, o), residual: difference(config, states - 1, o))
            }
            var total: InherentAndResidual<PairedDifference>?
            switch compiled.totalSlot {
            case .none: total = nil
            case let .alias(o): total = outcomes[o]
            case .separate:
                total = InherentAndResidual(inherent: difference(config, 0, compiled.outcomeCount),
                                            residual: difference(config, states - 1, compiled.outcomeCount))
            }
            return (outcomes, total)
        }
    }

    private func riskResult(_ r: Int, view v: Int, analytics: RiskAnalytics) -> RiskResult {
        let plan = compiled.plan
        let views = compiled.viewCount
        let f = (r * views + v) * BlockStats.fieldCount
        func sum(_ field: BlockStats.Field) -> Double { stats.sums[f + field.rawValue] }
        let n = Double(trials)
        let grouped = compiled.risks[r].group != nil
        let benefit = sum(.benefit)
        func moments(harm: BlockStats.Field, square: BlockStats.Field, cross: BlockStats.Field, group: BlockStats.Field) -> (Statistic, Double) {
            let net = sum(harm) - benefit
            let mean = net / n
            let variance = n > 1 ? max(0, (sum(square) - net * mean) / (n - 1)) : 0
            let crossSum = grouped ? sum(cross) : sum(square)
            let groupSum = grouped ? sum(group) : net
            let contribution = n > 1 ? (crossSum - net * groupSum / n) / (n - 1) : 0
            return (Statistic(value: mean, standardError: (variance / n).squareRoot()), contribution)
        }
        let inh = moments(harm: .harmInherent, square: .netSquaredInherent, cross: .crossInherent, group: .groupInherent)
        let res = moments(harm: .harmResidual, square: .netSquaredResidual, cross: .crossResidual, group: .groupResidual)
        var response: ResponseResult?
        if let plannedResponse = plan.risks[r].response {
            let d = sum(.difference)
            let mean = d / n
            let variance = n > 1 ? max(0, (sum(.differenceSquared) - d * mean) / (n - 1)) : 0
            response = ResponseResult(
                inherentMean: sum(.harmInherent) / n, residualMean: sum(.harmResidual) / n,
                value: Statistic(value: mean, standardError: (variance / n).squareRoot()),
                cost: plannedResponse.cost,
                valueForMoney: plannedResponse.cost > 0 ? mean / plannedResponse.cost : nil)
        }
        let a = analytics.figures(risk: r, view: v)
        return RiskResult(
            probability: .init(inherent: sum(.occurredInherent) / n, residual: sum(.occurredResidual) / n),
            meanHarm: .init(inherent: sum(.harmInherent) / n, residual: sum(.harmResidual) / n),
            meanBenefit: benefit / n,
            meanLoss: .init(inherent: inh.0, residual: res.0),
            varianceContribution: .init(inherent: inh.1, residual: res.1),
            impactP10: a.impactP10, impactP90: a.impactP90, tornadoSwing: a.tornado, lossP90: a.lossP90,
            response: response)
    }
}
