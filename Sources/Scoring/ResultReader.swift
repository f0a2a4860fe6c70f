import Foundation
import MonteCarlo
import RegisterModel

/// Reads the engine's index-based results back into the register's ids, titles and verdicts.
struct ResultReader {
    let register: Register
    let options: ScoringOptions
    let compiled: CompiledRegister
    let result: SimulationResult
    /// The index of the headline view in `result.views`.
    let headline: Int
    let portfolio: String?
    let comparison: (CompiledRegister, SimulationResult)?

    func score() -> RegisterScore {
        let view = result.views[headline]
        let perspectiveViews = compiled.viewPerspectives.indices.filter { compiled.viewPerspectives[$0] != nil }

        let outcomes = register.outcomes.enumerated().map { o, outcome in
            // Plan risks on this outcome (entries, and further effects of entries), each with
            // the entry it belongs to.
            let carriers = compiled.risks.indices.filter { compiled.risks[$0].outcome == outcome.id }.map { ($0, $0) }
                + compiled.effects.filter { $0.outcome == outcome.id }.map { ($0.plan, $0.risk) }
            let drivers = carriers
                .sorted {
                    let a = view.risks[$0.0].varianceContribution.residual, b = view.risks[$1.0].varianceContribution.residual
                    return a != b ? a > b : compiled.risks[$0.1].id < compiled.risks[$1.1].id
                }
                .map { compiled.risks[$0.1].id }
            return RegisterScore.OutcomeScore(
                id: outcome.id, title: outcome.title, unit: Self.unitName(outcome.unit),
                inherent: view.outcomes[o].inherent, residual: view.outcomes[o].residual, drivers: drivers,
                inherentP90Disagreement: PerspectiveDisagreement.among(perspectiveViews.compactMap { v in
                    guard let id = compiled.viewPerspectives[v], let p90 = result.views[v].outcomes[o].inherent.percentile(0.9) else { return nil }
                    return (id, p90.value)
                }))
        }
        let total = view.total.map {
            RegisterScore.TotalScore(
                outcomes: compiled.totalOutcomes.map { register.outcomes[$0].id }, inherent: $0.inherent, residual: $0.residual)
        }
        return RegisterScore(
            register: .init(
                id: register.metadata.id, title: register.metadata.title, organisation: register.metadata.organisation,
                file: register.file, horizon: register.metadata.horizon.description, currency: register.metadata.currency),
            run: .init(
                seed: result.seed, trials: result.trials, blockSize: result.blockSize, precision: options.precision,
                maxTrials: options.precision == nil ? nil : options.maxTrials, precisionMet: result.precisionMet, asOf: options.asOf.description,
                view: compiled.viewPerspectives[headline] ?? "pooled", portfolio: portfolio,
                precisionShortfalls: result.precisionShortfalls.map { $0.map(precisionShortfall) }),
            outcomes: outcomes, total: total, appetite: appetite(view), risks: risks(view),
            perspectives: perspectives(), portfolios: portfolios(), correlations: correlations(),
            staleEntries: register.risks.compactMap { risk in
                guard let review = risk.review, review < options.asOf else { return nil }
                return RegisterScore.StaleEntry(risk: risk.id, review: review.description)
            })
    }

    static func unitName(_ unit: Outcome.Unit) -> String {
        switch unit {
        case .money: "money"
        case .other(let name): name
        }
    }

