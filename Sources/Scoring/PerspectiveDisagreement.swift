/// How far apart the perspectives' estimates put one figure, before responses: the perspective
/// that sees it going best, the one that sees it going worst, and the difference between them
/// in the outcome's own unit.
///
/// A difference, never a ratio. Figures are losses (harm − benefit), negative for a net
/// benefit, and a ratio of two negative figures reads backwards ("1.3× higher" for a smaller
/// loss), while a 300-hour net loss against a 298-hour net benefit would read "1.0×" — agreement
/// — and rank last. The difference keeps its meaning at any sign, and `best` and `worst` say
/// which way is better whatever the outcome's direction: less loss is better for a loss-like
/// outcome, and for a gain-like one less loss is more gain.
///
/// Before responses because what perspectives estimate is the entries' chance, impact and
/// benefit; the responses are the register's own, the same on every perspective.
public struct PerspectiveDisagreement: Sendable, Codable, Hashable {
    /// The perspective whose estimates give the smallest loss (the largest gain).
    public var best: Side
    /// The perspective whose estimates give the largest loss (the smallest gain).
    public var worst: Side
    /// `worst.value − best.value`, never negative, in the outcome's unit.
    public var difference: Double
    /// ``difference`` over the outcome's standard deviation before responses, so differences in
    /// different units can be ranked together; absent when that deviation is 0 (and on
    /// outcome-level disagreements, where it would compare a figure with its own spread).
    public var relativeToOutcomeSpread: Double?

    /// One perspective's figure.
    public struct Side: Sendable, Codable, Hashable {
        /// The perspective's id.
        public var perspective: String
        /// Its figure before responses (a loss: negative for a net benefit).
        public var value: Double
    }

    /// The disagreement among `figures` (perspective id, figure), or nil with fewer than two
    /// finite figures. Ties go to the perspective listed first, so the result does not depend
    /// on anything but the order the register lists its perspectives in.
    public static func among(_ figures: [(perspective: String, value: Double)], outcomeSpread: Double? = nil) -> Self? {
        let finite = figures.filter(\.value.isFinite)
        guard finite.count >= 2 else { return nil }
        var lo = finite[0], hi = finite[0]
        // Ties go to the perspective whose id sorts first, so the register's order of
        // perspectives (presentation only) never changes which one is named.
        for f in finite.dropFirst() {
            if f.value < lo.value || (f.value == lo.value && f.perspective < lo.perspective) { lo = f }
            if f.value > hi.value || (f.value == hi.value && f.perspective < hi.perspective) { hi = f }
        }
        let difference = hi.value - lo.value
        return Self(
            best: Side(perspective: lo.perspective, value: lo.value),
            worst: Side(perspective: hi.perspective, value: hi.value),
            difference: difference,
            relativeToOutcomeSpread: outcomeSpread.flatMap { $0 > 0 && $0.isFinite ? difference / $0 : nil })
    }
}
