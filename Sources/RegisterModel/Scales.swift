import Distributions

/// The organisation's own ordinal scales, as its risk management policy defines them: a
/// likelihood scale, an impact scale per outcome unit, and the rule that rates a cell of the
/// matrix red, amber or green.
///
/// Estimates may be written on these scales (`likelihood: likely`, `impact: {level: 4}`); each
/// level's band is turned into a distribution by ``ScaleLevel/likelihoodDistribution()`` and
/// ``ScaleLevel/impactDistribution(below:)``, and results are placed back on the matrix.
public struct Scales: Sendable {
    public var likelihood: [ScaleLevel]
    public var impact: [ImpactScale]
    public var rating: RatingRule
    public var location: Diagnostic.Location

    public init(likelihood: [ScaleLevel], impact: [ImpactScale], rating: RatingRule, location: Diagnostic.Location) {
        self.likelihood = likelihood
        self.impact = impact
        self.rating = rating
        self.location = location
    }

    /// The impact scale for an outcome unit, if the register declares one.
    public func impactScale(for unit: Outcome.Unit) -> ImpactScale? {
        impact.first { $0.unit == unit }
    }

    /// The level whose band holds `value`: bands are half-open `[from, to)`, the top band
    /// includes its upper edge, a value below the first band is level 1 and one above the last
    /// band the top level.
    public static func level(of value: Double, in levels: [ScaleLevel]) -> ScaleLevel {
        for level in levels.dropLast() where value < (level.to ?? .infinity) {
            return level
        }
        return levels[levels.count - 1]
    }

    /// The level with this label (ignoring case) or number.
    public static func level(named name: String, in levels: [ScaleLevel]) -> ScaleLevel? {
        if let number = Int(name) { return levels.first { $0.level == number } }
        return levels.first { $0.label.lowercased() == name.lowercased() }
    }
}

/// One level of an ordinal scale: its number, label and band.
public struct ScaleLevel: Sendable, Hashable {
    /// 1 for the lowest level, counting up.
    public var level: Int
    /// The identifier estimates and ratings refer to (`likelihood: zeer-klein`); never translated,
    /// so that a register's entries keep meaning the same level in every report.
    public var label: String
    /// The level's name as reports show it ("very unlikely"), in the report's language where the
    /// register gives it (`name: {en: very unlikely, nl: zeer klein}`); nil when the register
    /// gives none, and reports show ``shownName`` instead.
    public var name: String?
    /// The band's lower edge: a probability on the likelihood scale, an amount in the outcome's
    /// unit on an impact scale.
    public var from: Double
    /// The band's upper edge; nil for an open-ended top band ("over £1m").
    public var to: Double?
    /// The policy's own words, such as "serious harm to a service user".
    public var description: String?

    public init(level: Int, label: String, name: String? = nil, from: Double, to: Double?, description: String? = nil) {
        self.level = level
        self.label = label
        self.name = name
        self.from = from
        self.to = to
        self.description = description
    }

    /// What a report calls the level: its `name`, else its label with hyphens read as spaces
    /// (`zeer-klein` as "zeer klein"), since a label is written as an identifier.
    public var shownName: String {
        name ?? label.replacingOccurrences(of: "-", with: " ")
    }

    /// A likelihood level as a distribution over the chance: uniform over the band. (A
    /// likelihood acts through its mean, so in scoring this is the band's midpoint.)
    public func likelihoodDistribution() throws(DistributionError) -> Distribution {
        try .uniform(min: from, max: to ?? 1)
    }

    /// Multiplier that sets an open-ended top band's 95th percentile when the band below gives
    /// no ratio (it starts at zero): the top band is taken to span one order of magnitude.
    public static let openBandRatio = 10.0

    /// An impact level as a distribution over the harm:
    /// - a band `[from, to]` with `from > 0`: lognormal with 5th percentile `from` and 95th
    ///   percentile `to` (the band is read as a 90 % interval);
    /// - a band starting at zero: uniform over `[0, to]` (a lognormal cannot reach zero);
    /// - an open-ended top band `from` upwards: lognormal with 5th percentile `from` and 95th
    ///   percentile `from × r`, where r is the ratio of the band below (its `to` over its
    ///   `from`), or ``openBandRatio`` when the band below starts at zero or there is none.
    public func impactDistribution(below: ScaleLevel?) throws(DistributionError) -> Distribution {
        if let to {
            return from > 0 ? try .lognormal(p5: from, p95: to) : try .uniform(min: 0, max: to)
        }
        var ratio = Self.openBandRatio
        if let below, below.from > 0, let top = below.to, top > below.from { ratio = top / below.from }
        return try .lognormal(p5: from, p95: from * ratio)
    }
}

/// The impact scale of one outcome unit.
public struct ImpactScale: Sendable {
    public var unit: Outcome.Unit
    public var levels: [ScaleLevel]
    public var description: String?

    public init(unit: Outcome.Unit, levels: [ScaleLevel], description: String? = nil) {
        self.unit = unit
        self.levels = levels
        self.description = description
    }

    /// The distribution of the level numbered `level` (which must exist).
    public func distribution(level: Int) throws(DistributionError) -> Distribution {
        let i = levels.firstIndex { $0.level == level }!
        return try levels[i].impactDistribution(below: i > 0 ? levels[i - 1] : nil)
    }
}

/// Red, amber, green.
public enum RAG: String, Sendable, Codable, CaseIterable, Comparable {
    case green, amber, red

    private var rank: Int {
        switch self {
        case .green: 0
        case .amber: 1
        case .red: 2
        }
    }

    public static func < (lhs: RAG, rhs: RAG) -> Bool { lhs.rank < rhs.rank }
}

/// How a cell of the matrix (a likelihood level and an impact level) is scored and rated.
public struct RatingRule: Sendable {
    public enum Method: Sendable, Hashable {
        /// score = likelihood level × impact level.
        case product
        /// The score of each cell, one row per likelihood level (level 1 first), one column per
        /// impact level (level 1 first).
        case matrix([[Double]])
    }

    public var method: Method
    /// A score at or above this is amber.
    public var amberFrom: Double
    /// A score at or above this is red.
    public var redFrom: Double

    public init(method: Method, amberFrom: Double, redFrom: Double) {
        self.method = method
        self.amberFrom = amberFrom
        self.redFrom = redFrom
    }

    /// The score of a cell; levels are 1-based.
    public func score(likelihood: Int, impact: Int) -> Double {
        switch method {
        case .product: Double(likelihood * impact)
        case .matrix(let rows): rows[likelihood - 1][impact - 1]
        }
    }

    public func rag(_ score: Double) -> RAG {
        score >= redFrom ? .red : score >= amberFrom ? .amber : .green
    }
}

/// A position on the matrix as the register states it: a likelihood level and an impact level.
public struct StatedRating: Sendable, Hashable {
    public var likelihood: Int
    public var impact: Int

    public init(likelihood: Int, impact: Int) {
        self.likelihood = likelihood
        self.impact = impact
    }
}

/// The ordinal ratings a register states for a risk, as its committee knows them: before
/// controls (gross), now (current) and where it should be (target).
public struct StatedRatings: Sendable, Hashable {
    public var gross: StatedRating?
    public var current: StatedRating?
    public var target: StatedRating?

    public init(gross: StatedRating? = nil, current: StatedRating? = nil, target: StatedRating? = nil) {
        self.gross = gross
        self.current = current
        self.target = target
    }
}