    private func appetite(_ view: ViewResult) -> [RegisterScore.AppetiteVerdict] {
        zip(register.appetite.indices, zip(register.appetite, compiled.appetiteThresholds)).map { index, pair in
            let (statement, source) = pair
            func judged(_ outcomes: [InherentAndResidual<OutcomeSummary>], thresholds: (outcome: Int, threshold: Int?),
                        trials: Int) -> (Statistic, Statistic, Bool, Bool) {
                let summary = outcomes[thresholds.outcome]
                func chance(_ s: OutcomeSummary) -> Statistic {
                    guard let k = thresholds.threshold else {
                        return RegisterScore.AppetiteVerdict.chance(s.probabilityNetBenefit, trials: trials)
                    }
                    let exceed = s.exceedances[k].probability
                    if case .netBenefitAbove = statement.limit {
                        return RegisterScore.AppetiteVerdict.chance(exceed, trials: trials, complement: true)
                    }
                    return RegisterScore.AppetiteVerdict.chance(exceed, trials: trials)
                }
                let residual = chance(summary.residual)
                let within: Bool, limit: Double
                switch statement.limit {
                case .lossExceeds(_, let atMost): (within, limit) = (residual.value <= atMost, atMost)
                case .netBenefitAbove(_, let atLeast): (within, limit) = (residual.value >= atLeast, atLeast)
                case .harmExceeds(_, let atMost): (within, limit) = (residual.value <= atMost, atMost)
                }
                return (residual, chance(summary.inherent), within, RegisterScore.AppetiteVerdict.isDecisive(residual, limit: limit))
            }
            let (residual, inherent, within, decisive) = judged(view.outcomes, thresholds: source, trials: result.trials)
            let kind: RegisterScore.AppetiteVerdict.Kind
            let threshold: Double, limit: Double
            switch statement.limit {
            case .lossExceeds(let t, let atMost): (kind, threshold, limit) = (.lossExceeds, t, atMost)
            case .netBenefitAbove(let t, let atLeast): (kind, threshold, limit) = (.netBenefitAbove, t, atLeast)
            case .harmExceeds(let t, let atMost): (kind, threshold, limit) = (.harmExceeds, t, atMost)
            }
            var verdict = RegisterScore.AppetiteVerdict(
                outcome: statement.outcome, statement: statement.statement, kind: kind, threshold: threshold,
                limit: limit, probability: residual, inherentProbability: inherent,
                withinAppetite: within, decisive: decisive)
            // Each perspective's own view, when the headline pools several.
            if compiled.viewPerspectives[headline] == nil {
                verdict.perspectives = compiled.viewPerspectives.enumerated().compactMap { v, id in
                    guard let id else { return nil }
                    let (p, _, w, d) = judged(result.views[v].outcomes, thresholds: source, trials: result.trials)
                    return .init(id: id, probability: p, withinAppetite: w, decisive: d)
                }
            }
            // Each portfolio option, from the comparison run (whose plan has the same thresholds).
            // The headline option's is the headline's own: the two runs give it the same figure
            // except where a rank-correlated activity the headline leaves out pairs the
            // comparison's trials differently (equal in distribution, not draw for draw), and a
            // report must not print two chances for one option.
            if let (all, compared) = comparison, index < all.appetiteThresholds.count {
                let trials = compared.trials
                verdict.portfolios = zip(register.portfolios, compared.portfolios).map { portfolio, figures in
                    if portfolio.id == self.portfolio {
                        return .init(id: portfolio.id, probability: residual, withinAppetite: within, decisive: decisive)
                    }
                    let (p, _, w, d) = judged(figures.outcomes, thresholds: all.appetiteThresholds[index], trials: trials)
                    return .init(id: portfolio.id, probability: p, withinAppetite: w, decisive: d)
                }
            }
            return verdict
        }
    }

