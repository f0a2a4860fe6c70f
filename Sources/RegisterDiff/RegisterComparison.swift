import RegisterModel
import Scoring

/// What changed in a register between two revisions: its entries, field by field, and its
/// scores. Its JSON encoding is `riskreg diff --format json`.
public struct RegisterComparison: Sendable, Codable {
    /// The version of this format.
    public var diffFormat = 1
    public var register: RegisterInfo
    /// The earlier and later revisions compared.
    public var from: Side
    public var to: Side
    public var run: RunInfo
    /// Every structural change, in register order.
    public var changes: [RegisterChange]
    public var scores: ScoreComparison

    public struct RegisterInfo: Sendable, Codable {
        public var id: String
        public var title: String
        public var organisation: String
    }

    /// One side of the comparison.
    public struct Side: Sendable, Codable, Hashable {
        /// The git revision as given, or nil for the working tree.
        public var revision: String?
        /// How the side's file is named in diagnostics and output: `HEAD~1:Registers/x.yaml`,
        /// or the path for the working tree.
        public var label: String
        /// False when the file did not exist at that revision: every entry is then new.
        public var exists: Bool

        public init(revision: String?, label: String, exists: Bool) {
            self.revision = revision
            self.label = label
            self.exists = exists
        }
    }

    public struct RunInfo: Sendable, Codable {
        public var seed: UInt64
        public var trials: Int
        public var asOf: String
        public var view: String
        public var portfolio: String?
    }

    /// Compares two revisions of a register, scoring both with the same seed and trials.
    ///
    /// - Parameters:
    ///   - old: the earlier register, or nil when the file did not exist at `from`.
    ///   - new: the later register.
    ///   - options: how to score both. With `precision`, each side is first scored to the
    ///     precision; the side that needed fewer trials is then scored again with as many as
    ///     the other, because unchanged risks give identical figures only on equal trials.
    public static func compare(
        from: Side, _ old: Register?, to: Side, _ new: Register, options: ScoringOptions
    ) throws(ScoringError) -> RegisterComparison {
        // The comparison reads the headline figures only. (A precision target is judged on
        // every view's figures, so a run to a precision scores them all, as `score` does.)
        var options = options
        options.headlineOnly = options.precision == nil
        var newScore = try Scorer.score(new, options: options)
        var oldScore = try old.map { (r: Register) throws(ScoringError) in try Scorer.score(r, options: options) }
        if let o = oldScore, o.run.trials != newScore.run.trials {
            var fixed = options
            fixed.precision = nil
            fixed.trials = max(o.run.trials, newScore.run.trials)
            if o.run.trials < fixed.trials {
                oldScore = try Scorer.score(old!, options: fixed)
            } else {
                newScore = try Scorer.score(new, options: fixed)
            }
        }
        return RegisterComparison(
            register: .init(id: new.metadata.id, title: new.metadata.title, organisation: new.metadata.organisation),
            from: from, to: to,
            run: .init(seed: newScore.run.seed, trials: newScore.run.trials, asOf: newScore.run.asOf,
                       view: newScore.run.view, portfolio: newScore.run.portfolio),
            changes: StructuralComparison.changes(from: old, to: new),
            scores: ScoreComparison(from: oldScore, to: newScore))
    }

    /// Risks whose entries changed (or were added or removed).
    public var changedRisks: Set<String> {
        Set(changes.filter { $0.subject == .risk }.map(\.id))
    }
}
