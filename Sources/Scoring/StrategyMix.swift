import RegisterModel

/// How a register's entries spread over the four strategies, against the reference documented in
/// docs/strategy-mix.md.
///
/// Bovaird and Quirk observe that public agencies over-use the first two strategies — choosing
/// lower-risk activities (portfolio) and reducing risk in the environment (reduction) — and
/// under-use resilience and enablement. With the four used evenly, half the entries would be
/// portfolio or reduction; the reference asks that no more than three in four are
/// (``referenceShare``), so that at least one entry in four absorbs harm or takes a risk on
/// purpose, and that at least one entry is enablement.
public struct StrategyMix: Sendable, Equatable {
    /// The largest share of portfolio and reduction entries the reference accepts without a note.
    public static let referenceShare = 0.75

    /// Entries per strategy, in the order portfolio, reduction, resilience, enablement.
    public let counts: [Int]

    public init(_ strategies: [Strategy]) {
        counts = Strategy.allCases.map { s in strategies.filter { $0 == s }.count }
    }

    public var total: Int { counts.reduce(0, +) }

    public func count(_ strategy: Strategy) -> Int { counts[Strategy.allCases.firstIndex(of: strategy)!] }

    /// The share of entries that are portfolio or reduction entries (0 with no entries).
    public var firstTwoShare: Double {
        total == 0 ? 0 : Double(count(.portfolio) + count(.reduction)) / Double(total)
    }

    /// More than the reference share of entries are portfolio or reduction entries.
    public var leansOnFirstTwo: Bool { total > 0 && firstTwoShare > Self.referenceShare }

    /// No entry takes a risk on purpose.
    public var lacksEnablement: Bool { total > 0 && count(.enablement) == 0 }
}