    /// Every risk of the register: those in the headline from the main run, and the activities
    /// of other portfolios from the comparison run (their own figures are the same either way,
    /// since each risk's streams are its own).
    private func risks(_ view: ViewResult) -> [RegisterScore.RiskScore] {
        let outcomeIndex = Dictionary(uniqueKeysWithValues: register.outcomes.enumerated().map { ($1.id, $0) })
        let headlineIndex = Dictionary(uniqueKeysWithValues: compiled.risks.enumerated().map { ($1.id, $0) })
        let otherIndex = comparison.map { Dictionary(uniqueKeysWithValues: $0.0.risks.enumerated().map { ($1.id, $0) }) } ?? [:]
        // Reserved, not grown: a risk's score is large, and growing by doubling would hold two
        // buffers of them at once (20 MB at the peak for 10,000 risks instead of 6).
        var scores: [RegisterScore.RiskScore] = []
        scores.reserveCapacity(register.risks.count)
        // Per outcome, the sum of the residual contributions of everything on it in the headline
        // — its entries and other entries' effects on it — in plan order (which does not depend
        // on the file's order): the denominator of their shares, so that they add up to 1.
        var contributions = Array(repeating: 0.0, count: register.outcomes.count)
        for (r, risk) in compiled.risks.enumerated() {
            contributions[outcomeIndex[risk.outcome]!] += view.risks[r].varianceContribution.residual
        }
        for effect in compiled.effects {
            contributions[outcomeIndex[effect.outcome]!] += view.risks[effect.plan].varianceContribution.residual
        }
        func share(_ figures: RiskResult, on outcome: String) -> Double? {
            let variance = contributions[outcomeIndex[outcome]!]
            return variance > 0 ? figures.varianceContribution.residual / variance : nil
        }
        let effects = Dictionary(grouping: compiled.effects, by: \.risk)
        let otherEffects = comparison.map { Dictionary(grouping: $0.0.effects, by: \.risk) } ?? [:]
        // Each outcome's spread before responses, against which a risk's disagreement is sized.
        let spreads = Dictionary(uniqueKeysWithValues: register.outcomes.enumerated().map { ($1.id, view.outcomes[$0].inherent.standardDeviation) })
        for risk in register.risks {
            if let r = headlineIndex[risk.id] {
                let variance = contributions[outcomeIndex[risk.outcome]!]
                var score = riskScore(risk, view.risks[r], index: r, outcomeVariance: variance, outcomeSpread: spreads[risk.outcome], inHeadline: true)
                if let slots = effects[r] {
                    score.effects = [Self.effect(risk.outcome, view.risks[r], share: share(view.risks[r], on: risk.outcome))]
                        + slots.map { Self.effect($0.outcome, view.risks[$0.plan], share: share(view.risks[$0.plan], on: $0.outcome)) }
                }
                scores.append(score)
            } else if let r = otherIndex[risk.id], let (_, compared) = comparison {
                var score = riskScore(risk, compared.views[0].risks[r], index: nil, outcomeVariance: 0, outcomeSpread: spreads[risk.outcome], inHeadline: false)
                // An option set aside affects every outcome its entries name, as the chosen
                // one's do: without its effects, a reader comparing the options' entries saw
                // only its own outcome, and its hours and wellbeing came from nowhere.
                if let slots = otherEffects[r] {
                    score.effects = [Self.effect(risk.outcome, compared.views[0].risks[r], share: nil)]
                        + slots.map { Self.effect($0.outcome, compared.views[0].risks[$0.plan], share: nil) }
                }
                scores.append(score)
            }
        }
        return scores
    }

    private func riskScore(
        _ risk: Risk, _ figures: RiskResult, index: Int?, outcomeVariance variance: Double, outcomeSpread: Double?, inHeadline: Bool
    ) -> RegisterScore.RiskScore {
        let own: [RegisterScore.RiskPerspective] = index.map { r in compiled.viewPerspectives.enumerated().compactMap { v, id in
            guard let id, risk.estimates.contains(where: { $0.perspective == id }) else { return nil }
            let seen = result.views[v].risks[r]
            return RegisterScore.RiskPerspective(
                perspective: id, probability: seen.probability.inherent, meanLoss: seen.meanLoss.inherent.value,
                impactP90: seen.impactP90, lossP90: seen.lossP90)
        } } ?? []
        let response = risk.response.flatMap { response in
            figures.response.map { value in
                RegisterScore.ResponseScore(
                    action: response.action, cost: response.cost, deliveredBy: response.deliveredBy,
                    reliability: response.reliability, inherentMean: value.inherentMean,
                    residualMean: value.residualMean, value: value.value, valueForMoney: value.valueForMoney)
            }
        }
        var score = RegisterScore.RiskScore(
            id: risk.id, title: risk.title, outcome: risk.outcome, strategy: risk.strategy,
            confidential: risk.isConfidential, review: risk.review?.description, inHeadline: inHeadline,
            probability: figures.probability, probabilityStandardError: figures.probabilityStandardError, meanHarm: figures.meanHarm, meanBenefit: figures.meanBenefit,
            meanLoss: figures.meanLoss, varianceContribution: figures.varianceContribution,
            varianceShare: variance > 0 ? figures.varianceContribution.residual / variance : nil,
            impactP10: figures.impactP10, impactP90: figures.impactP90, tornadoSwing: figures.tornadoSwing,
            response: response, perspectives: own,
            inherentMeanDisagreement: PerspectiveDisagreement.among(
                own.map { ($0.perspective, $0.meanLoss) }, outcomeSpread: outcomeSpread))
        let banded = risk.estimates.filter(\.isFromBands).map(\.perspective)
        score.fromBands = banded.isEmpty ? nil : banded.sorted()
        score.ratings = MatrixPlacement.ratings(risk: risk, register: register, perspective: options.perspective)
        score.needsReview = risk.needsReview
        return score
    }

