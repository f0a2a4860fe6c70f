extension SimulationPlan {
    enum CodingKeys: String, CodingKey {
        case outcomeCount, totalOutcomes, risks, views, portfolios, primaryView, correlations, thresholds, totalThresholds, deliverers
    }

    /// Decodes a plan and validates it like the memberwise initialiser, so a decoded plan is
    /// as safe to run as a constructed one.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            outcomeCount: c.decode(Int.self, forKey: .outcomeCount),
            totalOutcomes: c.decode([Int].self, forKey: .totalOutcomes),
            risks: c.decode([Risk].self, forKey: .risks),
            views: c.decode([View].self, forKey: .views),
            portfolios: c.decode([Portfolio].self, forKey: .portfolios),
            primaryView: c.decode(Int.self, forKey: .primaryView),
            correlations: c.decode([Correlation].self, forKey: .correlations),
            thresholds: c.decode([[Double]].self, forKey: .thresholds),
            totalThresholds: c.decode([Double].self, forKey: .totalThresholds),
            deliverers: c.decodeIfPresent([Deliverer].self, forKey: .deliverers) ?? [])
    }
}

extension SimulationPlan.Response {
    enum CodingKeys: String, CodingKey {
        case reliability, likelihoodMultiplier, impactMultiplier, cost, deliverers
    }

    /// Decodes a response; a plan written before responses had deliverers reads as having none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            reliability: try c.decode(Double.self, forKey: .reliability),
            likelihoodMultiplier: try c.decode(Double.self, forKey: .likelihoodMultiplier),
            impactMultiplier: try c.decode(Double.self, forKey: .impactMultiplier),
            cost: try c.decode(Double.self, forKey: .cost),
            deliverers: try c.decodeIfPresent([Int].self, forKey: .deliverers) ?? [])
    }
}