    static func effect(_ outcome: String, _ figures: RiskResult, share: Double?) -> RegisterScore.EffectScore {
        RegisterScore.EffectScore(outcome: outcome, meanHarm: figures.meanHarm, meanBenefit: figures.meanBenefit, meanLoss: figures.meanLoss,
                                  varianceShare: share, responseValue: figures.response?.value)
    }

    private func perspectives() -> [RegisterScore.PerspectiveScore] {
        compiled.viewPerspectives.enumerated().compactMap { v, id in
            guard let id, compiled.viewPerspectives.count > 1,
                  let perspective = register.perspectives.first(where: { $0.id == id }) else { return nil }
            return RegisterScore.PerspectiveScore(
                id: id, title: perspective.title, weight: perspective.weight,
                outcomes: register.outcomes.enumerated().map { o, outcome in
                    result.views[v].outcomes[o].inherent.brief(paired: result.views[v].outcomes[o].residual, outcome: outcome.id)
                })
        }
    }

    private func portfolios() -> [RegisterScore.PortfolioScore] {
        guard let (_, compared) = comparison else { return [] }
        return zip(register.portfolios, compared.portfolios).map { portfolio, figures in
            var score = RegisterScore.PortfolioScore(
                id: portfolio.id, title: portfolio.title, activities: portfolio.risks,
                outcomes: register.outcomes.enumerated().map { o, outcome in
                    figures.outcomes[o].inherent.brief(paired: figures.outcomes[o].residual, outcome: outcome.id)
                },
                differenceFromFirst: figures.differenceFromFirst.map(\.residual))
            if !portfolio.split.isEmpty { score.split = portfolio.split.map { .init(risk: $0.risk, share: $0.share) } }
            if !portfolio.responses.isEmpty {
                score.responses = portfolio.responses.compactMap { choice in
                    register.risk(choice.risk)?.response(named: choice.response).map {
                        .init(risk: choice.risk, response: choice.response, action: $0.action, cost: $0.cost)
                    }
                }
            }
            if let cost = portfolio.cost {
                score.cost = cost
                score.costOutcome = portfolio.costOutcome
            }
            return score
        }
    }

    /// In register order, each between its risks as the register names them.
    private func correlations() -> [RegisterScore.CorrelationScore] {
        zip(register.correlations, compiled.correlationIndex).compactMap { c, index in
            guard let index else { return nil }
            return RegisterScore.CorrelationScore(
                between: [c.first, c.second], target: c.rank, achieved: result.correlations[index].achieved)
        }
    }

    /// A figure that missed the precision target, in the register's terms.
    private func precisionShortfall(_ s: MonteCarlo.PrecisionShortfall) -> RegisterScore.PrecisionShortfall {
        let outcome = s.slot < register.outcomes.count ? register.outcomes[s.slot].id : "total"
        return .init(
            outcome: outcome, view: compiled.viewPerspectives[s.view] ?? "pooled",
            treatment: s.state == 1 ? "residual" : (compiled.plan.hasResponses ? "inherent" : "both"),
            p95: s.percentile, trialsNeeded: s.trialsNeeded)
    }
}
